#include "SessionController.h"

#include "Catalog.h"
#include "Clock.h"
#include "CodeScanner.h"
#include "FormController.h"
#include "IdCardReader.h"
#include "IdNumber.h"
#include "IdentityCodeCheck.h"
#include "IdentityToken.h"
#include "IdleTimer.h"
#include "MaterialsController.h"
#include "NoCardIdentityController.h"
#include "ServiceCatalogModel.h"
#include "SiteConfig.h"
#include "RatingController.h"
#include "SubmissionController.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "onestop.session")

SessionController::SessionController(const SiteConfig &site, const Catalog &catalog, IdCardReader &reader,
                                     CodeScanner &scanner, ServiceCatalogModel &services, FormController &form,
                                     SubmissionController &submission, const Clock &clock, QObject *parent)
    : QObject(parent), m_site(site), m_catalog(catalog), m_services(services), m_form(form),
      m_submission(submission), m_clock(clock), m_idle(new IdleTimer(clock, this)),
      m_screenTimer(new IdleTimer(clock, this)), m_language(site.languages.value(0, QStringLiteral("zh_CN"))),
      m_codes(std::make_unique<IdentityCodeCheck>(site.identityTokens)), m_promptTimer(new IdleTimer(clock, this))
{
    m_promptTimer->setDurations(0, qint64(site.timeouts.cardRemovedSeconds) * 1000);
    connect(m_promptTimer, &IdleTimer::secondsLeftChanged, this, &SessionController::promptChanged);
    connect(m_promptTimer, &IdleTimer::timedOut, this, [this] {
        if (m_prompt == QLatin1String("card_removed"))
            wipe(QStringLiteral("card_removed"));
    });
    connect(&reader, &IdCardReader::cardRemoved, this, [this, &reader] {
        // A reader that went away (unplugged, failed) no longer sees the card, but the resident has not
        // taken it: asking "your card was removed, go on?" would be wrong. The session goes on.
        if (reader.status() == Device::Status::Unavailable) {
            qCInfo(lcSession) << "card reader unavailable mid-session: the session goes on";
            return;
        }
        onCardRemoved();
    });
    m_idle->setDurations(qint64(site.timeouts.idleWarningSeconds) * 1000, qint64(site.timeouts.idleAnswerSeconds) * 1000);
    connect(m_idle, &IdleTimer::warningStarted, this, &SessionController::idleChanged);
    connect(m_idle, &IdleTimer::warningCleared, this, &SessionController::idleChanged);
    connect(m_idle, &IdleTimer::secondsLeftChanged, this, &SessionController::idleChanged);
    connect(m_idle, &IdleTimer::timedOut, this, [this] { wipe(QStringLiteral("timeout")); });
    connect(m_screenTimer, &IdleTimer::timedOut, this, [this] {
        if (m_screen == Screen::Receipt)
            toRating();
        else if (m_screen == Screen::Goodbye)
            wipe(QStringLiteral("finished"));
    });
    connect(&reader, &IdCardReader::cardRead, this, &SessionController::onCardRead);
    connect(&scanner, &CodeScanner::codeScanned, this, &SessionController::onCodeScanned);
    connect(&submission, &SubmissionController::finished, this, &SessionController::onSubmissionFinished);
    connect(&submission, &SubmissionController::ratingFinished, this, [this](bool saved) {
        if (!saved && m_screen == Screen::Goodbye)
            setNotice(tr("Your rating could not be saved; thank you all the same."));
    });
}

SessionController::~SessionController() = default;

void SessionController::setMaterials(MaterialsController *materials)
{
    m_materials = materials;
    if (m_materials)
        connect(m_materials, &MaterialsController::finished, this, &SessionController::onMaterialsFinished);
}

void SessionController::addCodeScanner(CodeScanner &scanner)
{
    connect(&scanner, &CodeScanner::codeScanned, this, &SessionController::onCodeScanned);
}

void SessionController::setIdleTimeoutFactor(int factor)
{
    const qint64 f = qMax(1, factor);
    m_idle->setDurations(qint64(m_site.timeouts.idleWarningSeconds) * 1000 * f,
                         qint64(m_site.timeouts.idleAnswerSeconds) * 1000 * f);
}

bool SessionController::hasMaterialsStep() const
{
    const ServiceSpec *service = m_catalog.find(m_serviceId);
    return service && m_materials && m_materials->appliesTo(*service);
}

void SessionController::onMaterialsFinished()
{
    if (m_screen != Screen::Materials)
        return;
    setNotice(QString());
    setScreen(Screen::Review);
}

void SessionController::enterMaterials()
{
    // The licences are fetched for the resident identified here (a card or a personal code; a resident
    // confirmed by staff without a card too: the platform answers for the id number).
    const ServiceSpec *service = m_catalog.find(m_serviceId);
    m_materials->enter(*service, isIdentified() ? IdCardData::cardTypeCode(m_card.cardType) : QString(), m_card.idNumber);
    setScreen(Screen::Materials);
}

QString SessionController::screenName(Screen screen)
{
    switch (screen) {
    case Screen::Attract: return QStringLiteral("attract");
    case Screen::Language: return QStringLiteral("language");
    case Screen::Identify: return QStringLiteral("identify");
    case Screen::Catalog: return QStringLiteral("catalog");
    case Screen::Guide: return QStringLiteral("guide");
    case Screen::Form: return QStringLiteral("form");
    case Screen::Materials: return QStringLiteral("materials");
    case Screen::Review: return QStringLiteral("review");
    case Screen::Saving: return QStringLiteral("saving");
    case Screen::Receipt: return QStringLiteral("receipt");
    case Screen::Rating: return QStringLiteral("rating");
    case Screen::Goodbye: return QStringLiteral("goodbye");
    case Screen::Journey: return QStringLiteral("journey");
    case Screen::Web: return QStringLiteral("web");
    }
    return QStringLiteral("unknown");
}

QString SessionController::residentNameMasked() const { return IdNumber::maskName(m_card.name); }
QString SessionController::residentIdMasked() const { return IdNumber::mask(m_card.idNumber); }
bool SessionController::isIdleWarning() const { return m_idle->phase() == IdleTimer::Phase::Warning; }
int SessionController::idleSecondsLeft() const { return m_idle->secondsLeftToAnswer(); }

void SessionController::setScreen(Screen screen)
{
    if (screen == m_screen)
        return;
    qCInfo(lcSession) << "screen" << screenName(m_screen) << "->" << screenName(screen);
    m_screen = screen;
    armTimersFor(screen);
    emit screenChanged();
}

void SessionController::armTimersFor(Screen screen)
{
    // No idle timeout on the attract screen (nothing to protect) nor while the case is being committed.
    if (screen == Screen::Attract || screen == Screen::Saving)
        m_idle->disarm();
    else
        m_idle->arm();

    m_screenTimer->disarm();
    if (screen == Screen::Receipt) {
        m_screenTimer->setDurations(qint64(m_site.timeouts.receiptScreenSeconds) * 1000, 0);
        m_screenTimer->arm();
    } else if (screen == Screen::Goodbye) {
        m_screenTimer->setDurations(qint64(m_site.timeouts.goodbyeSeconds) * 1000, 0);
        m_screenTimer->arm();
    }
}

void SessionController::setNotice(const QString &text)
{
    if (text == m_notice)
        return;
    m_notice = text;
    emit noticeChanged();
}

void SessionController::dismissNotice() { setNotice(QString()); }

void SessionController::begin()
{
    if (m_screen == Screen::Attract)
        setScreen(Screen::Language);
}

void SessionController::chooseLanguage(const QString &language)
{
    if (m_screen != Screen::Language)
        return;
    if (!m_site.languages.contains(language)) {
        qCWarning(lcSession) << "language not offered at this kiosk:" << language;
        return;
    }
    if (language != m_language) {
        m_language = language;
        m_services.setLanguage(language);
        m_form.setLanguage(language);
        emit languageChanged(language);
    }
    setScreen(isIdentified() ? Screen::Catalog : Screen::Identify);
}

void SessionController::chooseService(const QString &serviceId)
{
    if (m_screen != Screen::Catalog)
        return;
    if (!m_catalog.find(serviceId)) {
        qCWarning(lcSession) << "unknown service" << serviceId;
        return;
    }
    if (!m_services.isAvailable(serviceId)) {
        setNotice(m_services.guide(serviceId).value(QStringLiteral("unavailableReason")).toString());
        return;
    }
    if (startJourneyForService(serviceId))
        return;
    m_serviceId = serviceId;
    setNotice(QString());
    emit serviceChanged();
    setScreen(m_catalog.find(serviceId)->isWeb() ? Screen::Web : Screen::Guide);
}

void SessionController::startForm()
{
    if (m_screen != Screen::Guide)
        return;
    const ServiceSpec *service = m_catalog.find(m_serviceId);
    if (!service)
        return;
    if (m_form.serviceId() != m_serviceId)
        m_form.load(*service, m_card, m_language);
    setScreen(Screen::Form);
}

void SessionController::toReview()
{
    if (m_screen != Screen::Form)
        return;
    if (!m_form.validateAll()) {
        qCInfo(lcSession).noquote() << "form not complete, fields:" << m_form.invalidFieldIds().join(QLatin1Char(','));
        setNotice(tr("Some entries need your attention."));
        return;
    }
    setNotice(QString());
    if (hasMaterialsStep())
        enterMaterials();
    else
        setScreen(Screen::Review);
}

void SessionController::submit(bool consentGiven)
{
    if (m_screen != Screen::Review)
        return;
    if (!consentGiven) {
        setNotice(tr("Please confirm your consent before submitting."));
        return;
    }
    QVector<StoredAttachment> attachments;
    QStringList licenceIds;
    if (hasMaterialsStep()) {
        QString error;
        if (!m_materials->attachments(&attachments, &error)) {
            qCWarning(lcSession).noquote() << "document pages not attached:" << error;
            setNotice(tr("Your document photos could not be prepared. Remove them and continue, or try again."));
            return;
        }
        licenceIds = m_materials->licenceIds();
    }
    setNotice(QString());
    setScreen(Screen::Saving);
    m_submission.submit(m_serviceId, m_form.values(), m_language, m_card, attachments, m_identityMethod, licenceIds);
}

void SessionController::onSubmissionFinished(bool saved)
{
    if (m_screen != Screen::Saving)
        return;
    if (saved) {
        setScreen(Screen::Receipt);
    } else {
        // The technical reason is in the log (onestop.submission); the resident gets what to do.
        if (m_submission.storeAlertCause() == QLatin1String("disk_full"))
            setNotice(tr("This kiosk has run out of storage space, so your application was not saved. What "
                         "you entered is still here: please ask the staff for help, then submit again."));
        else
            setNotice(tr("Your application could not be saved at this kiosk. What you entered is still here: "
                         "please try again, or ask the staff for help."));
        setScreen(Screen::Review);
    }
}

void SessionController::toRating()
{
    if (m_screen == Screen::Receipt)
        setScreen(Screen::Rating);
}

void SessionController::setRatingController(RatingController *rating)
{
    m_ratingDetails = rating;
    if (m_ratingDetails)
        connect(m_ratingDetails, &RatingController::completed, this, &SessionController::sendRating);
}

void SessionController::rate(int level)
{
    if (m_screen != Screen::Rating || level < 1 || level > 5)
        return;
    if (m_ratingDetails) {
        m_ratingDetails->choose(level); // a poor rating asks what was wrong first; completed() follows
        return;
    }
    RatingRecord rating;
    rating.level = level;
    sendRating(rating);
}

void SessionController::sendRating(const RatingRecord &rating)
{
    if (m_screen != Screen::Rating)
        return;
    m_submission.rate(rating); // ratingFinished(false) tells the resident on the goodbye screen
    m_rating = rating.level;
    emit ratingChanged();
    setScreen(Screen::Goodbye);
}

void SessionController::skipRating()
{
    if (m_screen == Screen::Rating)
        setScreen(Screen::Goodbye);
}

void SessionController::back()
{
    switch (m_screen) {
    case Screen::Language:
    case Screen::Identify:
        endSession();
        break;
    case Screen::Catalog:
        endSession();
        break;
    case Screen::Guide:
    case Screen::Web:
        setScreen(Screen::Catalog);
        break;
    case Screen::Form:
        setScreen(Screen::Guide);
        break;
    case Screen::Materials:
        if (!m_materials->back()) { // an open capture goes back to the list first
            m_materials->leave();
            setScreen(Screen::Form);
        }
        break;
    case Screen::Review:
        if (hasMaterialsStep())
            enterMaterials();
        else
            setScreen(Screen::Form);
        break;
    case Screen::Journey:
        endSession();
        break;
    default:
        break; // after saving there is no going back
    }
}

void SessionController::extendSession()
{
    m_idle->activity();
}

void SessionController::endSession()
{
    if (m_screen == Screen::Saving)
        return; // a commit in progress finishes first
    wipe(m_screen == Screen::Goodbye ? QStringLiteral("finished") : QStringLiteral("cancelled"));
}

void SessionController::userActivity()
{
    // During the warning only the explicit answer (extendSession) counts, so a stray touch elsewhere
    // still shows the resident that time was running out.
    if (m_idle->phase() == IdleTimer::Phase::Counting)
        m_idle->activity();
}

void SessionController::checkTimers()
{
    m_promptTimer->check();
    m_idle->check();
    m_screenTimer->check();
}

void SessionController::wipe(const QString &why)
{
    qCInfo(lcSession) << "session ended:" << why;
    m_idle->disarm();
    m_screenTimer->disarm();
    m_form.clear();
    m_submission.clear();
    // Pages, photo, consent, previews and e-licences exist only in memory; they go with the session.
    if (m_materials)
        m_materials->reset();
    resetJourneys(); // nothing of another kind of visit survives the session either
    m_services.resetFilters(); // the resident's search text and chosen category go with the session
    m_card = IdCardData();
    m_identityMethod.clear();
    if (m_noCard)
        m_noCard->clear(); // typed document details go with the session
    if (m_ratingDetails)
        m_ratingDetails->reset(); // the comment is the resident's own words
    m_pendingCard = IdCardData();
    m_identifiedByCard = false;
    m_promptTimer->disarm();
    m_prompt.clear();
    m_serviceId.clear();
    m_rating = 0;
    m_notice.clear();
    const QString defaultLanguage = m_site.languages.value(0, QStringLiteral("zh_CN"));
    if (m_language != defaultLanguage) {
        m_language = defaultLanguage;
        m_services.setLanguage(m_language);
        emit languageChanged(m_language);
    }
    emit residentChanged();
    emit serviceChanged();
    emit noticeChanged();
    emit ratingChanged();
    emit idleChanged();
    emit promptChanged();
    m_screen = Screen::Attract;
    emit screenChanged();
    emit sessionEnded(why);
}
