#include "ProgressLookupController.h"

#include "CaseStore.h"
#include "IdNumber.h"
#include "ProgressClient.h"
#include "StoreExecutor.h"
#include "TrackingCode.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLookup, "onestop.lookup")

namespace {

// What the store job hands back to the GUI thread (values only).
struct StoreAnswer
{
    bool ok = true;
    QString error;
    std::optional<LocalCaseProgress> one;
    QVector<LocalCaseProgress> list;
};

} // namespace

ProgressLookupController::ProgressLookupController(Settings settings, ProgressClient &client,
                                                   StoreExecutor &store, QObject *parent)
    : Journey(parent), m_settings(std::move(settings)), m_client(client), m_store(store)
{
}

QUrl ProgressLookupController::screenUrl() const
{
    return QUrl(QStringLiteral("qrc:/qt/qml/OneStop/Journeys/ProgressLookupScreen.qml"));
}

void ProgressLookupController::enter(const QString &language)
{
    reset();
    m_language = language;
}

void ProgressLookupController::reset()
{
    ++m_serial; // answers still on their way are dropped
    m_state = State::Choose;
    clearAnswer();
    m_cases.clear();
    m_moreCases = false;
    m_residentIdType.clear();
    m_residentNumber.clear();
    m_applicantMasked.clear();
    emit changed();
}

void ProgressLookupController::clearAnswer()
{
    m_source = Source::Platform;
    m_message.clear();
    m_knownAtText.clear();
    m_caseNumber.clear();
    m_serviceName.clear();
    m_statusCode.clear();
    m_statusText.clear();
    m_submittedText.clear();
    m_waitingToBeSent = false;
    m_history.clear();
    m_fromList = false;
}

bool ProgressLookupController::handleCode(const QString &text)
{
    const TrackingCode::Parsed parsed = TrackingCode::parse(text, m_settings.trackingUrlTemplate);
    if (parsed.kind == TrackingCode::Kind::NotACode)
        return false;
    if (m_state == State::Searching)
        return true; // one lookup at a time
    if (parsed.kind == TrackingCode::Kind::Forged) {
        qCInfo(lcLookup) << "tracking code refused: not this site's tracking link";
        clearAnswer();
        refuse(tr("This QR code is not a receipt of this service hall, or it is damaged. Please scan the "
                  "QR code printed on your receipt, or type the case number."));
        return true;
    }
    search(parsed.kind == TrackingCode::Kind::CaseId ? Query::CaseId : Query::CaseNumber, parsed.value);
    return true;
}

void ProgressLookupController::residentIdentified(const JourneyResident &resident)
{
    if (resident.card.idNumber.isEmpty())
        return;
    m_residentIdType = IdCardData::cardTypeCode(resident.card.cardType);
    m_residentNumber = resident.card.idNumber.trimmed().toUpper();
    m_applicantMasked = QStringLiteral("%1  %2").arg(IdNumber::maskName(resident.card.name),
                                                     IdNumber::mask(m_residentNumber));
    m_cases.clear();
    m_moreCases = false;
    search(Query::Resident, m_residentNumber);
}

void ProgressLookupController::enterNumber()
{
    if (m_state == State::Searching)
        return;
    clearAnswer();
    m_state = State::EnterNumber;
    emit changed();
}

void ProgressLookupController::submitNumber(const QString &typed)
{
    if (m_state != State::EnterNumber)
        return;
    const QString number = TrackingCode::normalizedCaseNumber(typed);
    if (number.isEmpty()) {
        qCInfo(lcLookup) << "typed case number refused: not a case number";
        refuse(tr("This is not a case number. The case number is printed on your receipt, for example "
                  "SH-XH-LHJD-K07-20261127-7Q3F-0001."));
        return;
    }
    search(Query::CaseNumber, number);
}

void ProgressLookupController::openCase(const QString &caseId)
{
    if (m_state != State::CaseList)
        return;
    for (const QVariant &entry : std::as_const(m_cases)) {
        if (entry.toMap().value(QStringLiteral("caseId")).toString() == caseId) {
            search(Query::CaseId, caseId);
            m_fromList = true;
            return;
        }
    }
}

void ProgressLookupController::showMyCases()
{
    if (m_state == State::Searching || m_residentNumber.isEmpty())
        return;
    search(Query::Resident, m_residentNumber);
}

void ProgressLookupController::back()
{
    if (m_state == State::Searching)
        return;
    const bool toList = m_state == State::Result && m_fromList && !m_cases.isEmpty();
    clearAnswer();
    m_state = toList ? State::CaseList : State::Choose;
    emit changed();
}

void ProgressLookupController::finish()
{
    if (m_state != State::Searching)
        emit finished();
}

void ProgressLookupController::search(Query query, const QString &value)
{
    const bool keepList = query == Query::CaseId && m_state == State::CaseList;
    clearAnswer();
    if (!keepList && query == Query::Resident) {
        m_cases.clear();
        m_moreCases = false;
    }
    m_state = State::Searching;
    emit changed();
    const int serial = ++m_serial;
    if (!m_networkAvailable) {
        fromStore(serial, query, value, QStringLiteral("unreachable"));
        return;
    }
    auto done = [this, serial, query, value](const ProgressClient::Answer &a) {
        if (!a.reached)
            qCInfo(lcLookup).noquote() << "platform not usable:" << a.problem;
        onPlatformAnswer(serial, query, value, a.reached, a.status, a.body);
    };
    switch (query) {
    case Query::CaseId:
        m_client.caseProgress(value, done);
        break;
    case Query::CaseNumber:
        m_client.caseNumberProgress(value, done);
        break;
    case Query::Resident:
        m_client.residentCases(m_residentIdType, value, done);
        break;
    }
}

void ProgressLookupController::onPlatformAnswer(int serial, Query query, const QString &value, bool reached,
                                                int status, const QJsonObject &body)
{
    if (serial != m_serial || m_state != State::Searching)
        return; // the session ended or another lookup began meanwhile
    const QString error = body.value(QStringLiteral("error")).toString();
    if (reached && status == 200) {
        if (query == Query::Resident && body.value(QStringLiteral("cases")).isArray()) {
            showCaseList(body);
            return;
        }
        if (query != Query::Resident && !body.value(QStringLiteral("status")).toString().isEmpty() &&
            !body.value(QStringLiteral("case_number")).toString().isEmpty()) {
            showProgress(body);
            return;
        }
        qCWarning(lcLookup) << "platform answer without the expected fields: using the kiosk's records";
        fromStore(serial, query, value, QStringLiteral("unreachable"));
        return;
    }
    if (reached && status == 404 && error == QLatin1String("not_found") && query != Query::Resident) {
        fromStore(serial, query, value, QStringLiteral("not_found")); // maybe saved here, not yet sent
        return;
    }
    if (reached && status == 400 && error == QLatin1String("invalid_request")) {
        qCInfo(lcLookup) << "progress lookup: the platform refused the number as not a case number";
        refuse(tr("This is not a case number. The case number is printed on your receipt, for example "
                  "SH-XH-LHJD-K07-20261127-7Q3F-0001."));
        return;
    }
    qCWarning(lcLookup).noquote() << "progress lookup: platform"
                                  << (reached ? QStringLiteral("answered HTTP %1 %2").arg(status).arg(error)
                                              : QStringLiteral("not reached"))
                                  << "- using the kiosk's records";
    fromStore(serial, query, value, QStringLiteral("unreachable"));
}

void ProgressLookupController::fromStore(int serial, Query query, const QString &value, const QString &why)
{
    const int limit = m_settings.maxCases;
    m_store.post(
        this,
        [query, value, limit](CaseStore &store) {
            StoreAnswer answer;
            if (query == Query::Resident) {
                answer.ok = store.casesOfApplicant(value, limit, &answer.list, &answer.error);
            } else {
                answer.one = query == Query::CaseId ? store.caseProgress(value, &answer.error)
                                                    : store.caseProgressByNumber(value, &answer.error);
                answer.ok = answer.error.isEmpty();
            }
            return answer;
        },
        [this, serial, query, why](const StoreAnswer &answer) {
            if (serial != m_serial || m_state != State::Searching)
                return;
            if (!answer.ok) {
                qCWarning(lcLookup).noquote()
                    << "progress lookup: the case store cannot be read:" << answer.error;
                fail(tr("Case progress cannot be checked at this kiosk right now. Please ask the staff."));
                return;
            }
            const bool notFoundOnline = why == QLatin1String("not_found");
            if (query == Query::Resident) {
                if (answer.list.isEmpty()) {
                    fail(tr(
                        "The service platform cannot be reached right now, and no cases of yours are known "
                        "at this kiosk. Please try again later or ask the staff."));
                    return;
                }
                showLocalList(answer.list, why);
                return;
            }
            if (answer.one && (!notFoundOnline || !answer.one->sentToPlatform)) {
                showLocal(*answer.one, why);
                return;
            }
            if (notFoundOnline) {
                qCInfo(lcLookup) << "progress lookup: no such case on the platform nor at this kiosk";
                clearAnswer();
                m_state = State::NotFound;
                m_message =
                    tr("No case was found for this code or number. Please check the number on your receipt.");
                emit changed();
                return;
            }
            fail(tr("The service platform cannot be reached right now, and this case is not known at this "
                    "kiosk. Please try again later or ask the staff."));
        });
}

void ProgressLookupController::showProgress(const QJsonObject &body)
{
    const bool fromList = m_fromList;
    clearAnswer();
    m_fromList = fromList;
    m_state = State::Result;
    m_source = Source::Platform;
    m_caseNumber = body.value(QStringLiteral("case_number")).toString();
    m_serviceName = nameOf(body.value(QStringLiteral("service_id")).toString());
    m_statusCode = body.value(QStringLiteral("status")).toString();
    m_statusText = statusTextOf(m_statusCode);
    m_submittedText = dateText(
        QDateTime::fromString(body.value(QStringLiteral("received_at")).toString(), Qt::ISODateWithMs));
    const QJsonArray history = body.value(QStringLiteral("history")).toArray();
    for (const QJsonValue &v : history) {
        const QJsonObject e = v.toObject();
        const QString status = e.value(QStringLiteral("status")).toString();
        m_history.append(QVariantMap{
            {QStringLiteral("status"), status},
            {QStringLiteral("statusText"), statusTextOf(status)},
            {QStringLiteral("atText"),
             timeText(QDateTime::fromString(e.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs))},
            {QStringLiteral("note"), e.value(QStringLiteral("note")).toString().left(200)}});
    }
    qCInfo(lcLookup) << "progress shown from the platform";
    emit changed();
    rememberStatus(body.value(QStringLiteral("case_id")).toString(), m_statusCode);
}

void ProgressLookupController::showCaseList(const QJsonObject &body)
{
    clearAnswer();
    m_cases.clear();
    for (const QJsonValue &v : body.value(QStringLiteral("cases")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString status = c.value(QStringLiteral("status")).toString();
        m_cases.append(QVariantMap{
            {QStringLiteral("caseId"), c.value(QStringLiteral("case_id")).toString()},
            {QStringLiteral("caseNumber"), c.value(QStringLiteral("case_number")).toString()},
            {QStringLiteral("serviceName"), nameOf(c.value(QStringLiteral("service_id")).toString())},
            {QStringLiteral("statusText"), statusTextOf(status)},
            {QStringLiteral("submittedText"),
             dateText(QDateTime::fromString(c.value(QStringLiteral("received_at")).toString(),
                                            Qt::ISODateWithMs))},
            {QStringLiteral("waitingToBeSent"), false}});
    }
    m_moreCases = body.value(QStringLiteral("more")).toBool(false);
    m_source = Source::Platform;
    if (m_cases.isEmpty()) {
        m_state = State::NotFound;
        m_message = tr("No applications of yours were found on the service platform.");
    } else {
        m_state = State::CaseList;
    }
    qCInfo(lcLookup) << "resident's cases shown from the platform:" << m_cases.size();
    emit changed();
}

void ProgressLookupController::showLocal(const LocalCaseProgress &local, const QString &why)
{
    const bool fromList = m_fromList;
    clearAnswer();
    m_fromList = fromList;
    m_state = State::Result;
    m_source = Source::LocalCache;
    m_caseNumber = local.caseNumber;
    m_serviceName = nameOf(local.serviceId);
    m_submittedText = dateText(local.submittedAt);
    if (!local.sentToPlatform) {
        m_waitingToBeSent = true;
        m_statusText = tr("Saved at this kiosk, waiting to be sent");
        m_message = tr("Your application is saved at this kiosk and will be sent to the service platform as "
                       "soon as it can be reached.");
    } else {
        m_statusCode = local.platformStatus.isEmpty() ? QStringLiteral("received") : local.platformStatus;
        m_statusText = statusTextOf(m_statusCode);
        m_knownAtText = timeText(local.platformStatusAt);
        m_history.append(QVariantMap{{QStringLiteral("status"), m_statusCode},
                                     {QStringLiteral("statusText"), m_statusText},
                                     {QStringLiteral("atText"), m_knownAtText},
                                     {QStringLiteral("note"), QString()}});
        m_message = tr("The service platform cannot be reached right now. This is the status last known at "
                       "this kiosk, at %1.")
                        .arg(m_knownAtText);
    }
    qCInfo(lcLookup).noquote() << QStringLiteral("progress shown from the kiosk's records (%1)").arg(why);
    emit changed();
}

void ProgressLookupController::showLocalList(const QVector<LocalCaseProgress> &cases, const QString &why)
{
    clearAnswer();
    m_cases.clear();
    for (const LocalCaseProgress &c : cases) {
        const QString status = c.platformStatus.isEmpty() ? QStringLiteral("received") : c.platformStatus;
        m_cases.append(QVariantMap{
            {QStringLiteral("caseId"), c.caseId},
            {QStringLiteral("caseNumber"), c.caseNumber},
            {QStringLiteral("serviceName"), nameOf(c.serviceId)},
            {QStringLiteral("statusText"),
             c.sentToPlatform ? statusTextOf(status) : tr("Saved at this kiosk, waiting to be sent")},
            {QStringLiteral("knownAtText"), c.sentToPlatform ? timeText(c.platformStatusAt) : QString()},
            {QStringLiteral("submittedText"), dateText(c.submittedAt)},
            {QStringLiteral("waitingToBeSent"), !c.sentToPlatform}});
    }
    m_moreCases = false;
    m_source = Source::LocalCache;
    m_state = State::CaseList;
    m_message =
        tr("The service platform cannot be reached right now. These are your applications made at this "
           "kiosk, with the status last known here.");
    qCInfo(lcLookup).noquote()
        << QStringLiteral("resident's cases shown from the kiosk's records (%1):").arg(why) << cases.size();
    emit changed();
}

void ProgressLookupController::rememberStatus(const QString &caseId, const QString &status)
{
    if (caseId.isEmpty() || status.isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_store.post([caseId, status, now](CaseStore &store) {
        QString error;
        if (!store.recordPlatformStatus(caseId, status, now, &error))
            qCWarning(lcLookup).noquote() << "the platform's status was not remembered:" << error;
    });
}

void ProgressLookupController::refuse(const QString &message)
{
    m_state = State::Refused;
    m_message = message;
    emit changed();
}

void ProgressLookupController::fail(const QString &message)
{
    qCInfo(lcLookup) << "progress lookup not possible now (the resident is told why)";
    clearAnswer();
    m_state = State::Failed;
    m_message = message;
    emit changed();
}

QString ProgressLookupController::nameOf(const QString &serviceId) const
{
    const QString name = m_settings.serviceName ? m_settings.serviceName(serviceId, m_language) : QString();
    return name.isEmpty() ? serviceId : name;
}

QString ProgressLookupController::timeText(const QDateTime &t) const
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString ProgressLookupController::dateText(const QDateTime &t) const
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

QString ProgressLookupController::statusTextOf(const QString &status)
{
    if (status == QLatin1String("received"))
        return tr("Received");
    if (status == QLatin1String("accepted"))
        return tr("Accepted");
    if (status == QLatin1String("in_review"))
        return tr("Under review");
    if (status == QLatin1String("more_materials_needed"))
        return tr("More documents needed");
    if (status == QLatin1String("approved"))
        return tr("Approved");
    if (status == QLatin1String("rejected"))
        return tr("Not approved");
    if (status == QLatin1String("completed"))
        return tr("Completed");
    return status; // a state added later: shown as it is (docs/platform-api.md)
}
