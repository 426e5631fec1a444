#include "ConfigTestHelpers.h"
#include "SiteConfigLoader.h"
#include "StrictWarnings.h"

#include <QTest>

class TestSiteConfigLoader : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const QString &name)
    {
        return sourcePath(QStringLiteral("tests/fixtures/config/") + name);
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void shippedSiteConfigLoads()
    {
        const auto result = SiteConfigLoader::load(sourcePath(QStringLiteral("kiosk-config/site.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QVERIFY(result.errors().isEmpty());
        const SiteConfig &site = result.value();
        QCOMPARE(site.centerId, QStringLiteral("SH-XH-TLQ"));
        QCOMPARE(site.kioskId, QStringLiteral("K01"));
        QVERIFY(site.centerName.zh.contains(QStringLiteral("田林")));
        QVERIFY(!site.centerName.en.isEmpty());
        QCOMPARE(site.platformUrl, QUrl(QStringLiteral("http://127.0.0.1:8480")));
        QCOMPARE(site.trackingUrlTemplate, QStringLiteral("https://zwdt.sh.gov.cn/track?case={case_id}"));
        QCOMPARE(site.languages, QStringList({QStringLiteral("zh_CN"), QStringLiteral("en")}));
        QCOMPARE(site.timeouts.idleWarningSeconds, 60);
        QCOMPARE(site.timeouts.idleAnswerSeconds, 30);
        QCOMPARE(site.timeouts.receiptScreenSeconds, 20);
        QCOMPARE(site.timeouts.goodbyeSeconds, 5);
        QCOMPARE(site.devices.size(), 4);
        for (const QString &kind : {QStringLiteral("idcard"), QStringLiteral("receipt_printer"),
                                    QStringLiteral("scanner"), QStringLiteral("camera")}) {
            QVERIFY2(site.device(kind), qPrintable(kind));
            QCOMPARE(site.device(kind)->driver, QStringLiteral("simulated"));
        }
        QCOMPARE(
            site.device(QStringLiteral("receipt_printer"))->options.value(QStringLiteral("paper_width_mm")),
            QStringLiteral("80"));
    }

    void minimalSiteGetsDefaults()
    {
        const auto result = SiteConfigLoader::load(fixture(QStringLiteral("site-minimal.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        const SiteConfig &site = result.value();
        const SessionTimeouts defaults;
        QCOMPARE(site.timeouts.idleAnswerSeconds, defaults.idleAnswerSeconds);
        QCOMPARE(site.timeouts.idleWarningSeconds, defaults.idleWarningSeconds);
        QCOMPARE(site.sync.maxBackoffMs, SyncSettings().maxBackoffMs);
        QCOMPARE(site.devices.size(), 2);
        QCOMPARE(site.devices.at(0).name, QStringLiteral("idcard")); // name defaults to the kind
        const QMap<QString, QString> options = site.device(QStringLiteral("receipt_printer"))->options;
        QCOMPARE(options.value(QStringLiteral("paper_width_mm")), QStringLiteral("58"));
        QCOMPARE(options.value(QStringLiteral("cut")), QStringLiteral("true"));
        QCOMPARE(options.value(QStringLiteral("port")), QStringLiteral("/dev/usb/lp0"));
        QVERIFY(!site.device(QStringLiteral("camera")));
    }

    void brokenFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << "site-syntax-error.json"
                                << "line 4, column 4"
                                << "JSON syntax error: unterminated object";
        QTest::newRow("missing key") << "site-missing-key.json"
                                     << "/center_id"
                                     << "required key \"center_id\" is missing";
        QTest::newRow("wrong type") << "site-wrong-type.json"
                                    << "/timeouts/idle_warning_seconds"
                                    << "expected a whole number, found a string";
        QTest::newRow("unknown key")
            << "site-unknown-key.json"
            << "/timeouts/idle_answer_secs"
            << "unknown key \"idle_answer_secs\" (did you mean \"idle_answer_seconds\"?)";
        QTest::newRow("WCAG") << "site-idle-answer-too-short.json"
                              << "/timeouts/idle_answer_seconds"
                              << "must be between 20 and 600, found 10 (WCAG 2.2.1";
        QTest::newRow("bad url")
            << "site-bad-url.json"
            << "/platform_url"
            << "expected an http or https URL with a host, found \"ftp://127.0.0.1:8480\"";
        QTest::newRow("empty") << "site-empty.json"
                               << "/"
                               << "file is empty";
        QTest::newRow("device kind")
            << "site-unknown-device-kind.json"
            << "/devices/1/kind"
            << "unknown device kind \"printer\"; expected one of: idcard, receipt_printer, "
               "scanner, camera";
        QTest::newRow("language") << "site-bad-language.json"
                                  << "/languages/1"
                                  << "unknown language \"fr\"; expected one of: zh_CN, en";
        QTest::newRow("duplicate key") << "site-duplicate-key.json"
                                       << "/timeouts/idle_warning_seconds"
                                       << "duplicate key (JSON keeps only the last one)";
        QTest::newRow("no file") << "site-does-not-exist.json"
                                 << "/"
                                 << "cannot open file:";
    }

    void brokenFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, place);
        QFETCH(QString, message);
        const QString path = fixture(file);
        const auto result = SiteConfigLoader::load(path);
        QVERIFY(!result.ok());
        QVERIFY2(hasError(result.errors(), path, place, message), qPrintable(errorList(result.errors())));
        QCOMPARE(result.errors().size(), 1); // one mistake, one error: no follow-on noise
        QVERIFY(result.errorText().startsWith(path + QStringLiteral(": ") + place + QStringLiteral(": ")));
    }

    void allErrorsAreReported()
    {
        const QString path = fixture(QStringLiteral("site-many-errors.json"));
        const auto result = SiteConfigLoader::load(path);
        QVERIFY(!result.ok());
        QVERIFY2(
            hasError(result.errors(), path, QStringLiteral("/center_name"), QStringLiteral("is missing")),
            qPrintable(errorList(result.errors())));
        QVERIFY(hasError(result.errors(), path, QStringLiteral("/timeouts/goodbye_seconds"),
                         QStringLiteral("must be between 1 and 60, found 0")));
        QVERIFY(hasError(result.errors(), path, QStringLiteral("/sync/max_backoff_ms"),
                         QStringLiteral("must not be less than initial_backoff_ms (1000)")));
        QVERIFY(hasError(result.errors(), path, QStringLiteral("/devices/0/driver"),
                         QStringLiteral("expected a string, found a number")));
        QCOMPARE(result.errors().size(), 4);
    }

    void inlineProblems_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("message");
        // JSON written with ' for " (moc's tokenizer trips over some raw string literals).
        const auto q = [](const char *text) { return QByteArray(text).replace('\'', '"'); };
        const QByteArray base = q("'center_id': 'A-1', 'kiosk_id': 'K01', 'center_name': {'zh': '中', 'en': 'C'}, "
                                  "'platform_url': 'https://platform.example', "
                                  "'tracking_url_template': 'https://t.example/{case_number}', "
                                  "'languages': ['en'], 'devices': []");
        const auto with = [&](const char *from, const char *to) {
            return '{' + QByteArray(base).replace(from, q(to)) + '}';
        };
        QTest::newRow("root array") << q("[1, 2]") << "/"
                                    << "expected an object, found an array";
        QTest::newRow("column counts characters") << q("{'名字': '值' 'x': 1}") << "line 1, column 13"
                                                  << "JSON syntax error";
        QTest::newRow("escaped pointer") << '{' + base + q(", 'a/b~c': 1}") << "/a~1b~0c"
                                         << "unknown key \"a/b~c\"";
        QTest::newRow("no placeholder") << with("{case_number}", "x") << "/tracking_url_template"
                                        << "must contain {case_id} or {case_number}";
        QTest::newRow("center id") << with("A-1", "a 1") << "/center_id"
                                   << "expected upper-case letters and digits";
        QTest::newRow("kiosk id with dash") << with("K01", "K-1") << "/kiosk_id"
                                            << "expected 2 to 12 upper-case letters and digits";
        QTest::newRow("kiosk id lower case") << with("K01", "k01") << "/kiosk_id"
                                             << "expected 2 to 12 upper-case letters and digits";
        QTest::newRow("relative key file") << '{' + base + q(", 'store': {'key_file': 'keys/k'}}")
                                           << "/store/key_file" << "expected an absolute path";
        QTest::newRow("retention too long") << '{' + base + q(", 'store': {'retention_hours': 9000}}")
                                            << "/store/retention_hours" << "";
        QTest::newRow("no kiosk id") << with("\"kiosk_id\": \"K01\", ", "") << "/kiosk_id"
                                     << "required key \"kiosk_id\" is missing";
        QTest::newRow("blank zh") << with("\"中\"", "' '") << "/center_name/zh"
                                  << "must not be empty";
        QTest::newRow("no languages") << with("[\"en\"]", "[]") << "/languages"
                                      << "must list at least one language";
        QTest::newRow("two printers")
            << with("[]", "[{'kind': 'camera', 'driver': 'simulated'}, {'kind': 'camera', 'driver': 'v4l2'}]")
            << "/devices/1/kind"
            << "a second \"camera\" device (the first is /devices/0)";
        QTest::newRow("nested option")
            << with("[]", "[{'kind': 'camera', 'driver': 'simulated', 'options': {'size': [640, 480]}}]")
            << "/devices/0/options/size"
            << "expected a string, number or true/false, found an array";
        QTest::newRow("fractional") << '{' + base + q(", 'sync': {'request_timeout_ms': 1500.5}}")
                                    << "/sync/request_timeout_ms"
                                    << "expected a whole number, found 1500.5";
        QTest::newRow("certificate without key") << '{' + base + q(", 'sync': {'client_certificate': 'k.crt'}}")
                                                 << "/sync/client_certificate"
                                                 << "client_certificate and client_key go together";
    }

    // The sync block's transport settings: TLS files relative to site.json's folder, http refused by default.
    void syncTransportSettings()
    {
        const QByteArray json = QByteArray(
                "{\"center_id\": \"A-1\", \"kiosk_id\": \"K01\", \"center_name\": {\"zh\": \"中\", \"en\": \"C\"},"
                " \"platform_url\": \"https://platform.example\","
                " \"tracking_url_template\": \"https://t.example/{case_number}\", \"languages\": [\"en\"], \"devices\": [],"
                " \"sync\": {\"platform_ca\": \"pki/ca.crt\", \"client_certificate\": \"/etc/onestop/kiosk.crt\","
                " \"client_key\": \"pki/kiosk.key\", \"request_deadline_ms\": 20000, \"max_answer_bytes\": 65536,"
                " \"max_retry_after_ms\": 30000}}");
        const auto result = SiteConfigLoader::parse(json, QStringLiteral("/etc/onestop/config/site.json"));
        QVERIFY2(result.ok(), qPrintable(errorList(result.errors())));
        const SyncSettings sync = result.value().sync;
        QCOMPARE(sync.platformCaFile, QStringLiteral("/etc/onestop/config/pki/ca.crt"));
        QCOMPARE(sync.clientCertificateFile, QStringLiteral("/etc/onestop/kiosk.crt"));
        QCOMPARE(sync.clientKeyFile, QStringLiteral("/etc/onestop/config/pki/kiosk.key"));
        QCOMPARE(sync.requestDeadlineMs, 20000);
        QCOMPARE(sync.maxAnswerBytes, 65536);
        QCOMPARE(sync.maxRetryAfterMs, 30000);
        QVERIFY(!sync.allowInsecureHttp);
    }

    void inlineProblems()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, place);
        QFETCH(QString, message);
        const auto result = SiteConfigLoader::parse(json, QStringLiteral("inline.json"));
        QVERIFY(!result.ok());
        QVERIFY2(hasError(result.errors(), QStringLiteral("inline.json"), place, message),
                 qPrintable(errorList(result.errors())));
        QCOMPARE(result.errors().size(), 1);
    }

    void errorToString()
    {
        const ConfigError e{QStringLiteral("site.json"), QStringLiteral("/timeouts/idle_answer_seconds"),
                            QStringLiteral("must be between 20 and 600, found 10")};
        QCOMPARE(
            e.toString(),
            QStringLiteral("site.json: /timeouts/idle_answer_seconds: must be between 20 and 600, found 10"));
    }
};

QTEST_GUILESS_MAIN(TestSiteConfigLoader)
#include "tst_site_config_loader.moc"
