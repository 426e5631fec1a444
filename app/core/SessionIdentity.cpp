// SessionController's identity events: a card read or removed (and the questions they ask), a second card,
// a personal code scanned, the no-card path's outcome. The rest of the session is SessionController.cpp.
#include "SessionController.h"

#include "CodeScanner.h"
#include "IdCardReader.h"
#include "IdNumber.h"
#include "IdentityCodeCheck.h"
#include "IdentityToken.h"
#include "IdleTimer.h"
#include "Journey.h"
#include "NoCardIdentityController.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSession)

IdNumberKind SessionController::idNumberKindOf(IdCardData::CardType type)
{
    switch (type) {
    case IdCardData::CardType::Resident:
        return IdNumberKind::ResidentId;
    case IdCardData::CardType::HkMoTwPermit:
        return IdNumberKind::HkMoTwPermit;
    case IdCardData::CardType::Foreign2017:
        return IdNumberKind::Foreign2017;
    case IdCardData::CardType::Foreign2023:
        return IdNumberKind::Foreign2023;
    }
    return IdNumberKind::Unknown;
}

void SessionController::onCardRead(const IdCardData &card)
{
    userActivity();
    if (isIdentified()) {
        if (card.idNumber == m_card.idNumber) {
            // The same card back on the reader answers "card_removed" (and its removal asks again).
            if (m_prompt == QLatin1String("card_removed")) {
                m_promptTimer->disarm();
                setPrompt(QString());
            }
            return;
        }
        // Another card mid-session (on any screen, the language screen included): nothing is replaced
        // before the resident answers. After the receipt the session is over in all but name: the new card
        // still waits for the answer, so a resident is never switched silently.
        if (m_screen == Screen::Saving)
            return;
        const IdNumberCheck check = IdNumber::checkAny(card.idNumber);
        if (!check.isValid() || check.kind != idNumberKindOf(card.cardType)) {
            qCWarning(lcSession).noquote()
                << "second card rejected:" << IdCardData::cardTypeCode(card.cardType);
            setNotice(tr("Another ID card was placed. This session belongs to the first card; "
                         "finish or end it before starting a new one."));
            return;
        }
        m_pendingCard = card;
        m_pendingCard.idNumber = check.normalized;
        qCInfo(lcSession) << "second card placed mid-session: asking before anything is replaced";
        m_promptTimer->disarm();
        setPrompt(QStringLiteral("second_card"));
        return;
    }
    if (m_screen != Screen::Attract && m_screen != Screen::Identify && m_screen != Screen::Language &&
        !journeyTakesResident())
        return;
    // Each card type by its own rules: the number must pass its kind's check and be of the kind the card
    // says it is (a resident card with a permit number, or a 2023 foreigner card without the 9, is forged).
    const IdNumberCheck check = IdNumber::checkAny(card.idNumber);
    if (!check.isValid() || check.kind != idNumberKindOf(card.cardType)) {
        qCWarning(lcSession).noquote()
            << "card rejected:" << IdCardData::cardTypeCode(card.cardType)
            << (check.isValid() ? QStringLiteral("number of another card type") : check.message());
        setNotice(tr("This card could not be used: its ID number did not pass the check. "
                     "Please ask the staff for help."));
        return;
    }
    IdCardData normalized = card;
    normalized.idNumber = check.normalized;
    identify(normalized, QStringLiteral("card"), QStringLiteral("card"));
    m_identifiedByCard = true;
}

void SessionController::identify(const IdCardData &card, const QString &how, const QString &method)
{
    m_card = card;
    m_identityMethod = method;
    if (m_noCard)
        m_noCard->clear(); // details typed for the other way are not kept
    setNotice(QString());
    emit residentChanged();
    if (method == QLatin1String("staff_confirmed"))
        qCInfo(lcSession).noquote() << "resident identified by" << how;
    else
        qCInfo(lcSession).noquote() << "resident identified by" << how
                                    << IdCardData::cardTypeCode(card.cardType);
    if (m_screen == Screen::Attract)
        setScreen(Screen::Language);
    else if (m_screen == Screen::Identify)
        setScreen(Screen::Catalog);
    else if (journeyTakesResident())
        m_journey->residentIdentified(JourneyResident{m_card, m_identityMethod});
}

void SessionController::onCardRemoved()
{
    // Only a session that a card opened, and only while the resident is still on the way to submitting:
    // taking the card back after the receipt is what we ask for.
    if (!isIdentified() || !m_identifiedByCard || !m_prompt.isEmpty())
        return;
    switch (m_screen) {
    case Screen::Language:
    case Screen::Identify:
    case Screen::Catalog:
    case Screen::Guide:
    case Screen::Form:
    case Screen::Materials:
    case Screen::Review:
    case Screen::Web:
        break;
    default:
        return;
    }
    qCInfo(lcSession) << "card removed mid-session: asking whether to go on";
    m_promptTimer->setDurations(0, qint64(m_site.timeouts.cardRemovedSeconds) * 1000);
    m_promptTimer->arm();
    m_promptTimer->check();
    setPrompt(QStringLiteral("card_removed"));
}

void SessionController::setPrompt(const QString &prompt)
{
    if (prompt == m_prompt)
        return;
    m_prompt = prompt;
    emit promptChanged();
}

int SessionController::promptSecondsLeft() const
{
    return m_prompt == QLatin1String("card_removed") ? m_promptTimer->secondsLeftToAnswer() : 0;
}

void SessionController::continueSession()
{
    if (m_prompt != QLatin1String("card_removed"))
        return;
    m_promptTimer->disarm();
    m_identifiedByCard = false; // the resident chose to go on without the card: no second question
    setPrompt(QString());
    m_idle->activity();
}

void SessionController::keepFirstCard()
{
    if (m_prompt != QLatin1String("second_card"))
        return;
    m_pendingCard = IdCardData();
    setPrompt(QString());
    m_idle->activity();
}

void SessionController::switchToNewCard()
{
    if (m_prompt != QLatin1String("second_card"))
        return;
    const IdCardData next = m_pendingCard;
    wipe(QStringLiteral("cancelled"));
    identify(next, QStringLiteral("card"), QStringLiteral("card"));
    m_identifiedByCard = true;
}

void SessionController::setNoCardIdentity(NoCardIdentityController *noCard)
{
    m_noCard = noCard;
    if (!m_noCard)
        return;
    connect(m_noCard, &NoCardIdentityController::confirmed, this,
            [this](const IdCardData &resident, const QString &documentType) {
                if (m_screen != Screen::Identify || isIdentified())
                    return;
                identify(resident, QStringLiteral("staff-confirmed details (%1)").arg(documentType),
                         QStringLiteral("staff_confirmed"));
                m_identifiedByCard = false; // no card on the reader: its removal is no question
            });
}

void SessionController::setWallClock(std::function<qint64()> now)
{
    m_codes->setWallClock(std::move(now));
}

void SessionController::onCodeScanned(const ScannedCode &code)
{
    userActivity();
    const bool identifying = m_screen == Screen::Identify || m_screen == Screen::Language ||
                             m_screen == Screen::Attract || journeyTakesResident();
    // A personal identity code on a journey that takes the resident identifies them; any other code is the
    // journey's first (a receipt's tracking QR, a booking's code).
    if (!(identifying && IdentityToken::isIdentityToken(code.text)) && routeCodeToJourney(code.text))
        return;
    if (IdentityToken::isIdentityToken(code.text) && identifying && !isIdentified()) {
        const IdentityCodeCheck::Outcome outcome = m_codes->check(code.text);
        if (!outcome.accepted) {
            qCWarning(lcSession).noquote() << outcome.logLine;
            setNotice(outcome.notice);
            return;
        }
        identify(outcome.card, QStringLiteral("personal code"), QStringLiteral("personal_code"));
        m_identifiedByCard = false;
        return;
    }
    // Other codes (appointments, tracking links) are not identities.
    if (m_screen == Screen::Identify)
        setNotice(tr("This code cannot be used to identify you at this kiosk yet. Please place your ID card "
                     "on the reader."));
    else if (m_screen != Screen::Attract)
        setNotice(tr("This code is not needed here."));
}
