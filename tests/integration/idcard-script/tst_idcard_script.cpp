// SamIdCardReader over the serial (QSerialPort) and HID (hidraw read/write) transports, replaying umockdev
// dialog scripts (tests/fixtures/idcard/*.script, written by make_sessions.py): the same reader code as on
// a kiosk, against an emulated /dev/ttyUSB0 or /dev/hidraw0. Which transport and node: IDCARD_TRANSPORT
// (serial | hidraw) and IDCARD_DEVICE; which script: the ctest entry (one test function per script).
#include "SamIdCardReader.h"
#include "StrictWarnings.h"
#include "transport/HidSamTransport.h"
#include "transport/SerialSamTransport.h"

#include <QSignalSpy>
#include <QtTest>

namespace {
// What ../idcard-sam/resident.bin holds (a fictional resident).
const QString kName = QStringLiteral("李小明");
const QString kIdNumber = QStringLiteral("110101199003071233");

SamIdCardReader::Options scriptOptions()
{
    SamIdCardReader::Options o;
    o.pollIntervalMs = 20;
    o.exchangeTimeoutMs = 2000;
    o.readTimeoutMs = 1000; // the short-frame script waits this long once
    o.reopenIntervalMs = 0;
    return o;
}

SamTransport *makeTransport(const QString &device)
{
    if (qEnvironmentVariable("IDCARD_TRANSPORT") == QLatin1String("hidraw"))
        return new HidSamTransport(device);
    return new SerialSamTransport(device);
}

struct Rig
{
    explicit Rig(const QString &device = qEnvironmentVariable("IDCARD_DEVICE",
                                                              QStringLiteral("/dev/ttyUSB0")))
        : reader(QStringLiteral("script-reader"), makeTransport(device), scriptOptions()),
          read(&reader, &SamIdCardReader::cardRead), removed(&reader, &SamIdCardReader::cardRemoved),
          errors(&reader, &SamIdCardReader::errorOccurred)
    {
    }
    QString lastError() const
    {
        return errors.isEmpty()
                   ? QString()
                   : errors.last().at(0).toString() + QStringLiteral(": ") + errors.last().at(1).toString();
    }
    void readThenRemoved()
    {
        reader.start();
        QVERIFY2(read.wait(10000), qPrintable(lastError()));
        const IdCardData card = read.first().first().value<IdCardData>();
        QCOMPARE(card.name, kName);
        QCOMPARE(card.idNumber, kIdNumber);
        QVERIFY2(removed.wait(10000), qPrintable(lastError()));
        QCOMPARE(read.count(), 1);
        QCOMPARE(errors.count(), 0);
        reader.stop();
    }

    SamIdCardReader reader;
    QSignalSpy read;
    QSignalSpy removed;
    QSignalSpy errors;
};
} // namespace

class TestIdcardScript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    // serial-/hid-read-and-remove.script
    void readAndRemove() { Rig().readThenRemoved(); }
    // serial-/hid-bad-checksum-then-ok.script: the first answer is corrupt, the retry reads the card
    void badChecksumThenOk() { Rig().readThenRemoved(); }
    // serial-/hid-short-frame-then-ok.script: 100 bytes then silence, the retry reads the card
    void shortFrameThenOk() { Rig().readThenRemoved(); }

    // serial-/hid-select-fails.script: select answers 0x81 three times
    void selectFails()
    {
        Rig rig;
        rig.reader.start();
        QVERIFY(rig.errors.wait(10000));
        QCOMPARE(rig.lastError(),
                 QStringLiteral("read card: select card: SW3=0x81 (select card failed) after 3 tries"));
        QCOMPARE(rig.read.count(), 0);
        rig.reader.stop();
        QCOMPARE(rig.removed.count(), 1);
    }

    // No umockdev: a node that does not exist.
    void missingDevice()
    {
        Rig rig(QStringLiteral("/dev/onestop-no-such-node"));
        rig.reader.start();
        QVERIFY(rig.errors.wait(10000));
        QVERIFY2(rig.lastError().startsWith(QLatin1String("open reader: open /dev/onestop-no-such-node: ")),
                 qPrintable(rig.lastError()));
        QCOMPARE(rig.reader.status(), Device::Status::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestIdcardScript)
#include "tst_idcard_script.moc"
