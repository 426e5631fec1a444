// The real kiosk binary on kiosk-config/scenarios/web-booking.json: the catalog's web service
// "appointment-booking" opens the platform's booking page (platform-sim --pages-port) in the resident's
// locked-down view; the name is typed in pinyin and the mobile number on the on-screen keyboard's keys into
// the page's form, the booking is made (the platform holds it: an appointment with the code the page
// showed), and the session ends. Neither the name nor the number reaches the kiosk's log or data folder.
// The config is the shipped one with the booking service pointed at the local pages (as ./kiosk run does).
#include "StrictWarnings.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <sqlite3.h>
#include <unistd.h>

class TestWebScenario : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_platform;
    QString m_pagesUrl;

    static bool rewriteJson(const QString &path, const std::function<void(QJsonObject &)> &change)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        QJsonParseError parseError;
        QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            qWarning("%s: %s", qPrintable(path), qPrintable(parseError.errorString()));
            return false;
        }
        file.close();
        change(root);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(QJsonDocument(root).toJson());
        return true;
    }

    // kiosk-config with the booking service on the local pages and loopback http allowed for the web view.
    QString makeConfig()
    {
        const QString config = m_dir.filePath(QStringLiteral("config"));
        QDir().mkpath(config);
        QDirIterator it(sourcePath(QStringLiteral("kiosk-config")), QDir::Files,
                        QDirIterator::Subdirectories);
        const QDir source(sourcePath(QStringLiteral("kiosk-config")));
        while (it.hasNext()) {
            const QString file = it.next();
            const QString target = QDir(config).filePath(source.relativeFilePath(file));
            QDir().mkpath(QFileInfo(target).path());
            QFile::copy(file, target);
        }
        bool pointed = false;
        rewriteJson(QDir(config).filePath(QStringLiteral("catalog.json")), [&](QJsonObject &root) {
            QJsonArray services = root.value(QStringLiteral("services")).toArray();
            for (int i = 0; i < services.size(); ++i) {
                QJsonObject service = services.at(i).toObject();
                if (service.value(QStringLiteral("id")).toString() != QLatin1String("appointment-booking"))
                    continue;
                service.insert(QStringLiteral("start_url"),
                               m_pagesUrl + QStringLiteral("/pages/booking?center=SH-XH-TLQ"));
                service.insert(QStringLiteral("allowed_origins"), QJsonArray{m_pagesUrl});
                services.replace(i, service);
                pointed = true;
            }
            root.insert(QStringLiteral("services"), services);
        });
        rewriteJson(QDir(config).filePath(QStringLiteral("site.json")), [](QJsonObject &root) {
            root.insert(QStringLiteral("web"), QJsonObject{{QStringLiteral("allow_loopback_http"), true}});
        });
        if (!pointed)
            qWarning("appointment-booking not found in %s", qPrintable(config));
        return pointed ? config : QString();
    }

    QStringList bookedCodes()
    {
        QStringList codes;
        sqlite3 *db = nullptr;
        const QByteArray path = m_dir.filePath(QStringLiteral("platform.sqlite")).toUtf8();
        if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(db, "SELECT code FROM appointments", -1, &stmt, nullptr) == SQLITE_OK)
                while (sqlite3_step(stmt) == SQLITE_ROW)
                    codes << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return codes;
    }

    static int lineCount(QProcess &process) { return int(process.peek(4096).count('\n')); }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_platform.start(QStringLiteral(PLATFORM_SIM_BINARY),
                         {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--pages-port"),
                          QStringLiteral("0"), QStringLiteral("--db"),
                          m_dir.filePath(QStringLiteral("platform.sqlite"))});
        QVERIFY(m_platform.waitForStarted());
        // The two lines platform-sim prints once it listens (QTRY_ must not read: it evaluates twice).
        QTRY_VERIFY_WITH_TIMEOUT(lineCount(m_platform) >= 2, 10000);
        const QString platformUrl = QString::fromUtf8(m_platform.readLine()).trimmed();
        QVERIFY2(platformUrl.startsWith(QStringLiteral("listening http://")), qPrintable(platformUrl));
        const QString pages = QString::fromUtf8(m_platform.readLine()).trimmed();
        QVERIFY2(pages.startsWith(QStringLiteral("pages http://127.0.0.1:")), qPrintable(pages));
        m_pagesUrl = pages.mid(int(qstrlen("pages ")));
        m_platform.setProperty("url", platformUrl.mid(int(qstrlen("listening "))));
    }

    void cleanupTestCase()
    {
        m_platform.terminate();
        m_platform.waitForFinished(5000);
    }

    void bookingOnThePlatformsPage()
    {
        const QString config = makeConfig();
        QVERIFY(!config.isEmpty());
        const QString out = m_dir.filePath(QStringLiteral("run"));
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        if (::geteuid() == 0)
            env.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"),
                       QStringLiteral("1")); // root cannot sandbox
        kiosk.setProcessEnvironment(env);
        kiosk.start(QStringLiteral(KIOSK_BINARY),
                    {QStringLiteral("--config"), config, QStringLiteral("--data-dir"), data,
                     QStringLiteral("--platform-url"), m_platform.property("url").toString(),
                     QStringLiteral("--scenario"),
                     sourcePath(QStringLiteral("kiosk-config/scenarios/web-booking.json")),
                     QStringLiteral("--screenshots"), out, QStringLiteral("--report"),
                     QDir(out).filePath(QStringLiteral("report.json"))});
        QVERIFY(kiosk.waitForFinished(200000));
        const QString output = QString::fromUtf8(kiosk.readAll());
        QFile file(QDir(out).filePath(QStringLiteral("report.json")));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(output.right(3000)));
        const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY2(kiosk.exitCode() == 0 && report.value(QStringLiteral("passed")).toBool(),
                 qPrintable(report.value(QStringLiteral("failure")).toString()));
        // No warning but Qt WebEngine's own note that this machine has no GPU for it (the offscreen runs of
        // the tests; a kiosk has one).
        QStringList warnings;
        for (const QJsonValue &w : report.value(QStringLiteral("warnings")).toArray())
            if (w.toString().trimmed() != QLatin1String("No suitable graphics backend found"))
                warnings << w.toString();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));

        // The platform holds the booking the page showed.
        const QStringList codes = bookedCodes();
        QCOMPARE(codes.size(), 1);
        QVERIFY2(QRegularExpression(QStringLiteral("^W\\d{8}-\\d{6}$")).match(codes.first()).hasMatch(),
                 qPrintable(codes.first()));
        const QStringList booked =
            QDir(out).entryList({QStringLiteral("*-web-booking-booked.png")}, QDir::Files);
        QCOMPARE(booked.size(), 1);
        QVERIFY(QFileInfo(QDir(out).filePath(booked.first())).size() > 1000);

        // What was typed into the page stays in the page: not in the kiosk's output or data folder.
        for (const QString &canary : {QStringLiteral("王芳"), QStringLiteral("13812345678")}) {
            QVERIFY2(!output.contains(canary), qPrintable(canary));
            QDirIterator it(data, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray bytes = f.readAll();
                QVERIFY2(!bytes.contains(canary.toUtf8()), qPrintable(f.fileName()));
            }
        }
    }
};

QTEST_MAIN(TestWebScenario)
#include "tst_web_scenario.moc"
