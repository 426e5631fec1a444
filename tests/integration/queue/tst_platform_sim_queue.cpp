// platform-sim's queue-ticket endpoints (docs/platform-api.md, "Queue tickets") over plain HTTP: counter
// services with people waiting, tickets that a retried request never doubles, offline ranges that online
// tickets never use, and the reconciliation of offline numbers: each counted once, numbers outside the
// range refused whole, errors as documented. The mutual-TLS ownership is in tst_queue_ticket_controller.
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray center = "/api/v1/centers/SH-XH-TLQ/queue";

QJsonObject jsonOf(const RawHttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestPlatformSimQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;

    RawHttpResponse post(const QByteArray &path, const QJsonObject &body,
                         const QByteArray &key = QByteArray())
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        if (!key.isEmpty())
            headers.append({"Idempotency-Key", key});
        const auto r =
            rawExchange(m_sim->port(), RawHttpClient::request("POST", path, headers, compact(body)));
        return r.value_or(RawHttpResponse());
    }
    RawHttpResponse get(const QByteArray &path)
    {
        return rawExchange(m_sim->port(), RawHttpClient::request("GET", path)).value_or(RawHttpResponse());
    }
    int waiting(const QString &serviceId)
    {
        const RawHttpResponse r = get(center + "/services");
        for (const QJsonValue &v : jsonOf(r).value(QStringLiteral("services")).toArray())
            if (v.toObject().value(QStringLiteral("service_id")).toString() == serviceId)
                return v.toObject().value(QStringLiteral("waiting")).toInt(-1);
        return -1;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("p.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void servicesListTheCounterServicesWithPeopleWaiting()
    {
        const RawHttpResponse r = get(center + "/services");
        QCOMPARE(r.status, 200);
        const QJsonArray services = jsonOf(r).value(QStringLiteral("services")).toArray();
        QCOMPARE(services.size(), 3);
        const QJsonObject first = services.first().toObject();
        QCOMPARE(first.value(QStringLiteral("service_id")).toString(), QStringLiteral("general"));
        QCOMPARE(first.value(QStringLiteral("prefix")).toString(), QStringLiteral("A"));
        QCOMPARE(first.value(QStringLiteral("name")).toObject().value(QStringLiteral("zh")).toString(),
                 QStringLiteral("综合受理"));
        QCOMPARE(first.value(QStringLiteral("waiting")).toInt(-1), 0);
        QCOMPARE(get("/api/v1/centers/bad center/queue/services").status, 400);
        QCOMPARE(get(center + "/nothing").status, 404);
        const RawHttpResponse wrongMethod = post(center + "/services", {});
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("allow"), QByteArray("GET"));
    }

    void aRetriedTicketRequestNeverGivesTwoNumbers()
    {
        const QJsonObject body{{QStringLiteral("service_id"), QStringLiteral("general")}};
        const RawHttpResponse first = post(center + "/tickets", body, "key-1");
        QCOMPARE(first.status, 201);
        const QJsonObject ticket = jsonOf(first);
        QCOMPARE(ticket.value(QStringLiteral("ticket_number")).toString(), QStringLiteral("A001"));
        QCOMPARE(ticket.value(QStringLiteral("waiting")).toInt(-1), 0);
        QVERIFY(!ticket.value(QStringLiteral("issued_at")).toString().isEmpty());
        const RawHttpResponse again = post(center + "/tickets", body, "key-1");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("queue_tickets")), 1);

        const RawHttpResponse second = post(center + "/tickets", body, "key-2");
        QCOMPARE(second.status, 201);
        QCOMPARE(jsonOf(second).value(QStringLiteral("ticket_number")).toString(), QStringLiteral("A002"));
        QCOMPARE(jsonOf(second).value(QStringLiteral("waiting")).toInt(-1), 1);
        QCOMPARE(waiting(QStringLiteral("general")), 2);

        // The same key with another body, a missing key, an unknown service, another media type.
        const RawHttpResponse conflict =
            post(center + "/tickets", {{QStringLiteral("service_id"), QStringLiteral("household")}}, "key-1");
        QCOMPARE(conflict.status, 422);
        QCOMPARE(jsonOf(conflict).value(QStringLiteral("error")).toString(), QStringLiteral("conflict"));
        QCOMPARE(post(center + "/tickets", body).status, 400);
        const RawHttpResponse unknown =
            post(center + "/tickets", {{QStringLiteral("service_id"), QStringLiteral("x")}}, "key-3");
        QCOMPARE(unknown.status, 400);
        QVERIFY(jsonOf(unknown)
                    .value(QStringLiteral("detail"))
                    .toString()
                    .startsWith(QStringLiteral("service_id:")));
        const auto text = rawExchange(
            m_sim->port(),
            RawHttpClient::request("POST", center + "/tickets",
                                   {{"Content-Type", "text/plain"}, {"Idempotency-Key", "k"}}, "x"));
        QVERIFY(text);
        QCOMPARE(text->status, 415);
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("queue_tickets")), 2);
    }

    void rangesAreNeverGivenOnlineAndReconcileExactlyOnce()
    {
        const QJsonObject rangeBody{{QStringLiteral("service_id"), QStringLiteral("general")},
                                    {QStringLiteral("size"), 5}};
        const RawHttpResponse granted = post(center + "/ranges", rangeBody, "range-key-1");
        QCOMPARE(granted.status, 201);
        const QJsonObject range = jsonOf(granted);
        QCOMPARE(range.value(QStringLiteral("first")).toInt(), 3); // after A001, A002
        QCOMPARE(range.value(QStringLiteral("last")).toInt(), 7);
        QCOMPARE(range.value(QStringLiteral("prefix")).toString(), QStringLiteral("A"));
        QCOMPARE(post(center + "/ranges", rangeBody, "range-key-1").body,
                 granted.body); // a retry: the same range
        QCOMPARE(
            post(center + "/ranges",
                 {{QStringLiteral("service_id"), QStringLiteral("general")}, {QStringLiteral("size"), 0}},
                 "range-key-2")
                .status,
            400);
        QCOMPARE(
            post(center + "/ranges",
                 {{QStringLiteral("service_id"), QStringLiteral("general")}, {QStringLiteral("size"), 6}},
                 "range-key-1")
                .status,
            422);

        // The next online ticket comes after the reserved block.
        const RawHttpResponse online =
            post(center + "/tickets", {{QStringLiteral("service_id"), QStringLiteral("general")}},
                 "key-after-range");
        QCOMPARE(jsonOf(online).value(QStringLiteral("ticket_number")).toString(), QStringLiteral("A008"));
        QCOMPARE(waiting(QStringLiteral("general")), 3);

        const QByteArray issued =
            center + "/ranges/" + range.value(QStringLiteral("range_id")).toString().toLatin1() + "/issued";
        const QJsonObject report{
            {QStringLiteral("tickets"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("number"), 3},
                             {QStringLiteral("issued_at"), QStringLiteral("2026-12-03T09:00:00.000Z")}},
                 QJsonObject{{QStringLiteral("number"), 4},
                             {QStringLiteral("issued_at"), QStringLiteral("2026-12-03T09:01:00.000Z")}}}}};
        const RawHttpResponse first = post(issued, report);
        QCOMPARE(first.status, 200);
        QCOMPARE(jsonOf(first).value(QStringLiteral("counted")).toArray(), (QJsonArray{3, 4}));
        QCOMPARE(jsonOf(first).value(QStringLiteral("already")).toArray(), QJsonArray());
        QCOMPARE(jsonOf(first).value(QStringLiteral("waiting")).toInt(), 5);
        const RawHttpResponse again = post(issued, report);
        QCOMPARE(again.status, 200);
        QCOMPARE(jsonOf(again).value(QStringLiteral("counted")).toArray(), QJsonArray());
        QCOMPARE(jsonOf(again).value(QStringLiteral("already")).toArray(), (QJsonArray{3, 4}));
        QCOMPARE(waiting(QStringLiteral("general")), 5);

        // A number outside the range refuses the whole report: 5 is not counted either.
        const QJsonObject outside{
            {QStringLiteral("tickets"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("number"), 5},
                             {QStringLiteral("issued_at"), QStringLiteral("2026-12-03T09:02:00.000Z")}},
                 QJsonObject{{QStringLiteral("number"), 8},
                             {QStringLiteral("issued_at"), QStringLiteral("2026-12-03T09:03:00.000Z")}}}}};
        const RawHttpResponse refused = post(issued, outside);
        QCOMPARE(refused.status, 400);
        QVERIFY(jsonOf(refused)
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("outside the range 3..7")));
        QCOMPARE(waiting(QStringLiteral("general")), 5);
        const QJsonObject unzoned{
            {QStringLiteral("tickets"),
             QJsonArray{QJsonObject{{QStringLiteral("number"), 5},
                                    {QStringLiteral("issued_at"), QStringLiteral("2026-12-03T09:02:00")}}}}};
        QCOMPARE(post(issued, unzoned).status, 400);
        QCOMPARE(post(center + "/ranges/no-such-range/issued", report).status, 404);
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("queue_tickets")), 5);
    }

    void appointmentCheckInWithItsRefusals()
    {
        const QByteArray checkIn = "/api/v1/centers/SH-XH-TLQ/appointments/check-in";
        const auto book = [this](const QString &code, int start, int end,
                                 const QString &center = QStringLiteral("SH-XH-TLQ")) {
            return post("/test/appointment", {{QStringLiteral("center_id"), center},
                                              {QStringLiteral("service_id"), QStringLiteral("household")},
                                              {QStringLiteral("code"), code},
                                              {QStringLiteral("start_offset_minutes"), start},
                                              {QStringLiteral("end_offset_minutes"), end}})
                .status;
        };
        QCOMPARE(book(QStringLiteral("APPT-NOW"), -10, 20), 200);
        QCOMPARE(book(QStringLiteral("APPT-EARLY"), 120, 150), 200);
        QCOMPARE(book(QStringLiteral("APPT-LATE"), -120, -90), 200);
        QCOMPARE(book(QStringLiteral("APPT-ELSEWHERE"), -10, 20, QStringLiteral("SH-XH-LHJD")), 200);
        QCOMPARE(book(QStringLiteral("APPT-NOW"), -10, 20), 400); // one booking per code

        const auto code = [](const char *c) {
            return QJsonObject{{QStringLiteral("code"), QString::fromLatin1(c)}};
        };
        const int before = waiting(QStringLiteral("household"));
        const RawHttpResponse ok = post(checkIn, code("APPT-NOW"), "check-in-1");
        QCOMPARE(ok.status, 201);
        const QString number = jsonOf(ok).value(QStringLiteral("ticket_number")).toString();
        QVERIFY2(number.startsWith(QLatin1Char('C')), qPrintable(number));
        QCOMPARE(jsonOf(ok).value(QStringLiteral("waiting")).toInt(-1), before);
        QCOMPARE(waiting(QStringLiteral("household")), before + 1);
        // A retry (same key) gets the same answer; the code again (another key) is already used.
        const RawHttpResponse retry = post(checkIn, code("APPT-NOW"), "check-in-1");
        QCOMPARE(retry.status, 200);
        QCOMPARE(jsonOf(retry).value(QStringLiteral("ticket_number")).toString(), number);
        const RawHttpResponse used = post(checkIn, code("APPT-NOW"), "check-in-2");
        QCOMPARE(used.status, 409);
        QCOMPARE(jsonOf(used).value(QStringLiteral("error")).toString(),
                 QStringLiteral("already_checked_in"));
        QCOMPARE(jsonOf(used).value(QStringLiteral("ticket_number")).toString(), number);
        QCOMPARE(waiting(QStringLiteral("household")), before + 1);

        const RawHttpResponse early = post(checkIn, code("APPT-EARLY"), "check-in-3");
        QCOMPARE(early.status, 409);
        QCOMPARE(jsonOf(early).value(QStringLiteral("error")).toString(), QStringLiteral("too_early"));
        QVERIFY(!jsonOf(early).value(QStringLiteral("opens_at")).toString().isEmpty());
        const RawHttpResponse late = post(checkIn, code("APPT-LATE"), "check-in-4");
        QCOMPARE(late.status, 409);
        QCOMPARE(jsonOf(late).value(QStringLiteral("error")).toString(), QStringLiteral("too_late"));
        const RawHttpResponse elsewhere = post(checkIn, code("APPT-ELSEWHERE"), "check-in-5");
        QCOMPARE(elsewhere.status, 409);
        QCOMPARE(jsonOf(elsewhere).value(QStringLiteral("error")).toString(), QStringLiteral("wrong_center"));
        const RawHttpResponse unknown = post(checkIn, code("APPT-NOBODY"), "check-in-6");
        QCOMPARE(unknown.status, 404);
        QCOMPARE(jsonOf(unknown).value(QStringLiteral("error")).toString(),
                 QStringLiteral("appointment_not_found"));
        QCOMPARE(post(checkIn, code("x"), "check-in-7").status, 400);
        QCOMPARE(post(checkIn, code("APPT-EARLY")).status, 400);    // no Idempotency-Key
        QCOMPARE(waiting(QStringLiteral("household")), before + 1); // no refusal issued a ticket
    }

    void ticketsSurviveARestart()
    {
        QCOMPARE(m_sim->terminate(), 0);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QCOMPARE(waiting(QStringLiteral("general")), 5);
        const RawHttpResponse replay =
            post(center + "/tickets", {{QStringLiteral("service_id"), QStringLiteral("general")}}, "key-1");
        QCOMPARE(jsonOf(replay).value(QStringLiteral("ticket_number")).toString(), QStringLiteral("A001"));
    }
};

QTEST_GUILESS_MAIN(TestPlatformSimQueue)
#include "tst_platform_sim_queue.moc"
