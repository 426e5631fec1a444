// SamIdCardReader, the SAM protocol state machine, over an in-memory transport backed by SamModuleModel:
// a card is read once and its removal seen; every failure ends in an error that names the step and why;
// the reader recovers; unplug and stop clean up.
#include "ReaderTestSupport.h"
#include "StrictWarnings.h"
#include "sam/SamStatus.h"
#include "transport/ModelSamTransport.h"

#include <QSignalSpy>
#include <QtTest>

namespace {
struct Rig
{
    explicit Rig(const SamIdCardReader::Options &options = fastOptions())
        : transport(new ModelSamTransport), reader(QStringLiteral("test-reader"), transport, options),
          read(&reader, &SamIdCardReader::cardRead), removed(&reader, &SamIdCardReader::cardRemoved),
          errors(&reader, &SamIdCardReader::errorOccurred)
    {
    }
    Sam::SamModuleModel &model() { return transport->model(); }
    bool startReady()
    {
        reader.start();
        return QTest::qWaitFor([this] {
            return reader.state() == SamIdCardReader::State::Idle ||
                   reader.state() == SamIdCardReader::State::Finding;
        });
    }
    // Waits until the reader has polled `n` more times (find commands), so "nothing else happened" is checked
    // after real polling rather than after a sleep.
    bool polls(int n)
    {
        const int target = model().commandCount(0x20, 0x01) + n;
        return QTest::qWaitFor([&] { return model().commandCount(0x20, 0x01) >= target; });
    }
    QString lastError() const
    {
        return errors.isEmpty()
                   ? QString()
                   : errors.last().at(0).toString() + QStringLiteral(": ") + errors.last().at(1).toString();
    }

    ModelSamTransport *transport; // owned by the reader
    SamIdCardReader reader;
    QSignalSpy read;
    QSignalSpy removed;
    QSignalSpy errors;
};
} // namespace

class TestSamReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void startsWithResetAndStatus()
    {
        Rig rig;
        QCOMPARE(rig.reader.status(), Device::Status::Unavailable);
        QVERIFY(rig.startReady());
        QCOMPARE(rig.reader.status(), Device::Status::Ready);
        QCOMPARE(rig.model().commandLog().mid(0, 2), (QList<QByteArray>{"10 ff", "11 ff"}));
        QVERIFY(rig.polls(3));
        QCOMPARE(rig.read.count(), 0);
        QVERIFY(!rig.reader.isCardPresent());
    }

    void cardReadOnceThenRemoved()
    {
        Rig rig;
        QVERIFY(rig.startReady());
        QSignalSpy presence(&rig.reader, &SamIdCardReader::cardPresenceChanged);
        rig.model().placeCard(testResident());
        QVERIFY(rig.read.wait(5000));
        const IdCardData card = rig.read.first().first().value<IdCardData>();
        QCOMPARE(card.idNumber, testResident().idNumber);
        QCOMPARE(card.name, testResident().name);
        QCOMPARE(card.validTo, testResident().validTo);
        QVERIFY(card.photo.isNull()); // no decoder configured
        QVERIFY(rig.reader.isCardPresent());
        QCOMPARE(rig.reader.status(), Device::Status::Ready);
        // the card stays: the reader keeps checking, and never reads it twice
        QVERIFY(QTest::qWaitFor([&] { return rig.model().commandCount(0x20, 0x02) >= 5; }));
        QCOMPARE(rig.read.count(), 1);
        QCOMPARE(rig.removed.count(), 0);
        rig.model().removeCard();
        QVERIFY(rig.removed.wait(5000));
        QVERIFY(!rig.reader.isCardPresent());
        QCOMPARE(presence.count(), 2);
        // a new card is read again
        rig.model().placeCard(testResident());
        QVERIFY(QTest::qWaitFor([&] { return rig.read.count() == 2; }));
        QCOMPARE(rig.errors.count(), 0);
    }

    void appendedAddressWhenAsked()
    {
        SamIdCardReader::Options options = fastOptions();
        options.readAppendedAddress = true;
        Rig rig(options);
        QVERIFY(rig.startReady());
        rig.model().placeCard(testResident(), {}, {}, QStringLiteral("上海市徐汇区新址路8号"));
        QVERIFY(rig.read.wait(5000));
        QCOMPARE(rig.read.first().first().value<IdCardData>().appendedAddress,
                 QStringLiteral("上海市徐汇区新址路8号"));
    }

    void readErrorsNameStepAndSw3_data()
    {
        QTest::addColumn<int>("cmd");
        QTest::addColumn<int>("para");
        QTest::addColumn<int>("sw3");
        QTest::addColumn<QString>("step");
        QTest::newRow("select 0x81") << 0x20 << 0x02 << 0x81 << "select card";
        for (int sw3 : {0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x37, 0x3F, 0x40, 0x41, 0x47, 0x60,
                        0x66, 0x77}) {
            const QByteArray row = "read text " + QByteArray::number(sw3, 16);
            QTest::newRow(row.constData()) << 0x30 << 0x01 << sw3 << "read text";
        }
    }

    void readErrorsNameStepAndSw3()
    {
        QFETCH(int, cmd);
        QFETCH(int, para);
        QFETCH(int, sw3);
        QFETCH(QString, step);
        Rig rig;
        rig.model().injectSw3(quint8(cmd), quint8(para), quint8(sw3), 3);
        QVERIFY(rig.startReady());
        rig.model().placeCard(testResident());
        QVERIFY(rig.errors.wait(5000));
        const Sam::SamStatus status = Sam::SamStatus::fromSw3(quint8(sw3));
        QCOMPARE(rig.lastError(), QStringLiteral("read card: %1: SW3=%2 (%3) after 3 tries")
                                      .arg(step, status.hex(), status.description()));
        QCOMPARE(rig.read.count(), 0);
        QVERIFY(rig.reader.isCardPresent());
        QCOMPARE(rig.reader.status(), Device::Status::Ready);
        // no retry storm while the card stays; taking it away ends it
        QVERIFY(rig.polls(3));
        QCOMPARE(rig.errors.count(), 1);
        rig.model().removeCard();
        QVERIFY(rig.removed.wait(5000));
        rig.model().placeCard(testResident());
        QVERIFY(rig.read.wait(5000)); // the faults are used up: the next card reads
    }

    void frameErrors_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad checksum") << "checksum"
                                      << "read card: read text: checksum: expected 0x";
        QTest::newRow("short frame")
            << "truncate"
            << "read card: read text: short frame: 100 bytes, then nothing for 1000 ms after 3 tries";
        QTest::newRow("timeout") << "silence"
                                 << "read card: read text: no answer within 1000 ms after 3 tries";
    }

    void frameErrors()
    {
        QFETCH(QString, fault);
        QFETCH(QString, expected);
        Rig rig;
        if (fault == QLatin1String("checksum"))
            rig.model().injectBadChecksum(0x30, 0x01, 3);
        else if (fault == QLatin1String("truncate"))
            rig.model().injectTruncation(0x30, 0x01, 100, 3);
        else
            rig.model().injectSilence(0x30, 0x01, 3);
        QVERIFY(rig.startReady());
        rig.model().placeCard(testResident());
        QVERIFY(rig.errors.wait(5000));
        QVERIFY2(rig.lastError().startsWith(expected), qPrintable(rig.lastError()));
        QVERIFY(rig.lastError().endsWith(QLatin1String("after 3 tries")));
        QCOMPARE(rig.read.count(), 0);
    }

    void recoversAfterTransientErrors_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("select sw3") << "sw3";
        QTest::newRow("read checksum") << "checksum";
        QTest::newRow("read short") << "truncate";
        QTest::newRow("read silence") << "silence";
    }

    void recoversAfterTransientErrors()
    {
        QFETCH(QString, fault);
        Rig rig;
        if (fault == QLatin1String("sw3"))
            rig.model().injectSw3(0x20, 0x02, 0x81, 2);
        else if (fault == QLatin1String("checksum"))
            rig.model().injectBadChecksum(0x30, 0x01, 2);
        else if (fault == QLatin1String("truncate"))
            rig.model().injectTruncation(0x30, 0x01, 10, 2);
        else
            rig.model().injectSilence(0x30, 0x01, 2);
        QVERIFY(rig.startReady());
        rig.model().placeCard(testResident());
        QVERIFY(rig.read.wait(5000));
        QCOMPARE(rig.read.count(), 1);
        QCOMPARE(rig.errors.count(), 0);
        QCOMPARE(rig.read.first().first().value<IdCardData>().idNumber, testResident().idNumber);
    }

    void pollFailuresMakeItUnavailableThenRecover()
    {
        Rig rig;
        QVERIFY(rig.startReady());
        rig.model().injectSilence(0x20, 0x01, 3);
        QVERIFY(rig.errors.wait(5000));
        QCOMPARE(rig.lastError(),
                 QStringLiteral("poll reader: find card: no answer within 500 ms after 3 tries"));
        QCOMPARE(rig.reader.reason(), QStringLiteral("find card: no answer within 500 ms after 3 tries"));
        QCOMPARE(rig.reader.status(), Device::Status::Unavailable);
        QVERIFY(QTest::qWaitFor([&] { return rig.reader.status() == Device::Status::Ready; }));
        rig.model().placeCard(testResident());
        QVERIFY(rig.read.wait(5000));
    }

    void samFailureAtOpen()
    {
        Rig rig;
        rig.model().injectSw3(0x11, 0xFF, 0x60, 3);
        rig.reader.start();
        QVERIFY(rig.errors.wait(5000));
        QCOMPARE(rig.lastError(), QStringLiteral("open reader: SAM status: SW3=0x60 (%1) after 3 tries")
                                      .arg(Sam::SamStatus::fromSw3(0x60).description()));
        QCOMPARE(rig.reader.status(), Device::Status::Unavailable);
        QVERIFY(!rig.transport->isOpen());
    }

    void openFails()
    {
        Rig rig;
        rig.transport->setPlugged(false);
        rig.reader.start();
        QVERIFY(rig.errors.wait(5000));
        QCOMPARE(rig.lastError(), QStringLiteral("open reader: open: no such device"));
        QCOMPARE(rig.reader.status(), Device::Status::Unavailable);
        QCOMPARE(rig.reader.reason(), QStringLiteral("open: no such device"));
    }

    void unplugMidRead()
    {
        Rig rig;
        rig.transport->setResponseDelay(20);
        QVERIFY(rig.startReady());
        rig.model().placeCard(testResident());
        QVERIFY(QTest::qWaitFor([&] { return rig.reader.state() == SamIdCardReader::State::ReadingText; }));
        rig.transport->setPlugged(false);
        QCOMPARE(rig.reader.status(), Device::Status::Unavailable);
        QCOMPARE(rig.reader.reason(), QStringLiteral("unplugged"));
        QCOMPARE(rig.lastError(), QStringLiteral("read card: reader unplugged or failed: unplugged"));
        QCOMPARE(rig.removed.count(), 1);
        QVERIFY(!rig.reader.isCardPresent());
        QTest::qWait(50); // the answer that was on its way must not surface
        QCOMPARE(rig.read.count(), 0);
    }

    void reopensAfterReplug()
    {
        SamIdCardReader::Options options = fastOptions();
        options.reopenIntervalMs = 10;
        Rig rig(options);
        QVERIFY(rig.startReady());
        rig.transport->setPlugged(false);
        QCOMPARE(rig.reader.status(), Device::Status::Unavailable);
        rig.transport->setPlugged(true);
        QVERIFY(QTest::qWaitFor([&] { return rig.reader.status() == Device::Status::Ready; }));
        rig.model().placeCard(testResident());
        QVERIFY(rig.read.wait(5000));
    }

    void stopCancelsAndCleansUp()
    {
        Rig rig;
        rig.transport->setResponseDelay(20);
        QVERIFY(rig.startReady());
        rig.model().placeCard(testResident());
        QVERIFY(QTest::qWaitFor([&] { return rig.reader.state() == SamIdCardReader::State::Selecting; }));
        rig.reader.stop();
        QCOMPARE(rig.reader.state(), SamIdCardReader::State::Stopped);
        QCOMPARE(rig.reader.reason(), QStringLiteral("stopped"));
        QVERIFY(!rig.transport->isOpen());
        QVERIFY(!rig.transport->isBusy());
        QCOMPARE(rig.removed.count(), 1);
        const int sent = rig.transport->framesSent();
        QTest::qWait(60);
        QCOMPARE(rig.transport->framesSent(), sent);
        QCOMPARE(rig.read.count(), 0);
        QCOMPARE(rig.errors.count(), 0);
        // and it starts again
        QVERIFY(rig.startReady());
        QVERIFY(rig.read.wait(5000));
    }
};

QTEST_MAIN(TestSamReader)
#include "tst_sam_reader.moc"
