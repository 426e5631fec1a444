// Receipt printer profiles as data: the shipped file loads, lookups work, and a broken file gives every
// error as "file: /pointer: message".
#include "ReceiptPrinterProfiles.h"
#include "StrictWarnings.h"

#include <QFile>
#include <QTest>

class TestPrinterProfiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void shippedFileLoads()
    {
        QStringList errors;
        const QString path = qEnvironmentVariable("ONESTOP_SOURCE_DIR") +
                             QStringLiteral("/kiosk-config/devices/receipt-printers.json");
        const ReceiptPrinterProfiles p = ReceiptPrinterProfiles::load(path, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(p.profiles.contains(QStringLiteral("58mm")));
        QCOMPARE(p.profiles.value(QStringLiteral("58mm")).dots, 384);
        QCOMPARE(p.profiles.value(QStringLiteral("58mm")).charsPerLine, 32);
        QCOMPARE(p.profiles.value(QStringLiteral("80mm")).dots, 576);
        QCOMPARE(p.profiles.value(QStringLiteral("80mm")).cutter, ReceiptPrinterProfile::Cutter::Partial);
        QVERIFY(p.profiles.value(QStringLiteral("80mm-chinese")).startsInChineseMode);

        const KnownReceiptPrinter *pos = p.find(0x0416, 0x5011);
        QVERIFY(pos);
        QCOMPARE(pos->profile, QStringLiteral("58mm"));
        QCOMPARE(pos->outEndpoint, quint8(0)); // from the descriptors: 0x01 or 0x03
        QCOMPARE(pos->inEndpoint, quint8(0x81));
        const KnownReceiptPrinter *epson = p.find(0x04b8, 0x0e03);
        QVERIFY(epson);
        QCOMPARE(epson->profile, QStringLiteral("80mm"));
        QVERIFY(!p.find(0x1234, 0x5678));
        QCOMPARE(p.forPaperWidth(58)->id, QStringLiteral("58mm"));
        QVERIFY(!p.forPaperWidth(76));
    }

    void builtInCopyIsTheShippedFile()
    {
        QFile shipped(qEnvironmentVariable("ONESTOP_SOURCE_DIR") +
                      QStringLiteral("/kiosk-config/devices/receipt-printers.json"));
        QFile builtIn(ReceiptPrinterProfiles::builtInPath());
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        QCOMPARE(builtIn.readAll(), shipped.readAll());
        QCOMPARE(ReceiptPrinterProfiles::builtIn().devices.size(), 2);
    }

    void brokenFileGivesEveryError()
    {
        const QByteArray json = R"({
  "profiles": {
    "58mm": {"paper_width_mm": 58, "dots": 576, "chars_per_line": 32, "chinese_mode": "maybe",
             "cutter": "partial", "max_qr_module": 20, "raster_max_width_dots": 384, "colour": true}
  },
  "devices": [
    {"name": "x", "usb": "0416:501", "profile": "58mm"},
    {"name": "y", "usb": "04b8:0e03", "profile": "90mm", "out_endpoint": "0x81"}
  ],
  "extra": 1
})";
        QStringList errors;
        const ReceiptPrinterProfiles p = ReceiptPrinterProfiles::parse(json, QStringLiteral("rp.json"), &errors);
        QVERIFY(p.profiles.isEmpty());
        QVERIFY(p.devices.isEmpty());
        const QStringList expected = {
            QStringLiteral("rp.json: /extra: unknown key"),
            QStringLiteral("rp.json: /profiles/58mm/dots: expected 384 for 58 mm paper, found 576"),
            QStringLiteral("rp.json: /profiles/58mm/chinese_mode: \"maybe\" is not one of starts_on, needs_fs_ampersand"),
            QStringLiteral("rp.json: /profiles/58mm/max_qr_module: 20 is out of range 1..16"),
            QStringLiteral("rp.json: /profiles/58mm/colour: unknown key"),
            QStringLiteral("rp.json: /devices/0/usb: expected \"vvvv:pppp\" in lower-case hex, found \"0416:501\""),
            QStringLiteral("rp.json: /devices/1/profile: no profile \"90mm\""),
            QStringLiteral("rp.json: /devices/1/out_endpoint: expected \"descriptors\" or a bulk OUT endpoint like "
                           "\"0x01\", found \"0x81\""),
        };
        for (const QString &e : expected)
            QVERIFY2(errors.contains(e), qPrintable(QStringLiteral("missing: %1\ngot:\n%2").arg(e, errors.join(QLatin1Char('\n')))));
        QCOMPARE(errors.size(), expected.size());
    }

    void syntaxErrorHasLineAndColumn()
    {
        QStringList errors;
        ReceiptPrinterProfiles::parse("{\n  \"profiles\": {,\n}", QStringLiteral("rp.json"), &errors);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(QStringLiteral("rp.json: line 2, column ")), qPrintable(errors.first()));
    }

    void missingFileSaysSo()
    {
        QStringList errors;
        ReceiptPrinterProfiles::load(QStringLiteral("/nonexistent/rp.json"), &errors);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(QStringLiteral("rp.json: /: cannot be read")), qPrintable(errors.first()));
    }
};

QTEST_MAIN(TestPrinterProfiles)
#include "tst_printer_profiles.moc"
