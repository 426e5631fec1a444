// KioskDevices: which driver runs each device for a site.json and a --devices mode, and what a config the
// kiosk cannot understand is told. (The drivers themselves are tested in their families' tests; the
// whole chain against emulated hardware in tests/integration/demo-real.)

#include "Camera.h"
#include "CodeScanner.h"
#include "CupsDocumentPrinter.h"
#include "DocumentPrinter.h"
#include "IdCardReader.h"
#include "KioskDevices.h"
#include "ReceiptPrinter.h"
#include "SiteConfigLoader.h"
#include "StrictWarnings.h"
#include "UsbDeviceTable.h"

#include <QTest>

namespace {
DeviceConfig device(const QString &kind, const QString &driver, const QMap<QString, QString> &options = {})
{
    DeviceConfig d;
    d.kind = kind;
    d.driver = driver;
    d.name = kind;
    d.options = options;
    return d;
}
} // namespace

Q_DECLARE_METATYPE(DeviceConfig)

class TestKioskDevices : public QObject
{
    Q_OBJECT

    std::optional<UsbDeviceTable> m_table;

    KioskDevices::Inputs inputs(KioskDevices::Mode mode)
    {
        KioskDevices::Inputs in;
        in.mode = mode;
        in.usbTable = m_table ? &*m_table : nullptr;
        in.configFile = QStringLiteral("site.json");
        return in;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QStringList errors;
        m_table = UsbDeviceTable::load(sourcePath(QStringLiteral("kiosk-config/devices/usb-devices.json")),
                                       &errors);
        QVERIFY2(m_table, qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void shippedSiteIsTheSimulatedHall()
    {
        const auto site = SiteConfigLoader::load(sourcePath(QStringLiteral("kiosk-config/site.json")));
        QVERIFY2(site.ok(), qPrintable(site.errorText()));
        QStringList errors;
        const auto devices = KioskDevices::build(site.value(), inputs(KioskDevices::Mode::Config), &errors);
        QVERIFY2(devices, qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(devices->hallSimulated());
        QVERIFY(devices->simulatedCamera());
        QCOMPARE(devices->all().size(), 4);
        for (Device *d : devices->all())
            QVERIFY2(d->isSimulated(), qPrintable(d->kind()));
        QCOMPARE(devices->printer().paperWidthMm(), 80); // the site's option reached the simulator
    }

    void realModeFindsDevicesThroughTheTable()
    {
        const auto site = SiteConfigLoader::load(sourcePath(QStringLiteral("kiosk-config/site.json")));
        QVERIFY(site.ok());
        QStringList errors;
        KioskDevices::Inputs in = inputs(KioskDevices::Mode::Real);
        in.cameraSource = QStringLiteral("images:/nonexistent/frame_%03d.png");
        const auto devices = KioskDevices::build(site.value(), in, &errors);
        QVERIFY2(devices, qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(!devices->hallSimulated());
        for (Device *d : devices->all())
            QVERIFY2(!d->isSimulated(), qPrintable(d->kind()));
        const QString described = devices->describe().join(QLatin1Char('\n'));
        // Nothing is attached here: the table's first entry for each driver, the split-pipe reader first.
        QVERIFY2(described.contains(QStringLiteral("idcard: sam-usb 0400:c35a (split pipes)")),
                 qPrintable(described));
        QVERIFY2(described.contains(QStringLiteral("receipt printer: escpos-usb 0416:5011 58 mm")),
                 qPrintable(described));
        QVERIFY2(described.contains(QStringLiteral("scanner: hidpos")), qPrintable(described));
        QVERIFY2(described.contains(QStringLiteral("camera: images")), qPrintable(described));
        // The simulator's 80 mm option in site.json does not describe the printer that is found.
        QCOMPARE(devices->printer().paperWidthMm(), 58);
    }

    void configuredRealDrivers()
    {
        SiteConfig site;
        site.devices = {device(QStringLiteral("idcard"), QStringLiteral("sam-serial"),
                               {{QStringLiteral("port"), QStringLiteral("/dev/ttyUSB7")}}),
                        device(QStringLiteral("receipt_printer"), QStringLiteral("escpos-tcp"),
                               {{QStringLiteral("host"), QStringLiteral("192.0.2.10")},
                                {QStringLiteral("paper_width_mm"), QStringLiteral("58")}}),
                        device(QStringLiteral("scanner"), QStringLiteral("camera")),
                        device(QStringLiteral("camera"), QStringLiteral("opencv"),
                               {{QStringLiteral("source"), QStringLiteral("file:/nonexistent.mp4")}})};
        QStringList errors;
        const auto devices = KioskDevices::build(site, inputs(KioskDevices::Mode::Config), &errors);
        QVERIFY2(devices, qPrintable(errors.join(QLatin1Char('\n'))));
        const QString described = devices->describe().join(QLatin1Char('\n'));
        QVERIFY2(described.contains(QStringLiteral("idcard: sam-serial /dev/ttyUSB7 at 115200 baud")),
                 qPrintable(described));
        QVERIFY2(described.contains(QStringLiteral("receipt printer: escpos-tcp 192.0.2.10:9100 58 mm")),
                 qPrintable(described));
        QVERIFY2(described.contains(QStringLiteral("scanner: codes from the camera")), qPrintable(described));
        QCOMPARE(devices->printer().paperWidthMm(), 58);
        QVERIFY(!devices->simulatedReader());
    }

    // A4 is optional: none without a document_printer entry; built from its options when there is one; the
    // simulator in --devices simulated.
    void documentPrinterFromTheSite()
    {
        SiteConfig site;
        QStringList errors;
        auto devices = KioskDevices::build(site, inputs(KioskDevices::Mode::Config), &errors);
        QVERIFY2(devices, qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(!devices->documentPrinter());
        QCOMPARE(devices->all().size(), 4);

        site.devices = {device(QStringLiteral("document_printer"), QStringLiteral("cups"),
                               {{QStringLiteral("queue"), QStringLiteral("a4")},
                                {QStringLiteral("server"), QStringLiteral("127.0.0.1:8631")},
                                {QStringLiteral("job_timeout_s"), QStringLiteral("90")}})};
        devices = KioskDevices::build(site, inputs(KioskDevices::Mode::Config), &errors);
        QVERIFY2(devices, qPrintable(errors.join(QLatin1Char('\n'))));
        auto *cups = qobject_cast<CupsDocumentPrinter *>(devices->documentPrinter());
        QVERIFY(cups);
        QCOMPARE(cups->settings().queue, QStringLiteral("a4"));
        QCOMPARE(cups->settings().server, QStringLiteral("127.0.0.1:8631"));
        QCOMPARE(cups->settings().jobTimeoutMs, 90000);
        QCOMPARE(devices->all().size(), 5);
        QVERIFY(devices->all().contains(cups));
        QVERIFY2(
            devices->describe().contains(QStringLiteral("document printer: cups queue a4 at 127.0.0.1:8631")),
            qPrintable(devices->describe().join(QLatin1Char('\n'))));

        devices = KioskDevices::build(site, inputs(KioskDevices::Mode::Simulated), &errors);
        QVERIFY(devices && devices->documentPrinter());
        QVERIFY(devices->documentPrinter()->isSimulated());
    }

    void refusals_data()
    {
        QTest::addColumn<DeviceConfig>("config");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown driver")
            << device(QStringLiteral("idcard"), QStringLiteral("magic"))
            << QStringLiteral("site.json: device 'idcard' (idcard): unknown driver 'magic'");
        QTest::newRow("unknown option")
            << device(QStringLiteral("receipt_printer"), QStringLiteral("escpos-tcp"),
                      {{QStringLiteral("host"), QStringLiteral("h")},
                       {QStringLiteral("colour"), QStringLiteral("red")}})
            << QStringLiteral("driver 'escpos-tcp' has no option \"colour\"");
        QTest::newRow("missing port") << device(QStringLiteral("idcard"), QStringLiteral("sam-serial"))
                                      << QStringLiteral("needs option \"port\"");
        QTest::newRow("bad usb") << device(QStringLiteral("idcard"), QStringLiteral("sam-usb"),
                                           {{QStringLiteral("usb"), QStringLiteral("04:c3")}})
                                 << QStringLiteral("option \"usb\" is VID:PID");
        QTest::newRow("bad layout") << device(QStringLiteral("idcard"), QStringLiteral("sam-usb"),
                                              {{QStringLiteral("layout"), QStringLiteral("triple")}})
                                    << QStringLiteral("option \"layout\" is \"single\" or \"split\"");
        QTest::newRow("poll too fast")
            << device(QStringLiteral("idcard"), QStringLiteral("sam-serial"),
                      {{QStringLiteral("port"), QStringLiteral("/dev/ttyUSB0")},
                       {QStringLiteral("poll_ms"), QStringLiteral("50")}})
            << QStringLiteral("option \"poll_ms\" must be a whole number from 300 to 500");
        QTest::newRow("unknown document printer driver")
            << device(QStringLiteral("document_printer"), QStringLiteral("lpr"))
            << QStringLiteral("unknown driver 'lpr' for a document printer (cups, simulated)");
        QTest::newRow("bad queue") << device(QStringLiteral("document_printer"), QStringLiteral("cups"),
                                             {{QStringLiteral("queue"), QStringLiteral("hall printer")}})
                                   << QStringLiteral("option \"queue\" is a CUPS queue name");
        QTest::newRow("bad server") << device(QStringLiteral("document_printer"), QStringLiteral("cups"),
                                              {{QStringLiteral("server"), QStringLiteral("ipp://printer")}})
                                    << QStringLiteral("option \"server\" is HOST:PORT or a socket path");
        QTest::newRow("job timeout") << device(QStringLiteral("document_printer"), QStringLiteral("cups"),
                                               {{QStringLiteral("job_timeout_s"), QStringLiteral("soon")}})
                                     << QStringLiteral(
                                            "option \"job_timeout_s\" must be a whole number from 1 to 3600");
        QTest::newRow("bad camera source") << device(QStringLiteral("camera"), QStringLiteral("opencv"),
                                                     {{QStringLiteral("source"), QStringLiteral("ftp://x")}})
                                           << QStringLiteral("camera source \"ftp://x\"");
    }

    void refusals()
    {
        QFETCH(DeviceConfig, config);
        QFETCH(QString, message);
        SiteConfig site;
        site.devices = {config};
        QStringList errors;
        const auto devices = KioskDevices::build(site, inputs(KioskDevices::Mode::Config), &errors);
        QVERIFY(!devices);
        QVERIFY2(errors.join(QLatin1Char('\n')).contains(message),
                 qPrintable(errors.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestKioskDevices)
#include "tst_kiosk_devices.moc"
