// The real binary on the queue-ticket scenario (kiosk-config/scenarios/queue-ticket.json) against a real
// platform-sim, as tst_demo_scenario runs the demo: an online ticket in English, an offline one in Chinese
// from the kiosk's range, and an online one after the network is back, for which the kiosk first reports
// the offline number; and the appointment check-in scenario. Each once as it is and once in the elderly mode.
#include "StrictWarnings.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

class TestQueueScenario : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_platform;
    QString m_platformUrl;

    QStringList platformColumn(const QString &sql)
    {
        QStringList values;
        sqlite3 *db = nullptr;
        const QByteArray path = m_dir.filePath(QStringLiteral("platform.sqlite")).toUtf8();
        if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr) == SQLITE_OK)
                while (sqlite3_step(stmt) == SQLITE_ROW)
                    values << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return values;
    }

    QJsonObject run(const QString &name, const QStringList &extra, QString *output, int *exitCode,
                    const QString &scenario = QStringLiteral("queue-ticket"),
                    const QString &platformUrl = QString())
    {
        const QString out = m_dir.filePath(name);
        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        kiosk.setProcessEnvironment(env);
        kiosk.start(QStringLiteral(KIOSK_BINARY),
                    QStringList{QStringLiteral("--config"), sourcePath(QStringLiteral("kiosk-config")),
                                QStringLiteral("--data-dir"), m_dir.filePath(name + QStringLiteral("-data")),
                                QStringLiteral("--platform-url"),
                                platformUrl.isEmpty() ? m_platformUrl : platformUrl,
                                QStringLiteral("--scenario"),
                                sourcePath(QStringLiteral("kiosk-config/scenarios/%1.json").arg(scenario)),
                                QStringLiteral("--screenshots"), out, QStringLiteral("--report"),
                                QDir(out).filePath(QStringLiteral("report.json"))} +
                        extra);
        kiosk.waitForFinished(150000);
        *exitCode = kiosk.exitStatus() == QProcess::NormalExit ? kiosk.exitCode() : -1;
        *output = QString::fromUtf8(kiosk.readAll());
        QFile file(QDir(out).filePath(QStringLiteral("report.json")));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    void check(const QString &name, const QStringList &extra)
    {
        const int onlineBefore =
            platformColumn(QStringLiteral("SELECT ticket_number FROM queue_tickets WHERE source = 'online'"))
                .size();
        const int offlineBefore =
            platformColumn(QStringLiteral("SELECT ticket_number FROM queue_tickets WHERE source = 'offline'"))
                .size();
        QString output;
        int exitCode = -1;
        const QJsonObject report = run(name, extra, &output, &exitCode);
        QVERIFY2(exitCode == 0 && report.value(QStringLiteral("passed")).toBool(),
                 qPrintable(output.right(3000)));
        QVERIFY2(report.value(QStringLiteral("warnings")).toArray().isEmpty(),
                 QJsonDocument(report.value(QStringLiteral("warnings")).toArray()).toJson().constData());
        QStringList screens;
        for (const QJsonValue &v : report.value(QStringLiteral("screens_visited")).toArray())
            screens << v.toString();
        QCOMPARE(screens.count(QStringLiteral("journey")), 3);
        QVERIFY(!screens.contains(QStringLiteral("catalog"))); // no application, no card

        // Two online tickets and the offline one, counted once after the network came back.
        const QStringList online = platformColumn(
            QStringLiteral("SELECT ticket_number FROM queue_tickets WHERE source = 'online' ORDER BY rowid"));
        const QStringList offline = platformColumn(QStringLiteral(
            "SELECT ticket_number FROM queue_tickets WHERE source = 'offline' ORDER BY rowid"));
        QCOMPARE(online.size(), onlineBefore + 2);
        QCOMPARE(offline.size(), offlineBefore + 1);
        QVERIFY2(offline.last().startsWith(QLatin1Char('C')), qPrintable(offline.last()));
        QVERIFY(!online.contains(offline.last()));

        // Three slips, each with its number; the offline number's is the second.
        const QString out = m_dir.filePath(name);
        const QStringList slips{QStringLiteral("receipt.bin"), QStringLiteral("receipt-2.bin"),
                                QStringLiteral("receipt-3.bin")};
        const QStringList numbers{online.at(online.size() - 2), offline.last(), online.last()};
        for (int i = 0; i < 3; ++i) {
            QFile slip(QDir(out).filePath(slips.at(i)));
            QVERIFY2(slip.open(QIODevice::ReadOnly), qPrintable(slip.fileName()));
            const QByteArray bytes = slip.readAll();
            QVERIFY(bytes.startsWith("\x1b\x40"));
            QVERIFY2(bytes.contains(numbers.at(i).toLatin1()), qPrintable(numbers.at(i)));
        }
        QVERIFY(QFileInfo(QDir(out).filePath(QStringLiteral("receipt-2.png"))).size() > 1000);

        // The kiosk's record: the offline number reported, the file private.
        QFile state(m_dir.filePath(name + QStringLiteral("-data/queue-tickets.json")));
        QVERIFY(state.open(QIODevice::ReadOnly));
        const QByteArray record = state.readAll();
        QVERIFY(record.contains("\"reported\":true"));
        QVERIFY(!record.contains("\"reported\":false"));
        QCOMPARE(state.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFileDevice::Permissions());
    }

    // The appointment scenario against its own platform-sim (the bookings are single-use): two bookings
    // made through the test hook, one checked in, one too early.
    void checkAppointments(const QString &name, const QStringList &extra)
    {
        QProcess platform;
        const QString db = m_dir.filePath(name + QStringLiteral("-platform.sqlite"));
        platform.start(QStringLiteral(PLATFORM_SIM_BINARY),
                       {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"), db,
                        QStringLiteral("--test-hooks")});
        QVERIFY(platform.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(platform.canReadLine(), 10000);
        const QString url = QString::fromUtf8(platform.readLine()).trimmed().mid(int(qstrlen("listening ")));
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        for (const auto &[code, start] :
             {std::pair{"APPT-SCEN-NOW", -10}, std::pair{"APPT-SCEN-LATER", 120}}) {
            QNetworkRequest request(QUrl(url + QStringLiteral("/test/appointment")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            const QJsonObject body{{QStringLiteral("center_id"), QStringLiteral("SH-XH-TLQ")},
                                   {QStringLiteral("service_id"), QStringLiteral("general")},
                                   {QStringLiteral("code"), QString::fromLatin1(code)},
                                   {QStringLiteral("start_offset_minutes"), start},
                                   {QStringLiteral("end_offset_minutes"), start + 30}};
            QNetworkReply *reply = nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QString output;
        int exitCode = -1;
        const QJsonObject report =
            run(name, extra, &output, &exitCode, QStringLiteral("appointment-check-in"), url);
        platform.terminate();
        platform.waitForFinished(5000);
        QVERIFY2(exitCode == 0 && report.value(QStringLiteral("passed")).toBool(),
                 qPrintable(output.right(3000)));
        QVERIFY2(report.value(QStringLiteral("warnings")).toArray().isEmpty(),
                 QJsonDocument(report.value(QStringLiteral("warnings")).toArray()).toJson().constData());
        // One check-in, its ticket on the slip; the early booking untouched.
        sqlite3 *handle = nullptr;
        QStringList checkedIn;
        QString ticket;
        QString sqlError;
        if (sqlite3_open_v2(db.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(
                    handle,
                    "SELECT code, json_extract(CAST(answer AS TEXT), '$.ticket_number') FROM appointments "
                    "WHERE checked_in_at IS NOT NULL",
                    -1, &stmt, nullptr) == SQLITE_OK)
                while (sqlite3_step(stmt) == SQLITE_ROW) {
                    checkedIn << QString::fromUtf8(
                        reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
                    ticket = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1)));
                }
            sqlError = QString::fromUtf8(sqlite3_errmsg(handle));
            sqlite3_finalize(stmt);
        }
        sqlite3_close(handle);
        QVERIFY2(checkedIn == QStringList{QStringLiteral("APPT-SCEN-NOW")},
                 qPrintable(checkedIn.join(QLatin1Char(',')) + sqlError));
        QFile slip(QDir(m_dir.filePath(name)).filePath(QStringLiteral("receipt.bin")));
        QVERIFY(slip.open(QIODevice::ReadOnly));
        QVERIFY2(slip.readAll().contains(ticket.toLatin1()), qPrintable(ticket));
        QVERIFY(!QFileInfo::exists(QDir(m_dir.filePath(name)).filePath(QStringLiteral("receipt-2.bin"))));
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_platform.start(QStringLiteral(PLATFORM_SIM_BINARY),
                         {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"),
                          m_dir.filePath(QStringLiteral("platform.sqlite"))});
        QVERIFY(m_platform.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_platform.canReadLine(), 10000);
        const QString line = QString::fromUtf8(m_platform.readLine()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("listening ")), qPrintable(line));
        m_platformUrl = line.mid(int(qstrlen("listening ")));
    }

    void cleanupTestCase()
    {
        m_platform.terminate();
        m_platform.waitForFinished(5000);
    }

    void ticketsOnlineAndOffline() { check(QStringLiteral("plain"), {}); }
    void ticketsOnlineAndOfflineInTheElderlyMode()
    {
        check(QStringLiteral("elderly"), {QStringLiteral("--elderly")});
    }
    void appointmentCheckIn() { checkAppointments(QStringLiteral("appointment"), {}); }
    void appointmentCheckInInTheElderlyMode()
    {
        checkAppointments(QStringLiteral("appointment-elderly"), {QStringLiteral("--elderly")});
    }
};

QTEST_MAIN(TestQueueScenario)
#include "tst_queue_scenario.moc"
