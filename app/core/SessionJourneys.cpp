// SessionController: the seam for other kinds of visit (app/journeys/Journey.h). The session keeps identity,
// idle, wipe and language; a journey gets the screen and gives it back with finished().
#include "SessionController.h"

#include "Journey.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSession)

void SessionController::addJourney(Journey *journey)
{
    if (!journey || m_journeys.contains(journey))
        return;
    m_journeys.append(journey);
    connect(journey, &Journey::finished, this, [this, journey] {
        if (m_screen == Screen::Journey && m_journey == journey)
            wipe(QStringLiteral("finished"));
    });
}

bool SessionController::offersJourney(const QString &id) const
{
    for (const Journey *j : m_journeys)
        if (j->id() == id)
            return true;
    return false;
}

void SessionController::startJourney(const QString &id)
{
    // Before a resident has chosen anything else (no card needed, nothing to carry over), or instead of
    // another journey (the queue ticket's screen offers the appointment check-in).
    if (m_screen != Screen::Attract && m_screen != Screen::Language && m_screen != Screen::Identify &&
        m_screen != Screen::Catalog && m_screen != Screen::Journey)
        return;
    for (Journey *j : m_journeys) {
        if (j->id() != id)
            continue;
        qCInfo(lcSession).noquote() << "journey" << id;
        if (m_journey && m_journey != j)
            m_journey->reset();
        const bool switching = m_screen == Screen::Journey;
        m_journey = j;
        setNotice(QString());
        j->enter(m_language);
        setScreen(Screen::Journey);
        if (switching)
            emit screenChanged(); // the same screen, another journey's
        if (isIdentified() && j->acceptsResident())
            j->residentIdentified(JourneyResident{m_card, m_identityMethod});
        return;
    }
    qCWarning(lcSession).noquote() << "no journey" << id << "at this kiosk";
}

QUrl SessionController::journeyScreen() const
{
    return m_screen == Screen::Journey && m_journey ? m_journey->screenUrl() : QUrl();
}

bool SessionController::startJourneyForService(const QString &serviceId)
{
    for (Journey *j : m_journeys) {
        if (j->takesService(serviceId)) {
            startJourney(j->id());
            return true;
        }
    }
    return false;
}

bool SessionController::journeyTakesResident() const
{
    return m_screen == Screen::Journey && m_journey && m_journey->acceptsResident();
}

bool SessionController::routeCodeToJourney(const QString &text)
{
    return m_screen == Screen::Journey && m_journey && m_journey->handleCode(text);
}

void SessionController::resetJourneys()
{
    m_journey = nullptr;
    for (Journey *j : m_journeys)
        j->reset();
}
