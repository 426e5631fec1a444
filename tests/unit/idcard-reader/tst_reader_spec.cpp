// SamReaderSpec: the reader strings of the site config and `kioskctl idcard read --device`.
#include "SamReaderSpec.h"

#include "IdCardReaderDrivers.h"
#include "SamIdCardReader.h"
#include "StrictWarnings.h"
#include "transport/SamTransport.h"

#include <QtTest>

#include <memory>

class TestReaderSpec : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void parses()
    {
        QString error;
        SamReaderSpec s = SamReaderSpec::parse(QStringLiteral("usb:0400:C35A"), &error);
        QCOMPARE(s.kind, SamReaderSpec::Kind::Usb);
        QCOMPARE(s.vendorId, quint16(0x0400));
        QCOMPARE(s.productId, quint16(0xc35a));
        QVERIFY(!s.splitPipes);
        s = SamReaderSpec::parse(QStringLiteral("usb:1/5"), &error);
        QCOMPARE(s.usbKey, QStringLiteral("001/005"));
        s = SamReaderSpec::parse(QStringLiteral("usb:0400:c35a,split"), &error);
        QVERIFY(s.splitPipes);
        s = SamReaderSpec::parse(QStringLiteral("serial:/dev/ttyUSB0@57600"), &error);
        QCOMPARE(s.kind, SamReaderSpec::Kind::Serial);
        QCOMPARE(s.path, QStringLiteral("/dev/ttyUSB0"));
        QCOMPARE(s.baudRate, 57600);
        s = SamReaderSpec::parse(QStringLiteral("hidraw:/dev/hidraw3"), &error);
        QCOMPARE(s.kind, SamReaderSpec::Kind::Hidraw);
        QCOMPARE(s.path, QStringLiteral("/dev/hidraw3"));
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("scheme")
            << "com1"
            << "unknown reader 'com1': expected usb:VID:PID, usb:BUS/ADDRESS, serial:PATH or hidraw:PATH";
        QTest::newRow("usb") << "usb:zz"
                             << "usb: expected VID:PID (0400:c35a) or BUS/ADDRESS (001/005), got 'zz'";
        QTest::newRow("baud") << "serial:/dev/ttyS0@fast"
                              << "serial: bad baud rate 'fast'";
        QTest::newRow("path") << "hidraw:"
                              << "hidraw: no device path";
    }

    void rejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString got;
        QCOMPARE(SamReaderSpec::parse(text, &got).kind, SamReaderSpec::Kind::Invalid);
        QCOMPARE(got, error);
    }

    // kioskctl's text forms become the site.json forms, and the kiosk's builders make the same readers.
    void deviceSpecsBuildReaders()
    {
        QString error;
        DeviceSpec spec = SamReaderSpec::parse(QStringLiteral("serial:ttyUSB1@57600"), &error)
                              .toDeviceSpec(QStringLiteral("r"));
        QCOMPARE(spec.driver, QStringLiteral("sam-serial"));
        QCOMPARE(spec.options.value(QStringLiteral("baud")), QStringLiteral("57600"));
        DeviceBuildEnvironment environment;
        environment.where = QStringLiteral("test");
        DeviceBuildReport report(spec, environment.where);
        std::unique_ptr<IdCardReader> reader = buildDevice(idCardReaderDrivers(), spec, environment, report,
                                                           QStringLiteral("an ID card reader"));
        QVERIFY2(reader, qPrintable(report.problems().join(QLatin1Char('\n'))));
        QCOMPARE(qobject_cast<SamIdCardReader *>(reader.get())->transport()->description(),
                 QStringLiteral("serial /dev/ttyUSB1"));

        spec = SamReaderSpec::parse(QStringLiteral("hidraw:/dev/hidraw0"), &error)
                   .toDeviceSpec(QStringLiteral("r"));
        DeviceBuildReport hidReport(spec, environment.where);
        reader = buildDevice(idCardReaderDrivers(), spec, environment, hidReport, QStringLiteral("a reader"));
        QVERIFY(reader);
        QCOMPARE(qobject_cast<SamIdCardReader *>(reader.get())->transport()->description(),
                 QStringLiteral("hidraw /dev/hidraw0"));

        spec = SamReaderSpec::parse(QStringLiteral("usb:0400:C35A,split"), &error)
                   .toDeviceSpec(QStringLiteral("r"));
        QCOMPARE(spec.driver, QStringLiteral("sam-usb"));
        QCOMPARE(spec.options.value(QStringLiteral("usb")), QStringLiteral("0400:c35a"));
        QCOMPARE(spec.options.value(QStringLiteral("layout")), QStringLiteral("split"));
        // Without a started USB context the reader exists, unavailable until USB works (the kiosk's rule).
        DeviceBuildReport usbReport(spec, environment.where);
        reader = buildDevice(idCardReaderDrivers(), spec, environment, usbReport, QStringLiteral("a reader"));
        QVERIFY2(reader, qPrintable(usbReport.problems().join(QLatin1Char('\n'))));
        QCOMPARE(usbReport.descriptions(),
                 QStringList{QStringLiteral("idcard: sam-usb 0400:c35a (split pipes)")});
    }

    void badDriverSpecsAreRefusedWithTheirReason_data()
    {
        QTest::addColumn<QString>("driver");
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown driver")
            << "sam-bluetooth"
            << ""
            << ""
            << "test: device 'r' (idcard): unknown driver 'sam-bluetooth' for an ID card "
               "reader (sam-hid, sam-serial, sam-usb, simulated)";
        QTest::newRow("no port")
            << "sam-serial"
            << "baud"
            << "9600"
            << "test: device 'r' (idcard): driver 'sam-serial' needs option \"port\" (e.g. "
               "/dev/ttyUSB0)";
        QTest::newRow("unknown option")
            << "sam-hid"
            << "colour"
            << "red"
            << "test: device 'r' (idcard): driver 'sam-hid' has no option \"colour\" (it "
               "knows: poll_ms, read_address, wlt_library, reopen_ms, path)";
        QTest::newRow("poll too fast")
            << "sam-hid"
            << "poll_ms"
            << "50"
            << "test: device 'r' (idcard): option \"poll_ms\" must be a whole number from "
               "300 to 500, found \"50\"";
        QTest::newRow("bad usb")
            << "sam-usb"
            << "usb"
            << "reader-1"
            << "test: device 'r' (idcard): option \"usb\" is VID:PID (0400:c35a) or bus/address "
               "(001/005), found \"reader-1\"";
    }

    void badDriverSpecsAreRefusedWithTheirReason()
    {
        QFETCH(QString, driver);
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        DeviceSpec spec;
        spec.kind = QStringLiteral("idcard");
        spec.name = QStringLiteral("r");
        spec.driver = driver;
        if (!option.isEmpty())
            spec.options.insert(option, value);
        if (driver == QLatin1String("sam-hid") && option != QLatin1String("path"))
            spec.options.insert(QStringLiteral("path"), QStringLiteral("/dev/hidraw0"));
        DeviceBuildEnvironment environment;
        DeviceBuildReport report(spec, QStringLiteral("test"));
        QVERIFY(!buildDevice(idCardReaderDrivers(), spec, environment, report,
                             QStringLiteral("an ID card reader")));
        QCOMPARE(report.problems(), QStringList{problem});
    }
};

QTEST_GUILESS_MAIN(TestReaderSpec)
#include "tst_reader_spec.moc"
