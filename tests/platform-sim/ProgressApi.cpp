// PlatformApi: case progress (docs/platform-api.md, "Case progress").
//   GET  /api/v1/cases/{case_id}/progress          the public answer: no personal data
//   GET  /api/v1/case-numbers/{number}/progress    the same, by the number on the receipt
//   POST /api/v1/residents/cases {"id_type", "id_number"}   a resident's cases (the number in the body only)
//   POST /test/case-status {"case_id" | "case_number", "status", "note", "at_offset_seconds"}   advances a
//   case
// Any authenticated kiosk may ask (the case id in a receipt's QR code is the capability; a kiosk that asks
// for a resident's cases has identified them by card or signed code).
#include "PlatformApi.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace {

constexpr int maxResidentCases = 20;

HttpResponse invalid(const QString &detail)
{
    return HttpResponse::error(400, QStringLiteral("invalid_request"), detail);
}

HttpResponse internal(const QString &error)
{
    qCWarning(lcApi).noquote() << error;
    return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("database error"));
}

QJsonObject summaryJson(const PlatformStore::CaseProgress &p)
{
    return {{QStringLiteral("case_id"), p.caseId},         {QStringLiteral("case_number"), p.caseNumber},
            {QStringLiteral("service_id"), p.serviceId},   {QStringLiteral("status"), p.status},
            {QStringLiteral("received_at"), p.receivedAt}, {QStringLiteral("updated_at"), p.updatedAt}};
}

QJsonObject progressJson(const PlatformStore::CaseProgress &p)
{
    QJsonArray history;
    for (const PlatformStore::StatusEntry &e : p.history)
        history.append(QJsonObject{{QStringLiteral("status"), e.status},
                                   {QStringLiteral("at"), e.at},
                                   {QStringLiteral("note"), e.note}});
    QJsonObject o = summaryJson(p);
    o.insert(QStringLiteral("history"), history);
    return o;
}

} // namespace

bool PlatformApi::isValidCaseNumber(const QString &number)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    return pattern.match(number).hasMatch();
}

HttpResponse PlatformApi::caseProgress(const QString &caseId)
{
    QString error;
    const auto progress = m_store.progressOfCase(caseId, &error);
    if (!error.isEmpty())
        return internal(error);
    if (!progress)
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("case %1 is unknown").arg(caseId));
    return HttpResponse::json(200, progressJson(*progress));
}

HttpResponse PlatformApi::caseNumberResource(const QList<QByteArray> &segments, const HttpRequest &request)
{
    if (segments.size() != 2 || segments.at(1) != "progress")
        return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no such resource"));
    if (request.method != "GET") {
        HttpResponse r =
            HttpResponse::error(405, QStringLiteral("method_not_allowed"), QStringLiteral("allowed: GET"));
        r.headers.append(qMakePair(QByteArray("Allow"), QByteArray("GET")));
        return r;
    }
    const QString number = QString::fromUtf8(QByteArray::fromPercentEncoding(segments.first()));
    if (!isValidCaseNumber(number))
        return invalid(QStringLiteral("case number in the path: 1..64 of [A-Za-z0-9-]"));
    QString error;
    const auto progress = m_store.progressOfNumber(number.toUpper(), &error);
    if (!error.isEmpty())
        return internal(error);
    if (!progress)
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("no case has this number"));
    return HttpResponse::json(200, progressJson(*progress));
}

HttpResponse PlatformApi::residentCases(const HttpRequest &request)
{
    if (request.method != "POST") {
        HttpResponse r =
            HttpResponse::error(405, QStringLiteral("method_not_allowed"), QStringLiteral("allowed: POST"));
        r.headers.append(qMakePair(QByteArray("Allow"), QByteArray("POST")));
        return r;
    }
    QJsonObject body;
    QString key;
    HttpResponse refusal;
    if (!queueBody(request, false, &body, &key, &refusal))
        return refusal;
    static const QStringList idTypes = {QStringLiteral("resident"), QStringLiteral("hk_mo_tw_permit"),
                                        QStringLiteral("foreign_2017"), QStringLiteral("foreign_2023")};
    if (!idTypes.contains(body.value(QStringLiteral("id_type")).toString()))
        return invalid(QStringLiteral("id_type: resident, hk_mo_tw_permit, foreign_2017 or foreign_2023"));
    static const QRegularExpression numberPattern(QStringLiteral("^[0-9A-Za-z]{6,32}$"));
    const QString number = body.value(QStringLiteral("id_number")).toString();
    if (!numberPattern.match(number).hasMatch())
        return invalid(QStringLiteral("id_number: 6..32 of [0-9A-Za-z]")); // never the value itself
    QString error;
    bool more = false;
    const QList<PlatformStore::CaseProgress> cases =
        m_store.casesOfApplicant(number, maxResidentCases, &more, &error);
    if (!error.isEmpty())
        return internal(error);
    QJsonArray list;
    for (const PlatformStore::CaseProgress &p : cases)
        list.append(summaryJson(p));
    return HttpResponse::json(200, {{QStringLiteral("cases"), list}, {QStringLiteral("more"), more}});
}

HttpResponse PlatformApi::caseStatusHook(const QJsonObject &body)
{
    const QString status = body.value(QStringLiteral("status")).toString();
    if (!PlatformStore::caseStatuses().contains(status))
        return invalid(QStringLiteral("status: one of %1")
                           .arg(PlatformStore::caseStatuses().join(QStringLiteral(", "))));
    const QString note = body.value(QStringLiteral("note")).toString();
    if (note.size() > 200)
        return invalid(QStringLiteral("note: at most 200 characters"));
    const int offset = body.value(QStringLiteral("at_offset_seconds")).toInt(0);
    if (qAbs(offset) > 86400 * 365)
        return invalid(QStringLiteral("at_offset_seconds: within a year"));
    QString error;
    std::optional<PlatformStore::CaseProgress> progress;
    if (body.contains(QStringLiteral("case_number")))
        progress = m_store.progressOfNumber(body.value(QStringLiteral("case_number")).toString(), &error);
    else
        progress = m_store.progressOfCase(body.value(QStringLiteral("case_id")).toString(), &error);
    if (!error.isEmpty())
        return internal(error);
    if (!progress)
        return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no such case"));
    const QString at = QDateTime::currentDateTimeUtc().addSecs(offset).toString(Qt::ISODateWithMs);
    if (!m_store.setCaseStatus(progress->caseId, status, at, note, &error))
        return internal(error);
    return HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
}
