#include "LicenceController.h"

#include "LicenceClient.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLicences, "onestop.licences")

LicenceController::LicenceController(LicenceClient *client, QObject *parent) : QObject(parent), m_client(client) { }

LicenceController::LicenceController(QObject *parent) : QObject(parent) { }

LicenceController::~LicenceController()
{
    if (m_client) // an answer still on its way must not reach a controller that is gone
        m_client->cancelAll();
}

QString LicenceController::statusText(const Licence &licence)
{
    switch (licence.status) {
    case Licence::Status::Expired: return tr("Expired: cannot be used");
    case Licence::Status::Revoked: return tr("Revoked: cannot be used");
    case Licence::Status::Valid: break;
    }
    return licence.validUntil.isValid() ? tr("Valid until %1").arg(licence.validUntil.toString(Qt::ISODate)) : tr("Valid");
}

QVariantList LicenceController::licenceList() const
{
    QVariantList list;
    const bool zh = m_language.startsWith(QLatin1String("zh"));
    for (const Licence &l : m_licences)
        list.append(QVariantMap{{QStringLiteral("licenceId"), l.licenceId},
                                {QStringLiteral("name"), zh ? l.name.zh : l.name.en},
                                {QStringLiteral("issuer"), l.issuer},
                                {QStringLiteral("numberMasked"), l.numberMasked},
                                {QStringLiteral("validUntil"), l.validUntil.isValid() ? l.validUntil.toString(Qt::ISODate) : QString()},
                                {QStringLiteral("status"), Licence::statusCode(l.status)},
                                {QStringLiteral("statusText"), statusText(l)},
                                {QStringLiteral("selectable"), l.isSelectable()},
                                {QStringLiteral("selected"), m_selected.contains(l.licenceId)}});
    return list;
}

QString LicenceController::notice() const
{
    switch (m_state) {
    case State::Unavailable:
        return tr("Your e-licences cannot be fetched right now. Please photograph the documents here or bring "
                  "paper copies to the counter.");
    case State::Ready:
        return m_licences.isEmpty() ? tr("No e-licences of the kinds this service accepts were found for you. "
                                         "Please photograph the documents or bring paper copies.")
                                    : QString();
    case State::Loading:
        return tr("Fetching your e-licences...");
    case State::Idle:
        break;
    }
    return QString();
}

void LicenceController::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit licencesChanged();
}

void LicenceController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void LicenceController::fetch(const QString &idType, const QString &idNumber, const QStringList &types)
{
    reset();
    m_types = types;
    if (!m_client) {
        setState(State::Unavailable);
        return;
    }
    setState(State::Loading);
    m_client->fetch(idType, idNumber, types, [this](const LicenceClient::Answer &answer) {
        if (m_state != State::Loading)
            return;
        if (!answer.ok) {
            // Expected whenever the platform is out of reach; the resident is told to use paper.
            qCInfo(lcLicences).noquote() << "e-licences unavailable:" << answer.problem;
            setState(State::Unavailable);
            return;
        }
        m_licences = answer.licences;
        qCInfo(lcLicences) << "e-licences fetched:" << m_licences.size();
        emit licencesChanged();
        setState(State::Ready);
    });
}

bool LicenceController::holdsFor(const QStringList &types) const
{
    return m_state != State::Idle && m_state != State::Unavailable && m_types == types;
}

bool LicenceController::toggle(const QString &licenceId)
{
    for (const Licence &l : std::as_const(m_licences)) {
        if (l.licenceId != licenceId)
            continue;
        if (!l.isSelectable())
            return false;
        if (m_selected.contains(licenceId))
            m_selected.removeAll(licenceId);
        else
            m_selected.append(licenceId);
        emit licencesChanged();
        emit selectionChanged();
        return true;
    }
    return false;
}

void LicenceController::reset()
{
    if (m_client)
        m_client->cancelAll();
    const bool had = !m_licences.isEmpty() || !m_selected.isEmpty();
    m_licences.clear();
    m_selected.clear();
    m_types.clear();
    setState(State::Idle);
    if (had) {
        emit licencesChanged();
        emit selectionChanged();
    }
}
