#pragma once

#include "IdCardData.h"

#include <QObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <QtQml/qqmlregistration.h>

class Clock;
class CodeScanner;
class FormController;
class IdCardReader;
class IdentityCodeCheck;
class IdleTimer;
class Journey;
class MaterialsController;
class NoCardIdentityController;
class RatingController;
struct RatingRecord;
class ServiceCatalogModel;
class SubmissionController;
enum class IdNumberKind;
struct Catalog;
struct ScannedCode;
struct SiteConfig;

// One resident's visit, as a state machine over the screens:
//   attract -> language -> identify -> catalog -> guide -> form -> [materials] -> review -> saving -> receipt
//   -> rating -> goodbye -> attract.
// The materials screen is its own sub-flow (MaterialsController, set with setMaterials()): the session only
// asks it whether the chosen service has one (camera captures, e-licences), enters it after the form, and
// resets it when the session ends; its finished() brings the review.
// It owns the session's personal data (the card that was read) and wipes it, and everything derived from
// it, when the session ends: finished, abandoned (idle timeout) or cancelled. Thread: GUI.
class SessionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SessionController is made by the application")
    Q_PROPERTY(Screen screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(QString screenName READ screenName NOTIFY screenChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(bool identified READ isIdentified NOTIFY residentChanged)
    Q_PROPERTY(QString residentName READ residentNameMasked NOTIFY residentChanged)
    Q_PROPERTY(QString residentIdNumber READ residentIdMasked NOTIFY residentChanged)
    Q_PROPERTY(QString serviceId READ serviceId NOTIFY serviceChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(bool idleWarning READ isIdleWarning NOTIFY idleChanged)
    Q_PROPERTY(int idleSecondsLeft READ idleSecondsLeft NOTIFY idleChanged)
    Q_PROPERTY(int rating READ rating NOTIFY ratingChanged)
    Q_PROPERTY(bool hasMaterialsStep READ hasMaterialsStep NOTIFY serviceChanged)
    // A question that stops the journey until answered (the QML shows it as a kiosk-styled prompt):
    //   ""             none
    //   "card_removed" the card left the reader mid-session: go on (continueSession) or end (endSession);
    //                  unanswered, the session ends after timeouts.cardRemovedSeconds (promptSecondsLeft)
    //   "second_card"  another card was placed mid-session: keep the first resident (keepFirstCard) or end
    //                  this session and start one with the new card (switchToNewCard). Nothing is replaced
    //                  before the answer.
    Q_PROPERTY(QString prompt READ prompt NOTIFY promptChanged)
    Q_PROPERTY(int promptSecondsLeft READ promptSecondsLeft NOTIFY promptChanged)
    // The journey on screen (Screen::Journey): its QML screen, which the shell loads; empty otherwise.
    Q_PROPERTY(QUrl journeyScreen READ journeyScreen NOTIFY screenChanged)

public:
    // Journey: another kind of visit (app/journeys/Journey.h). Web: a catalog service of kind "web"
    // (docs/web-services.md), chosen on the catalog instead of guide and form.
    enum class Screen { Attract, Language, Identify, Catalog, Guide, Form, Materials, Review, Saving, Receipt, Rating, Goodbye,
                        Journey, Web };
    Q_ENUM(Screen)

    SessionController(const SiteConfig &site, const Catalog &catalog, IdCardReader &reader, CodeScanner &scanner,
                      ServiceCatalogModel &services, FormController &form, SubmissionController &submission,
                      const Clock &clock, QObject *parent = nullptr);
    ~SessionController() override;

    Screen screen() const { return m_screen; }
    QString screenName() const { return screenName(m_screen); }
    static QString screenName(Screen screen);
    QString language() const { return m_language; }
    bool isIdentified() const { return !m_card.isEmpty(); }
    QString residentNameMasked() const;
    QString residentIdMasked() const;
    QString serviceId() const { return m_serviceId; }
    QString notice() const { return m_notice; }
    bool isIdleWarning() const;
    int idleSecondsLeft() const;
    int rating() const { return m_rating; }
    const IdCardData &card() const { return m_card; }
    bool hasMaterialsStep() const; // the chosen service gets the materials screen

    // Optional (GUI thread, before the first session): the materials sub-flow. Without it no service gets
    // that screen. It is reset() whenever a session ends.
    void setMaterials(MaterialsController *materials);
    // Optional (GUI thread, before the first session): the identify step for a resident without a readable
    // card (typed details confirmed by staff). Its confirmation identifies the resident; the session's end
    // and any other identification wipe what was typed there.
    void setNoCardIdentity(NoCardIdentityController *noCard);
    // Optional (GUI thread, before the first session): the rating's details (a poor rating's indicators, a
    // comment). Without it rate() stores the level alone. Reset whenever a session ends.
    void setRatingController(RatingController *rating);
    // How the resident was identified, for the case: "card" | "personal_code" | "staff_confirmed"; "" before.
    QString identityMethod() const { return m_identityMethod; }
    // Tests: the wall clock (Unix seconds) that personal identity codes are checked against.
    void setWallClock(std::function<qint64()> now);
    QString prompt() const { return m_prompt; }
    int promptSecondsLeft() const;

    // Another source of scanned codes (e.g. the camera acting as a QR scanner on the identify screen):
    // handled exactly like the scanner given to the constructor.
    void addCodeScanner(CodeScanner &scanner);
    // The idle warning and its answer time are the site's times this many times (2 in the elderly mode).
    void setIdleTimeoutFactor(int factor);

    Q_INVOKABLE void begin();                         // attract -> language
    Q_INVOKABLE void chooseLanguage(const QString &language);
    Q_INVOKABLE void chooseService(const QString &serviceId); // catalog -> guide, or -> web for a web service
    Q_INVOKABLE void startForm();                     // guide -> form
    Q_INVOKABLE void toReview();                      // form -> materials | review (when valid)
    Q_INVOKABLE void submit(bool consentGiven);       // review -> saving -> receipt
    Q_INVOKABLE void toRating();                      // receipt -> rating
    Q_INVOKABLE void rate(int level);                 // 1..5, 5 = very satisfied -> goodbye (or details)
    Q_INVOKABLE void skipRating();                    // -> goodbye
    Q_INVOKABLE void back();
    Q_INVOKABLE void extendSession();                 // answers the idle warning
    Q_INVOKABLE void endSession();                    // wipe and back to attract
    Q_INVOKABLE void dismissNotice();
    Q_INVOKABLE void continueSession(); // answers "card_removed": go on without the card
    Q_INVOKABLE void keepFirstCard();   // answers "second_card": the session stays with the first resident
    Q_INVOKABLE void switchToNewCard(); // answers "second_card": end this session, start one with the new card

    // Other kinds of visit (SessionJourneys.cpp; app/journeys/Journey.h). Optional (GUI thread, before the
    // first session): a journey offered from the attract, language, identify and catalog screens; on the
    // catalog, a service a journey takes (Journey::takesService) starts that journey.
    // startJourney() shows Screen::Journey with the journey's screen; the journey's finished() ends the
    // session, and every session end (finished, idle timeout, cancelled) resets every journey.
    void addJourney(Journey *journey);
    Q_INVOKABLE bool offersJourney(const QString &id) const;
    Q_INVOKABLE void startJourney(const QString &id);
    QUrl journeyScreen() const;

    // Any touch, click or key anywhere in the kiosk window (an event filter calls it).
    void userActivity();
    // Re-evaluates timeouts now (after a ManualClock moved).
    void checkTimers();

signals:
    void screenChanged();
    void languageChanged(const QString &language);
    void residentChanged();
    void serviceChanged();
    void noticeChanged();
    void idleChanged();
    void ratingChanged();
    void sessionEnded(const QString &why); // "finished" | "timeout" | "cancelled" | "card_removed"
    void promptChanged();

private:
    static IdNumberKind idNumberKindOf(IdCardData::CardType type);
    void setScreen(Screen screen);
    void setNotice(const QString &text);
    void onCardRead(const IdCardData &card);
    void onCodeScanned(const ScannedCode &code);
    void onCardRemoved();
    void identify(const IdCardData &card, const QString &how, const QString &method);
    void setPrompt(const QString &prompt);
    void onSubmissionFinished(bool saved);
    void sendRating(const RatingRecord &rating);
    void wipe(const QString &why);
    void armTimersFor(Screen screen);
    void onMaterialsFinished(); // materials -> review
    void enterMaterials();      // -> materials (the sub-flow entered for the service and the resident)
    void resetJourneys();
    bool routeCodeToJourney(const QString &text); // the journey on screen takes a scanned code
    bool journeyTakesResident() const;            // the journey on screen identifies the resident
    bool startJourneyForService(const QString &serviceId); // a journey carries out this catalog service

    const SiteConfig &m_site;
    const Catalog &m_catalog;
    ServiceCatalogModel &m_services;
    FormController &m_form;
    SubmissionController &m_submission;
    const Clock &m_clock;
    IdleTimer *m_idle;
    IdleTimer *m_screenTimer; // auto-advance of receipt / goodbye screens

    Screen m_screen = Screen::Attract;
    QString m_language;
    IdCardData m_card;
    QString m_serviceId;
    QString m_notice;
    int m_rating = 0;
    MaterialsController *m_materials = nullptr;
    std::unique_ptr<IdentityCodeCheck> m_codes;
    IdleTimer *m_promptTimer; // "card_removed": the time to answer
    QString m_prompt;
    IdCardData m_pendingCard; // "second_card": the new card, held until the answer; wiped with the session
    bool m_identifiedByCard = false;
    NoCardIdentityController *m_noCard = nullptr;
    RatingController *m_ratingDetails = nullptr;
    QString m_identityMethod;
    QList<Journey *> m_journeys;
    Journey *m_journey = nullptr; // the one on screen (Screen::Journey)
};
