// SamIdCardReader over UsbSamTransport over real libusb (drivers/usb), against an emulated 0400:c35a reader
// (umockdev usbfs, tests/support/usbemu) whose SAM is a SamModuleModel. Both endpoint layouts; card placed
// and removed; unplugged in the middle of a read; bad checksum; short frame; each SW3 error.
#include "SamUsbModel.h"

#include "EmulatedUsbDeviceSpec.h"
#include "SamIdCardReader.h"
#include "StrictWarnings.h"
#include "UsbContext.h"
#include "UsbEmulator.h"
#include "sam/SamStatus.h"
#include "transport/UsbSamTransport.h"

#include <QSignalSpy>
#include <QtTest>

namespace {
IdCardData resident()
{
    IdCardData c;
    c.name = QStringLiteral("赵一鸣");
    c.sex = IdCardData::Sex::Male;
    c.ethnicity = QStringLiteral("汉");
    c.birth = QDate(1988, 4, 12);
    c.address = QStringLiteral("上海市黄浦区测试路100弄5号");
    c.idNumber = QStringLiteral("310101198804120018");
    c.issuer = QStringLiteral("上海市公安局黄浦分局");
    c.validFrom = QDate(2016, 3, 1);
    c.validTo = QDate(2036, 3, 1);
    return c;
}

EmulatedUsbDeviceSpec readerSpec(bool split)
{
    if (!split)
        return EmulatedUsbDeviceSpec::bulkPair(0x0400, 0xc35a, 0x02, 0x81, 64);
    EmulatedUsbDeviceSpec spec;
    spec.vendorId = 0x0400;
    spec.productId = 0xc35a;
    EmulatedUsbInterface interface;
    interface.endpoints = {{0x02, EmulatedUsbEndpoint::Type::Bulk, 64},
                           {0x06, EmulatedUsbEndpoint::Type::Bulk, 64},
                           {0x81, EmulatedUsbEndpoint::Type::Bulk, 64},
                           {0x85, EmulatedUsbEndpoint::Type::Bulk, 64}};
    spec.interfaces = {interface};
    return spec;
}

// One emulated reader, the USB context and the reader under test.
struct Rig
{
    explicit Rig(bool split) : model(split)
    {
        QString error;
        key = emu.addDevice(readerSpec(split), &model, &error);
        QVERIFY2(!key.isEmpty(), qPrintable(error));
        QVERIFY2(usb.start(&error), qPrintable(error));
        SamIdCardReader::Options options;
        options.pollIntervalMs = 5;
        options.exchangeTimeoutMs = 1000;
        options.readTimeoutMs = 1500;
        options.reopenIntervalMs = 0;
        UsbSamTransport::Match match;
        match.vendorId = 0x0400;
        match.productId = 0xc35a;
        const auto endpoints = split ? UsbSamTransport::Endpoints::split() : UsbSamTransport::Endpoints();
        reader = std::make_unique<SamIdCardReader>(QStringLiteral("usb-reader"),
                                                   new UsbSamTransport(&usb, match, endpoints), options);
        read = std::make_unique<QSignalSpy>(reader.get(), &SamIdCardReader::cardRead);
        removed = std::make_unique<QSignalSpy>(reader.get(), &SamIdCardReader::cardRemoved);
        errors = std::make_unique<QSignalSpy>(reader.get(), &SamIdCardReader::errorOccurred);
    }
    ~Rig()
    {
        if (reader)
            reader->stop();
        reader.reset();
        usb.stop();
    }
    bool startReady()
    {
        reader->start();
        return QTest::qWaitFor([this] { return reader->status() == Device::Status::Ready; }, 10000);
    }
    QString lastError() const
    {
        return errors->isEmpty()
                   ? QString()
                   : errors->last().at(0).toString() + QStringLiteral(": ") + errors->last().at(1).toString();
    }

    UsbEmulator emu; // before the context starts
    SamUsbModel model;
    QString key;
    UsbContext usb;
    std::unique_ptr<SamIdCardReader> reader;
    std::unique_ptr<QSignalSpy> read, removed, errors;
};
} // namespace

class TestIdcardUsb : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QString why;
        if (!UsbEmulator::isAvailable(&why))
            QFAIL(qPrintable(QStringLiteral("needs umockdev-wrapper: ") + why));
    }

    void layouts_data()
    {
        QTest::addColumn<bool>("split");
        QTest::newRow("one pipe pair") << false;
        QTest::newRow("split pipes") << true;
    }

    void placedAndRemoved_data() { layouts_data(); }
    void placedAndRemoved()
    {
        QFETCH(bool, split);
        Rig rig(split);
        QVERIFY(rig.startReady());
        QVERIFY(rig.reader->transport()->description().contains(split ? QLatin1String("split pipes")
                                                                      : QLatin1String("one pipe pair")));
        rig.model.withModel([](Sam::SamModuleModel &m) { m.placeCard(resident()); });
        QVERIFY(rig.read->wait(10000));
        const IdCardData card = rig.read->first().first().value<IdCardData>();
        QCOMPARE(card.idNumber, resident().idNumber);
        QCOMPARE(card.address, resident().address);
        QVERIFY(rig.model.inReads() >= 1295 / 64); // the answer came in 64-byte packets
        QVERIFY(QTest::qWaitFor(
            [&] {
                return rig.model.withModel(
                           [](Sam::SamModuleModel &m) { return m.commandCount(0x20, 0x02); }) >= 4;
            },
            10000));
        QCOMPARE(rig.read->count(), 1);
        QCOMPARE(rig.removed->count(), 0);
        rig.model.withModel([](Sam::SamModuleModel &m) { m.removeCard(); });
        QVERIFY(rig.removed->wait(10000));
        QCOMPARE(rig.errors->count(), 0);
    }

    void unplugMidRead_data() { layouts_data(); }
    void unplugMidRead()
    {
        QFETCH(bool, split);
        Rig rig(split);
        QVERIFY(rig.startReady());
        rig.model.holdFrom(0x30, 0x01); // the read text answer never comes: the read is in flight
        rig.model.withModel([](Sam::SamModuleModel &m) { m.placeCard(resident()); });
        QVERIFY(QTest::qWaitFor([&] { return rig.reader->state() == SamIdCardReader::State::ReadingText; },
                                10000));
        rig.emu.removeDevice(rig.key);
        QVERIFY(QTest::qWaitFor([&] { return rig.reader->status() == Device::Status::Unavailable; }, 10000));
        QVERIFY2(rig.reader->reason().startsWith(QLatin1String("unplugged: 0400:c35a at ")),
                 qPrintable(rig.reader->reason()));
        QVERIFY2(
            rig.lastError().startsWith(QLatin1String("read card: reader unplugged or failed: unplugged")),
            qPrintable(rig.lastError()));
        QCOMPARE(rig.removed->count(), 1);
        QCOMPARE(rig.read->count(), 0);
    }

    void replugIsSeenThroughHotplug_data() { layouts_data(); }
    void replugIsSeenThroughHotplug()
    {
        // The rig never reopens on a timer (reopenIntervalMs = 0): only the hotplug arrival can bring the
        // reader back, and it must do so within 2 s of the device being plugged in.
        QFETCH(bool, split);
        Rig rig(split);
        QVERIFY(rig.startReady());
        rig.emu.removeDevice(rig.key);
        QTRY_VERIFY_WITH_TIMEOUT(rig.reader->status() == Device::Status::Unavailable, 2000);
        QString error;
        rig.key = rig.emu.addDevice(readerSpec(split), &rig.model, &error);
        QVERIFY2(!rig.key.isEmpty(), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(rig.reader->status() == Device::Status::Ready, 2000);
        rig.model.withModel([](Sam::SamModuleModel &m) { m.placeCard(resident()); });
        QTRY_COMPARE_WITH_TIMEOUT(rig.read->size(), 1, 5000);
    }

    void frameErrors_data()
    {
        QTest::addColumn<bool>("split");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("expected");
        for (bool split : {false, true}) {
            const char *layout = split ? "split" : "single";
            QTest::addRow("%s bad checksum", layout) << split << "checksum"
                                                     << "read card: read text: checksum: expected 0x";
            QTest::addRow("%s short frame", layout)
                << split << "truncate"
                << "read card: read text: short frame: 300 bytes, then nothing for 1500 ms";
        }
    }

    void frameErrors()
    {
        QFETCH(bool, split);
        QFETCH(QString, fault);
        QFETCH(QString, expected);
        Rig rig(split);
        rig.model.withModel([&](Sam::SamModuleModel &m) {
            if (fault == QLatin1String("checksum"))
                m.injectBadChecksum(0x30, 0x01, 3);
            else
                m.injectTruncation(0x30, 0x01, 300, 3);
        });
        QVERIFY(rig.startReady());
        rig.model.withModel([](Sam::SamModuleModel &m) { m.placeCard(resident()); });
        QVERIFY(rig.errors->wait(15000));
        QVERIFY2(rig.lastError().startsWith(expected), qPrintable(rig.lastError()));
        QVERIFY2(rig.lastError().endsWith(QLatin1String("after 3 tries")), qPrintable(rig.lastError()));
        QCOMPARE(rig.read->count(), 0);
        // recovery: the card is taken away and put back; the faults are used up
        rig.model.withModel([](Sam::SamModuleModel &m) { m.removeCard(); });
        QVERIFY(rig.removed->wait(10000));
        rig.model.withModel([](Sam::SamModuleModel &m) { m.placeCard(resident()); });
        QVERIFY(rig.read->wait(10000));
    }

    void sw3Errors_data()
    {
        QTest::addColumn<bool>("split");
        QTest::addColumn<int>("cmd");
        QTest::addColumn<int>("para");
        QTest::addColumn<int>("sw3");
        QTest::addColumn<QString>("step");
        for (bool split : {false, true}) {
            const char *layout = split ? "split" : "single";
            QTest::addRow("%s select 0x81", layout) << split << 0x20 << 0x02 << 0x81 << "select card";
            const QList<int> all = {0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33,
                                    0x37, 0x3F, 0x40, 0x41, 0x47, 0x60, 0x66};
            for (int sw3 :
                 split ? QList<int>{0x31, 0x41, 0x60} : all) // every code once; the split layout samples
                QTest::addRow("%s read 0x%02x", layout, sw3) << split << 0x30 << 0x01 << sw3 << "read text";
        }
    }

    void sw3Errors()
    {
        QFETCH(bool, split);
        QFETCH(int, cmd);
        QFETCH(int, para);
        QFETCH(int, sw3);
        QFETCH(QString, step);
        Rig rig(split);
        rig.model.withModel(
            [&](Sam::SamModuleModel &m) { m.injectSw3(quint8(cmd), quint8(para), quint8(sw3), 3); });
        QVERIFY(rig.startReady());
        rig.model.withModel([](Sam::SamModuleModel &m) { m.placeCard(resident()); });
        QVERIFY(rig.errors->wait(10000));
        const Sam::SamStatus status = Sam::SamStatus::fromSw3(quint8(sw3));
        QCOMPARE(rig.lastError(), QStringLiteral("read card: %1: SW3=%2 (%3) after 3 tries")
                                      .arg(step, status.hex(), status.description()));
        QCOMPARE(rig.read->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestIdcardUsb)
#include "tst_idcard_usb.moc"
