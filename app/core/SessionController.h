#pragma once

#include "IdCardData.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class Clock;
class CodeScanner;
class FormController;
class IdCardReader;
class IdleTimer;
class ServiceCatalogModel;
class SubmissionController;
struct Catalog;
struct ScannedCode;
struct SiteConfig;

// One resident's visit, as a state machine over the screens:
//   attract -> language -> identify -> catalog -> guide -> form -> review -> saving -> receipt -> rating
//   -> goodbye -> attract.
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

public:
    enum class Screen { Attract, Language, Identify, Catalog, Guide, Form, Review, Saving, Receipt, Rating, Goodbye };
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

    Q_INVOKABLE void begin();                         // attract -> language
    Q_INVOKABLE void chooseLanguage(const QString &language);
    Q_INVOKABLE void chooseService(const QString &serviceId);
    Q_INVOKABLE void startForm();                     // guide -> form
    Q_INVOKABLE void toReview();                      // form -> review (when valid)
    Q_INVOKABLE void submit(bool consentGiven);       // review -> saving -> receipt
    Q_INVOKABLE void toRating();                      // receipt -> rating
    Q_INVOKABLE void rate(int level);                 // 1..5, 5 = very satisfied -> goodbye
    Q_INVOKABLE void skipRating();                    // -> goodbye
    Q_INVOKABLE void back();
    Q_INVOKABLE void extendSession();                 // answers the idle warning
    Q_INVOKABLE void endSession();                    // wipe and back to attract
    Q_INVOKABLE void dismissNotice();

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
    void sessionEnded(const QString &why); // "finished" | "timeout" | "cancelled"

private:
    void setScreen(Screen screen);
    void setNotice(const QString &text);
    void onCardRead(const IdCardData &card);
    void onCodeScanned(const ScannedCode &code);
    void onSubmissionFinished(bool saved);
    void wipe(const QString &why);
    void armTimersFor(Screen screen);

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
};
