// The real binary on kiosk-config/scenarios/certificate.json against a real platform-sim (the resident's
// record seeded by its test hook), as tst_queue_scenario runs the queue: a residence certificate in Chinese
// and a proof of household registration in English, each found by searching the catalog, issued by the
// platform and printed on the A4 printer. The shipped hall has no A4 printer: the test runs the kiosk on a
// copy of kiosk-config whose site.json adds a simulated one. Not in the elderly mode: there the on-screen
// keyboard opened by the catalog search covers the results, and a scenario has no step that closes it.
#include "CertificateFixtures.h"
#include "PlatformSimProcess.h"
#include "StrictWarnings.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

class TestCertificateScenario : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;
    QString m_config;

    // kiosk-config copied, with a simulated A4 document printer in site.json.
    bool makeConfig(QString *error)
    {
        const QDir source(sourcePath(QStringLiteral("kiosk-config")));
        m_config = m_dir.filePath(QStringLiteral("config"));
        QDirIterator it(source.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString target = QDir(m_config).filePath(source.relativeFilePath(file));
            if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(file, target)) {
                *error = QStringLiteral("copy %1").arg(file);
                return false;
            }
        }
        QFile site(QDir(m_config).filePath(QStringLiteral("site.json")));
        if (!site.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("read site.json");
            return false;
        }
        QJsonObject root = QJsonDocument::fromJson(site.readAll()).object();
        site.close();
        QJsonArray devices = root.value(QStringLiteral("devices")).toArray();
        devices.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("document_printer")},
                                   {QStringLiteral("driver"), QStringLiteral("simulated")},
                                   {QStringLiteral("name"), QStringLiteral("A4 打印机 / A4 printer")}});
        root.insert(QStringLiteral("devices"), devices);
        if (!site.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            site.write(QJsonDocument(root).toJson()) <= 0) {
            *error = QStringLiteral("write site.json");
            return false;
        }
        return true;
    }

    QStringList issued()
    {
        QStringList rows;
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(m_sim->dbPath().toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(db,
                                   "SELECT certificate_type || ' ' || json_extract(CAST(answer AS TEXT), '$.purpose') "
                                   "FROM certificates ORDER BY issued_at",
                                   -1, &stmt, nullptr) == SQLITE_OK)
                while (sqlite3_step(stmt) == SQLITE_ROW)
                    rows << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return rows;
    }

    void check(const QString &name, const QStringList &extra)
    {
        const int before = issued().size();
        const QString out = m_dir.filePath(name);
        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        kiosk.setProcessEnvironment(env);
        kiosk.start(QStringLiteral(KIOSK_BINARY),
                    QStringList{QStringLiteral("--config"), m_config, QStringLiteral("--data-dir"),
                                m_dir.filePath(name + QStringLiteral("-data")), QStringLiteral("--platform-url"),
                                m_sim->baseUrl().toString(), QStringLiteral("--scenario"),
                                sourcePath(QStringLiteral("kiosk-config/scenarios/certificate.json")),
                                QStringLiteral("--screenshots"), out, QStringLiteral("--report"),
                                QDir(out).filePath(QStringLiteral("report.json"))} +
                        extra);
        QVERIFY(kiosk.waitForFinished(150000));
        const QString output = QString::fromUtf8(kiosk.readAll());
        QFile file(QDir(out).filePath(QStringLiteral("report.json")));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(output.right(3000)));
        const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY2(kiosk.exitCode() == 0 && report.value(QStringLiteral("passed")).toBool(),
                 qPrintable(output.right(3000)));
        QVERIFY2(report.value(QStringLiteral("warnings")).toArray().isEmpty(),
                 QJsonDocument(report.value(QStringLiteral("warnings")).toArray()).toJson().constData());
        for (const char *shot : {"certificate-purpose-zh", "certificate-printed-zh", "certificate-printed-en"})
            QVERIFY2(!QDir(out).entryList({QStringLiteral("*%1*.png").arg(QLatin1String(shot))}).isEmpty(), shot);
        // The platform issued the two certificates, for the purposes the resident tapped.
        QCOMPARE(issued().mid(before), (QStringList{QStringLiteral("residence employment"),
                                                    QStringLiteral("household school-enrolment")}));
        // Nothing personal in the kiosk's output (its log).
        QVERIFY(!output.contains(CertificateFixtures::kEligibleId));
        QVERIFY(!output.contains(CertificateFixtures::kEligibleName));
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QString error;
        QVERIFY2(makeConfig(&error), qPrintable(error));
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("platform.sqlite")));
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QVERIFY2(CertificateFixtures::seedResidents(m_sim->port(), &error), qPrintable(error));
    }

    void certificatesPrinted() { check(QStringLiteral("certificate"), {}); }
};

QTEST_MAIN(TestCertificateScenario)
#include "tst_certificate_scenario.moc"
