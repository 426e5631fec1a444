// The technician PIN (stored digest, parsing, matching) and the controller's way in: PIN, lockout, idle.

#include "Clock.h"
#include "SiteConfigLoader.h"
#include "StrictWarnings.h"
#include "TechnicianController.h"
#include "TechnicianPin.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace {
// A minimal site.json with a technician section.
QByteArray siteJsonWithPin(const QString &stored)
{
    // (An ordinary string: moc does not see classes after a multi-line raw string literal.)
    return QStringLiteral("{\"center_id\": \"SH-T\", \"kiosk_id\": \"K01\", \"center_name\": {\"zh\": \"中心\", \"en\": \"Center\"},"
                          " \"platform_url\": \"http://127.0.0.1:1\","
                          " \"tracking_url_template\": \"https://x.invalid/t?c={case_id}\","
                          " \"languages\": [\"zh_CN\", \"en\"], \"devices\": [],"
                          " \"technician\": {\"pin\": \"%1\", \"idle_seconds\": 90, \"max_attempts\": 3,"
                          " \"lockout_seconds\": 60}}")
        .arg(stored)
        .toUtf8();
}
} // namespace

class TestTechnician : public QObject
{
    Q_OBJECT

    static TechnicianSettings settingsWithPin(const QString &pin)
    {
        TechnicianSettings s;
        QString error;
        if (!TechnicianPin::parse(TechnicianPin::hash(pin, TechnicianPin::minimumIterations), &s.pin, &error))
            qFatal("%s", qPrintable(error));
        return s;
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void hashRoundTrip()
    {
        const QString stored = TechnicianPin::hash(QStringLiteral("135790"), TechnicianPin::minimumIterations);
        QVERIFY(stored.startsWith(QLatin1String("pbkdf2-sha256$10000$")));
        QVERIFY(!stored.contains(QLatin1String("135790")));
        TechnicianPin pin;
        QString error;
        QVERIFY2(TechnicianPin::parse(stored, &pin, &error), qPrintable(error));
        QVERIFY(pin.matches(QStringLiteral("135790")));
        QVERIFY(!pin.matches(QStringLiteral("135791")));
        QVERIFY(!pin.matches(QString()));
        // Two digests of the same PIN differ (random salt).
        QVERIFY(stored != TechnicianPin::hash(QStringLiteral("135790"), TechnicianPin::minimumIterations));
    }

    void knownDigest()
    {
        // PBKDF2-HMAC-SHA256("123456", salt "0011223344556677", 10000 iterations), computed independently
        // with Python's hashlib.pbkdf2_hmac.
        TechnicianPin pin;
        QString error;
        QVERIFY2(TechnicianPin::parse(QStringLiteral("pbkdf2-sha256$10000$0011223344556677$") + QLatin1String("451b47dc0caa8c8676035298c05aefd29b677cd4afafb03c1b82930de82cff64"),
                                      &pin, &error),
                 qPrintable(error));
        QVERIFY(pin.matches(QStringLiteral("123456")));
        QVERIFY(!pin.matches(QStringLiteral("654321")));
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("complaint");
        const QString digest(64, QLatin1Char('a'));
        QTest::newRow("plain pin") << QStringLiteral("123456") << QStringLiteral("expected");
        QTest::newRow("other scheme") << QStringLiteral("sha1$10000$0011223344556677$") + digest << QStringLiteral("expected");
        QTest::newRow("few iterations") << QStringLiteral("pbkdf2-sha256$100$0011223344556677$") + digest << QStringLiteral("iterations");
        QTest::newRow("short salt") << QStringLiteral("pbkdf2-sha256$10000$0011$") + digest << QStringLiteral("salt");
        QTest::newRow("not hex") << QStringLiteral("pbkdf2-sha256$10000$00112233445566zz$") + digest << QStringLiteral("salt");
        QTest::newRow("short digest") << QStringLiteral("pbkdf2-sha256$10000$0011223344556677$abcd") << QStringLiteral("digest");
    }

    void parseRejects()
    {
        QFETCH(QString, stored);
        QFETCH(QString, complaint);
        TechnicianPin pin;
        QString error;
        QVERIFY(!TechnicianPin::parse(stored, &pin, &error));
        QVERIFY2(error.contains(complaint), qPrintable(error));
        QVERIFY(!pin.isSet());
    }

    void siteConfigReadsTechnicianSection()
    {
        const QString stored = TechnicianPin::hash(QStringLiteral("246810"), TechnicianPin::minimumIterations);
        const QByteArray json = siteJsonWithPin(stored);
        const auto site = SiteConfigLoader::parse(json, QStringLiteral("site.json"));
        QVERIFY2(site.ok(), qPrintable(site.errorText()));
        QVERIFY(site.value().technician.pin.matches(QStringLiteral("246810")));
        QCOMPARE(site.value().technician.idleSeconds, 90);
        QCOMPARE(site.value().technician.maxAttempts, 3);

        QVERIFY(!site.value().staff.pin.isSet()); // no "staff" section: no staff confirmation

        const QByteArray bad = QByteArray(json).replace(stored.toUtf8(), "123456");
        const auto refused = SiteConfigLoader::parse(bad, QStringLiteral("site.json"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorText().contains(QLatin1String("site.json: /technician/pin:")), qPrintable(refused.errorText()));
    }

    // The staff PIN (no-card identification) has a section of its own, stored the same way, refused the
    // same way when it is not a digest.
    void siteConfigReadsStaffSection()
    {
        const QString technician = TechnicianPin::hash(QStringLiteral("246810"), TechnicianPin::minimumIterations);
        const QString staff = TechnicianPin::hash(QStringLiteral("975310"), TechnicianPin::minimumIterations);
        QByteArray json = siteJsonWithPin(technician);
        json.chop(1);
        json += ", \"staff\": {\"pin\": \"" + staff.toUtf8() + "\", \"max_attempts\": 4, \"lockout_seconds\": 120}}";
        const auto site = SiteConfigLoader::parse(json, QStringLiteral("site.json"));
        QVERIFY2(site.ok(), qPrintable(site.errorText()));
        QVERIFY(site.value().staff.pin.matches(QStringLiteral("975310")));
        QVERIFY(!site.value().staff.pin.matches(QStringLiteral("246810")));
        QCOMPARE(site.value().staff.maxAttempts, 4);
        QCOMPARE(site.value().staff.lockoutSeconds, 120);

        const auto refused = SiteConfigLoader::parse(QByteArray(json).replace(staff.toUtf8(), "975310"),
                                                     QStringLiteral("site.json"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorText().contains(QLatin1String("site.json: /staff/pin:")), qPrintable(refused.errorText()));
        const auto unknown = SiteConfigLoader::parse(QByteArray(json).replace("\"max_attempts\": 4", "\"pin_length\": 4"),
                                                     QStringLiteral("site.json"));
        QVERIFY(!unknown.ok());
    }

    void noPinNoWayIn()
    {
        ManualClock clock;
        TechnicianController technician(TechnicianSettings{}, clock, [] { return true; });
        QVERIFY(!technician.isAvailable());
        technician.requestAccess();
        QCOMPARE(technician.state(), TechnicianController::State::Closed);
    }

    void pinOpensOnlyWhenAllowed()
    {
        ManualClock clock;
        bool idle = false;
        TechnicianController technician(settingsWithPin(QStringLiteral("246810")), clock, [&idle] { return idle; });
        technician.requestAccess();
        QCOMPARE(technician.state(), TechnicianController::State::Closed);
        idle = true;
        technician.requestAccess();
        QCOMPARE(technician.state(), TechnicianController::State::EnteringPin);
        technician.submitPin(QStringLiteral("246810"));
        QCOMPARE(technician.state(), TechnicianController::State::Open);
    }

    void lockoutAfterWrongPins()
    {
        ManualClock clock;
        TechnicianSettings settings = settingsWithPin(QStringLiteral("246810"));
        settings.maxAttempts = 3;
        settings.lockoutSeconds = 60;
        TechnicianController technician(settings, clock, [] { return true; });
        QSignalSpy changes(&technician, &TechnicianController::stateChanged);
        // Wrong PINs and the lock are security events: logged as warnings, never with the PIN.
        for (int i = 0; i < 3; ++i)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^wrong technician PIN, [0-2] attempts left$")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^technician view locked for 60 s$")));
        technician.requestAccess();
        technician.submitPin(QStringLiteral("000000"));
        technician.submitPin(QStringLiteral("111111"));
        QCOMPARE(technician.attemptsLeft(), 1);
        QVERIFY(technician.message().contains(QLatin1String("1")));
        technician.submitPin(QStringLiteral("222222"));
        QCOMPARE(technician.state(), TechnicianController::State::Locked);
        QCOMPARE(technician.lockSecondsLeft(), 60);
        technician.submitPin(QStringLiteral("246810"));
        QCOMPARE(technician.state(), TechnicianController::State::Locked);
        technician.requestAccess();
        QCOMPARE(technician.state(), TechnicianController::State::Locked);
        clock.advance(59000);
        technician.tick();
        QCOMPARE(technician.state(), TechnicianController::State::Locked);
        QCOMPARE(technician.lockSecondsLeft(), 1);
        clock.advance(1000);
        technician.tick();
        QCOMPARE(technician.state(), TechnicianController::State::Closed);
        QCOMPARE(technician.attemptsLeft(), 3);
        QVERIFY(changes.count() >= 5);
    }

    void rightPinResetsTheCount()
    {
        ManualClock clock;
        TechnicianSettings settings = settingsWithPin(QStringLiteral("246810"));
        settings.maxAttempts = 2;
        TechnicianController technician(settings, clock, [] { return true; });
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^wrong technician PIN")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^wrong technician PIN")));
        technician.requestAccess();
        technician.submitPin(QStringLiteral("000000"));
        technician.submitPin(QStringLiteral("246810"));
        technician.cancel();
        technician.requestAccess();
        technician.submitPin(QStringLiteral("000000"));
        QCOMPARE(technician.state(), TechnicianController::State::EnteringPin);
    }

    void idleCloses()
    {
        ManualClock clock;
        TechnicianSettings settings = settingsWithPin(QStringLiteral("246810"));
        settings.idleSeconds = 30;
        TechnicianController technician(settings, clock, [] { return true; });
        technician.requestAccess();
        technician.submitPin(QStringLiteral("246810"));
        clock.advance(20000);
        technician.touched();
        clock.advance(20000);
        technician.tick();
        QCOMPARE(technician.state(), TechnicianController::State::Open);
        clock.advance(10000);
        technician.tick();
        QCOMPARE(technician.state(), TechnicianController::State::Closed);
    }
};

QTEST_GUILESS_MAIN(TestTechnician)
#include "tst_technician.moc"
