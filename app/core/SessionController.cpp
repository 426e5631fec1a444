#include "SessionController.h"

#include "Catalog.h"
#include "Clock.h"
#include "CodeScanner.h"
#include "DocumentCaptureController.h"
#include "FaceCaptureController.h"
#include "FormController.h"
#include "IdCardReader.h"
#include "IdNumber.h"
#include "IdentityCodeCheck.h"
#include "IdentityToken.h"
#include "IdleTimer.h"
#include "NoCardIdentityController.h"
#include "ServiceCatalogModel.h"
#include "SiteConfig.h"
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
}

SessionController::~SessionController() = default;

void SessionController::setCaptureControllers(DocumentCaptureController *documents, FaceCaptureController *face)
{
    m_documents = documents;
    m_face = face;
    if (m_documents)
        connect(m_documents, &DocumentCaptureController::pagesChanged, this, &SessionController::materialsChanged);
    if (m_face) {
        connect(m_face, &FaceCaptureController::stateChanged, this, &SessionController::materialsChanged);
        // "Use another way": the resident brings a printed photo; back to the list.
        connect(m_face, &FaceCaptureController::alternativeChosen, this, &SessionController::closeCapture);
    }
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
    return service && m_documents && m_face && service->requiredDevices.contains(QLatin1String("camera"));
}

bool SessionController::isPhotoWanted() const
{
    const ServiceSpec *service = m_catalog.find(m_serviceId);
    return hasMaterialsStep() && service->photo;
}

QString SessionController::materialsSummary() const
{
    QStringList parts;
    const int pages = m_documents ? m_documents->pageCount() : 0;
    if (pages == 1)
        parts << tr("1 page");
    else if (pages > 1)
        parts << tr("%1 pages").arg(pages);
    if (m_face && m_face->hasCapture())
        parts << tr("1 photo");
    return parts.join(QStringLiteral(", "));
}

QString SessionController::materialsPageUrl(int index) const
{
    return m_documents ? m_documents->pageUrl(index) : QString();
}

void SessionController::setMaterialsStep(const QString &step)
{
    if (step == m_materialsStep)
        return;
    m_materialsStep = step;
    emit materialsChanged();
}

void SessionController::openDocumentCapture()
{
    if (m_screen == Screen::Materials && m_materialsStep == QLatin1String("list"))
        setMaterialsStep(QStringLiteral("document"));
}

void SessionController::openPhotoCapture()
{
    if (m_screen == Screen::Materials && m_materialsStep == QLatin1String("list") && isPhotoWanted())
        setMaterialsStep(QStringLiteral("photo"));
}

void SessionController::closeCapture()
{
    if (m_screen != Screen::Materials)
        return;
    // A page under preview that was neither used nor retaken is dropped; accepted pages stay.
    if (m_documents && m_documents->state() == DocumentCaptureController::State::Preview)
        m_documents->retake();
    setMaterialsStep(QStringLiteral("list"));
}

void SessionController::finishMaterials()
{
    if (m_screen != Screen::Materials)
        return;
    closeCapture();
    setNotice(QString());
    setScreen(Screen::Review);
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

IdNumberKind SessionController::idNumberKindOf(IdCardData::CardType type)
{
    switch (type) {
    case IdCardData::CardType::Resident: return IdNumberKind::ResidentId;
    case IdCardData::CardType::HkMoTwPermit: return IdNumberKind::HkMoTwPermit;
    case IdCardData::CardType::Foreign2017: return IdNumberKind::Foreign2017;
    case IdCardData::CardType::Foreign2023: return IdNumberKind::Foreign2023;
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
            qCWarning(lcSession).noquote() << "second card rejected:" << IdCardData::cardTypeCode(card.cardType);
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
    if (m_screen != Screen::Attract && m_screen != Screen::Identify && m_screen != Screen::Language)
        return;
    // Each card type by its own rules: the number must pass its kind's check and be of the kind the card
    // says it is (a resident card with a permit number, or a 2023 foreigner card without the 9, is forged).
    const IdNumberCheck check = IdNumber::checkAny(card.idNumber);
    if (!check.isValid() || check.kind != idNumberKindOf(card.cardType)) {
        qCWarning(lcSession).noquote() << "card rejected:" << IdCardData::cardTypeCode(card.cardType)
                                       << (check.isValid() ? QStringLiteral("number of another card type")
                                                           : check.message());
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
        qCInfo(lcSession).noquote() << "resident identified by" << how << IdCardData::cardTypeCode(card.cardType);
    if (m_screen == Screen::Attract)
        setScreen(Screen::Language);
    else if (m_screen == Screen::Identify)
        setScreen(Screen::Catalog);
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
    const bool identifying = m_screen == Screen::Identify || m_screen == Screen::Language || m_screen == Screen::Attract;
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
        setNotice(tr("This code cannot be used to identify you at this kiosk yet. Please place your ID card on the reader."));
    else if (m_screen != Screen::Attract)
        setNotice(tr("This code is not needed here."));
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
    m_serviceId = serviceId;
    setNotice(QString());
    emit serviceChanged();
    setScreen(Screen::Guide);
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
    setScreen(hasMaterialsStep() ? Screen::Materials : Screen::Review);
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
    if (hasMaterialsStep()) {
        const ServiceSpec *service = m_catalog.find(m_serviceId);
        m_documents->setPdfRequested(service->documentsAsPdf);
        QString error;
        const QList<DocumentCaptureController::Attachment> pages = m_documents->attachments(&error);
        if (m_documents->pageCount() > 0 && pages.isEmpty()) {
            qCWarning(lcSession).noquote() << "document pages not attached:" << error;
            setNotice(tr("Your document photos could not be prepared. Remove them and continue, or try again."));
            return;
        }
        for (const DocumentCaptureController::Attachment &page : pages)
            attachments.append({page.fileName, page.mimeType, page.data,
                                page.mimeType == QLatin1String("application/pdf") ? QStringLiteral("pdf")
                                                                                  : QStringLiteral("page")});
        if (m_face->hasCapture())
            attachments.append({QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), m_face->capturedJpeg(),
                                QStringLiteral("photo")});
    }
    setNotice(QString());
    setScreen(Screen::Saving);
    m_submission.submit(m_serviceId, m_form.values(), m_language, m_card, attachments, m_identityMethod);
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

void SessionController::rate(int level)
{
    if (m_screen != Screen::Rating || level < 1 || level > 5)
        return;
    if (!m_submission.rate(level)) {
        setNotice(tr("Your rating could not be saved; thank you all the same."));
    }
    m_rating = level;
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
        setScreen(Screen::Catalog);
        break;
    case Screen::Form:
        setScreen(Screen::Guide);
        break;
    case Screen::Materials:
        if (m_materialsStep != QLatin1String("list"))
            closeCapture();
        else
            setScreen(Screen::Form);
        break;
    case Screen::Review:
        setScreen(hasMaterialsStep() ? Screen::Materials : Screen::Form);
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
    // Pages, photo, consent and previews exist only in memory; they go with the session.
    if (m_documents)
        m_documents->reset();
    if (m_face)
        m_face->reset();
    m_materialsStep = QStringLiteral("list");
    m_services.resetFilters(); // the resident's search text and chosen category go with the session
    m_card = IdCardData();
    m_identityMethod.clear();
    if (m_noCard)
        m_noCard->clear(); // typed document details go with the session
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
    emit materialsChanged();
    emit promptChanged();
    m_screen = Screen::Attract;
    emit screenChanged();
    emit sessionEnded(why);
}
