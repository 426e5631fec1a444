// platform-sim's case progress (docs/platform-api.md, "Case progress") over plain HTTP: the public answer by
// case id and by case number (status, history with times and notes, no personal data), the test hook that
// advances a case, a resident's cases by ID number in the body (only theirs, newest first, bounded), each
// error as documented, and a schema-7 database that gains the history on start.
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

const QString residentX = QStringLiteral("310104194803120025");
const QString residentY = QStringLiteral("310110197604203013");
const QString nameX = QStringLiteral("王秀英");

QJsonObject jsonOf(const RawHttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList statusesOf(const QJsonObject &progress)
{
    QStringList list;
    for (const QJsonValue &v : progress.value(QStringLiteral("history")).toArray())
        list << v.toObject().value(QStringLiteral("status")).toString();
    return list;
}

} // namespace

class TestPlatformSimProgress : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;
    QString m_caseA, m_caseB, m_caseC;

    RawHttpResponse send(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {
                             {"Content-Type", "application/json"}})
    {
        return rawExchange(m_sim->port(), RawHttpClient::request(method, path, headers, body))
            .value_or(RawHttpResponse());
    }
    RawHttpResponse get(const QByteArray &path) { return send("GET", path, {}, {}); }
    RawHttpResponse residentCases(const QJsonObject &body)
    {
        return send("POST", "/api/v1/residents/cases", compact(body));
    }
    QString putCase(const QString &number, const QString &idNumber, const QString &name)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject body{{QStringLiteral("case_id"), id},
                               {QStringLiteral("case_number"), number},
                               {QStringLiteral("service_id"), QStringLiteral("residence-permit")},
                               {QStringLiteral("center_id"), QStringLiteral("SH-XH-TLQ")},
                               {QStringLiteral("submitted_at"), QStringLiteral("2026-12-01T08:30:00.000Z")},
                               {QStringLiteral("language"), QStringLiteral("zh_CN")},
                               {QStringLiteral("form"), QJsonObject{{QStringLiteral("applicant_name"), name},
                                                                    {QStringLiteral("id_number"), idNumber}}},
                               {QStringLiteral("attachments"), QJsonArray()}};
        const RawHttpResponse r =
            send("PUT", "/api/v1/cases/" + id.toLatin1(), compact(body),
                 {{"Content-Type", "application/json"}, {"Idempotency-Key", id.toLatin1()}});
        return r.status == 201 ? id : QString();
    }
    int advance(const QJsonObject &body) { return send("POST", "/test/case-status", compact(body)).status; }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("p.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_caseA = putCase(QStringLiteral("SH-XH-TLQ-K01-20261201-7Q3F-0001"), residentX, nameX);
        m_caseB = putCase(QStringLiteral("SH-XH-TLQ-K01-20261201-7Q3F-0002"), residentX.toLower(), nameX);
        m_caseC =
            putCase(QStringLiteral("SH-XH-TLQ-K01-20261201-7Q3F-0003"), residentY, QStringLiteral("李建国"));
        QVERIFY(!m_caseA.isEmpty() && !m_caseB.isEmpty() && !m_caseC.isEmpty());
    }

    void aNewCaseIsReceivedWithOneHistoryEntryAndNoPersonalData()
    {
        const RawHttpResponse r = get("/api/v1/cases/" + m_caseA.toLatin1() + "/progress");
        QCOMPARE(r.status, 200);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o.value(QStringLiteral("case_id")).toString(), m_caseA);
        QCOMPARE(o.value(QStringLiteral("case_number")).toString(),
                 QStringLiteral("SH-XH-TLQ-K01-20261201-7Q3F-0001"));
        QCOMPARE(o.value(QStringLiteral("service_id")).toString(), QStringLiteral("residence-permit"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("received"));
        QCOMPARE(statusesOf(o), QStringList{QStringLiteral("received")});
        QCOMPARE(o.value(QStringLiteral("updated_at")).toString(),
                 o.value(QStringLiteral("received_at")).toString());
        QVERIFY(!r.body.contains(residentX.toUtf8()));
        QVERIFY(!r.body.contains(nameX.toUtf8()));
        QVERIFY(!o.contains(QStringLiteral("form")));
    }

    void theTestHookAdvancesACaseAndTheHistoryKeepsEveryStep()
    {
        QCOMPARE(advance({{QStringLiteral("case_id"), m_caseA},
                          {QStringLiteral("status"), QStringLiteral("accepted")}}),
                 200);
        QCOMPARE(advance({{QStringLiteral("case_number"), QStringLiteral("SH-XH-TLQ-K01-20261201-7Q3F-0001")},
                          {QStringLiteral("status"), QStringLiteral("more_materials_needed")},
                          {QStringLiteral("note"), QStringLiteral("请补充户口簿复印件")}}),
                 200);
        const RawHttpResponse r = get("/api/v1/case-numbers/SH-XH-TLQ-K01-20261201-7Q3F-0001/progress");
        QCOMPARE(r.status, 200);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o.value(QStringLiteral("case_id")).toString(), m_caseA);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("more_materials_needed"));
        QCOMPARE(statusesOf(o), (QStringList{QStringLiteral("received"), QStringLiteral("accepted"),
                                             QStringLiteral("more_materials_needed")}));
        const QJsonArray history = o.value(QStringLiteral("history")).toArray();
        QCOMPARE(history.last().toObject().value(QStringLiteral("note")).toString(),
                 QStringLiteral("请补充户口簿复印件"));
        QCOMPARE(o.value(QStringLiteral("updated_at")).toString(),
                 history.last().toObject().value(QStringLiteral("at")).toString());
        // The case's own GET shows the current status too.
        QCOMPARE(
            jsonOf(get("/api/v1/cases/" + m_caseA.toLatin1())).value(QStringLiteral("status")).toString(),
            QStringLiteral("more_materials_needed"));
        // Lower-case numbers are the same number.
        QCOMPARE(get("/api/v1/case-numbers/sh-xh-tlq-k01-20261201-7q3f-0001/progress").status, 200);
    }

    void theTestHookRefusesUnknownStatusesAndCases()
    {
        QCOMPARE(advance({{QStringLiteral("case_id"), m_caseA},
                          {QStringLiteral("status"), QStringLiteral("lost")}}),
                 400);
        QCOMPARE(advance({{QStringLiteral("case_id"), QStringLiteral("no-such-case")},
                          {QStringLiteral("status"), QStringLiteral("accepted")}}),
                 404);
    }

    void progressErrorsAreAsDocumented()
    {
        const RawHttpResponse unknown = get("/api/v1/cases/no-such-case/progress");
        QCOMPARE(unknown.status, 404);
        QCOMPARE(jsonOf(unknown).value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
        QCOMPARE(get("/api/v1/cases/bad%20id/progress").status, 400);
        QCOMPARE(get("/api/v1/case-numbers/SH-NOPE-0001/progress").status, 404);
        const RawHttpResponse badNumber = get("/api/v1/case-numbers/AB%24C/progress");
        QCOMPARE(badNumber.status, 400);
        QCOMPARE(jsonOf(badNumber).value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_request"));
        QCOMPARE(get("/api/v1/case-numbers/SH-XH-TLQ-K01-20261201-7Q3F-0001").status, 404);
        const RawHttpResponse wrongMethod =
            send("POST", "/api/v1/cases/" + m_caseA.toLatin1() + "/progress", "{}");
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("allow"), QByteArray("GET"));
        QCOMPARE(send("DELETE", "/api/v1/case-numbers/SH-XH-TLQ-K01-20261201-7Q3F-0001/progress").status,
                 405);
    }

    void aResidentGetsOnlyTheirOwnCasesNewestFirst()
    {
        const RawHttpResponse r = residentCases({{QStringLiteral("id_type"), QStringLiteral("resident")},
                                                 {QStringLiteral("id_number"), residentX}});
        QCOMPARE(r.status, 200);
        const QJsonArray cases = jsonOf(r).value(QStringLiteral("cases")).toArray();
        QCOMPARE(cases.size(), 2);
        QCOMPARE(cases.at(0).toObject().value(QStringLiteral("case_id")).toString(), m_caseB);
        QCOMPARE(cases.at(1).toObject().value(QStringLiteral("case_id")).toString(), m_caseA);
        QCOMPARE(cases.at(1).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("more_materials_needed"));
        QCOMPARE(jsonOf(r).value(QStringLiteral("more")).toBool(true), false);
        QVERIFY(!r.body.contains(m_caseC.toUtf8()));
        QVERIFY(!r.body.contains(residentX.toUtf8()));
        QVERIFY(!r.body.contains(nameX.toUtf8()));

        const RawHttpResponse other = residentCases({{QStringLiteral("id_type"), QStringLiteral("resident")},
                                                     {QStringLiteral("id_number"), residentY}});
        const QJsonArray theirs = jsonOf(other).value(QStringLiteral("cases")).toArray();
        QCOMPARE(theirs.size(), 1);
        QCOMPARE(theirs.at(0).toObject().value(QStringLiteral("case_id")).toString(), m_caseC);

        const RawHttpResponse nobody =
            residentCases({{QStringLiteral("id_type"), QStringLiteral("resident")},
                           {QStringLiteral("id_number"), QStringLiteral("310105199203050042")}});
        QCOMPARE(nobody.status, 200);
        QCOMPARE(jsonOf(nobody).value(QStringLiteral("cases")).toArray().size(), 0);
    }

    void aResidentsListIsBounded()
    {
        const QString many = QStringLiteral("31010419880228021X");
        for (int i = 0; i < 21; ++i)
            QVERIFY(!putCase(QStringLiteral("SH-XH-TLQ-K02-20261201-ABCD-%1").arg(i, 4, 10, QLatin1Char('0')),
                             many, QStringLiteral("赵六"))
                         .isEmpty());
        const QJsonObject o = jsonOf(residentCases(
            {{QStringLiteral("id_type"), QStringLiteral("resident")}, {QStringLiteral("id_number"), many}}));
        QCOMPARE(o.value(QStringLiteral("cases")).toArray().size(), 20);
        QCOMPARE(o.value(QStringLiteral("more")).toBool(false), true);
        QCOMPARE(o.value(QStringLiteral("cases"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("case_number"))
                     .toString(),
                 QStringLiteral("SH-XH-TLQ-K02-20261201-ABCD-0020"));
    }

    void residentCasesErrorsAreAsDocumented()
    {
        const RawHttpResponse badType =
            residentCases({{QStringLiteral("id_type"), QStringLiteral("passport")},
                           {QStringLiteral("id_number"), residentX}});
        QCOMPARE(badType.status, 400);
        const RawHttpResponse badNumber =
            residentCases({{QStringLiteral("id_type"), QStringLiteral("resident")},
                           {QStringLiteral("id_number"), QStringLiteral("31010 4")}});
        QCOMPARE(badNumber.status, 400);
        QCOMPARE(jsonOf(badNumber).value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_request"));
        QVERIFY(!badNumber.body.contains("31010 4"));
        QCOMPARE(send("POST", "/api/v1/residents/cases", "not json").status, 400);
        QCOMPARE(send("POST", "/api/v1/residents/cases", "{}", {{"Content-Type", "text/plain"}}).status, 415);
        const RawHttpResponse wrongMethod = get("/api/v1/residents/cases");
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("allow"), QByteArray("POST"));
    }

    // Last: restarts the simulator on a database made to look like schema version 7.
    void aSchema7DatabaseGainsTheHistoryOnStart()
    {
        QCOMPARE(m_sim->terminate(), 0);
        QString error;
        QVERIFY2(
            platformExec(m_sim->dbPath(),
                         "DROP INDEX cases_by_applicant; DROP INDEX case_status_history_by_case; "
                         "ALTER TABLE cases DROP COLUMN applicant_id_number; DROP TABLE case_status_history; "
                         "PRAGMA user_version = 7;",
                         &error),
            qPrintable(error));
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QCOMPARE(platformColumn(m_sim->dbPath(), QStringLiteral("cases"),
                                QStringLiteral("applicant_id_number"), m_caseB),
                 residentX);
        const QJsonObject o = jsonOf(get("/api/v1/cases/" + m_caseA.toLatin1() + "/progress"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("more_materials_needed"));
        QCOMPARE(statusesOf(o), QStringList{QStringLiteral("more_materials_needed")});
        const QJsonObject cases =
            jsonOf(residentCases({{QStringLiteral("id_type"), QStringLiteral("resident")},
                                  {QStringLiteral("id_number"), residentX}}));
        QCOMPARE(cases.value(QStringLiteral("cases")).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPlatformSimProgress)
#include "tst_platform_sim_progress.moc"
