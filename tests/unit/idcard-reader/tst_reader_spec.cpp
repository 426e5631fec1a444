// SamReaderSpec: the reader strings of the site config and `kioskctl idcard read --device`.
#include "SamReaderSpec.h"
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

    void transports()
    {
        QString error;
        std::unique_ptr<SamTransport> t(
            SamReaderSpec::parse(QStringLiteral("serial:ttyUSB1"), &error).createTransport(nullptr, &error));
        QVERIFY(t);
        QCOMPARE(t->description(), QStringLiteral("serial /dev/ttyUSB1"));
        t.reset(SamReaderSpec::parse(QStringLiteral("hidraw:/dev/hidraw0"), &error)
                    .createTransport(nullptr, &error));
        QCOMPARE(t->description(), QStringLiteral("hidraw /dev/hidraw0"));
        // USB needs a context
        QVERIFY(
            !SamReaderSpec::parse(QStringLiteral("usb:0400:c35a"), &error).createTransport(nullptr, &error));
        QVERIFY(error.startsWith(QLatin1String("usb: ")));
    }
};

QTEST_GUILESS_MAIN(TestReaderSpec)
#include "tst_reader_spec.moc"
