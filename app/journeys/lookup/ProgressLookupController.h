#pragma once

#include "Journey.h"

#include <QDateTime>
#include <QJsonObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class ProgressClient;
class StoreExecutor;
struct LocalCaseProgress;

// The progress lookup journey (办件查询, issue 12): where is my case?
//   - the receipt's tracking QR code, scanned (handleCode; parsed strictly, TrackingCode.h: a forged or
//     damaged link is refused with its own message), or the case number typed on the keyboard
//     (submitNumber): the case's public progress only (service, status, its history with dates and notes,
//     case number), never personal data, whoever owns the case;
//   - the resident identified by card or personal identity code on this screen (residentIdentified): the
//     list of their own cases (service, number, status, submitted date), with the applicant masked.
// Online the answer comes from the platform (ProgressClient) and the status is remembered in the case
// store; when the platform cannot be reached, or answers garbage or 5xx, it comes from the kiosk's own
// case store (source LocalCache), saying so and when the status was last known; a case not yet sent shows
// as saved at this kiosk, waiting to be sent. The store is used only through the StoreExecutor.
// States (an enum: QML compares no strings):
//   Choose -> EnterNumber -> Searching -> Result | CaseList | NotFound | Refused | Failed; Choose also goes
//   straight to Searching on a scanned code or an identified resident.
// reset() (the session's end) forgets the resident, the numbers and every answer.
// Thread: GUI.
class ProgressLookupController : public Journey
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ProgressLookupController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(Source source READ source NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString knownAtText READ knownAtText NOTIFY changed)
    Q_PROPERTY(QString caseNumber READ caseNumber NOTIFY changed)
    Q_PROPERTY(QString serviceName READ serviceName NOTIFY changed)
    Q_PROPERTY(QString statusCode READ statusCode NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString submittedText READ submittedText NOTIFY changed)
    Q_PROPERTY(bool waitingToBeSent READ waitingToBeSent NOTIFY changed)
    Q_PROPERTY(QVariantList history READ history NOTIFY changed)
    Q_PROPERTY(QVariantList cases READ cases NOTIFY changed)
    Q_PROPERTY(bool moreCases READ moreCases NOTIFY changed)
    Q_PROPERTY(QString applicantMasked READ applicantMasked NOTIFY changed)
    Q_PROPERTY(bool residentKnown READ residentKnown NOTIFY changed)

public:
    enum class State { Choose, EnterNumber, Searching, Result, CaseList, NotFound, Refused, Failed };
    Q_ENUM(State)
    enum class Source { Platform, LocalCache };
    Q_ENUM(Source)

    struct Settings
    {
        QString trackingUrlTemplate; // site.json tracking_url_template
        // The catalog's name of a service in a language ("zh_CN" / "en"); empty = unknown (the id is shown).
        std::function<QString(const QString &serviceId, const QString &language)> serviceName;
        int maxCases = 20; // a resident's list from the store when offline
    };

    ProgressLookupController(Settings settings, ProgressClient &client, StoreExecutor &store,
                             QObject *parent = nullptr);

    // Journey
    QString id() const override { return QStringLiteral("lookup"); }
    QUrl screenUrl() const override;
    void enter(const QString &language) override;
    void reset() override;
    bool handleCode(const QString &text) override; // a receipt's tracking QR code (or a forged one)
    bool acceptsResident() const override { return true; }
    void residentIdentified(const JourneyResident &resident) override;

    State state() const { return m_state; }
    Source source() const { return m_source; }
    QString message() const { return m_message; }
    QString knownAtText() const { return m_knownAtText; }
    QString caseNumber() const { return m_caseNumber; }
    QString serviceName() const { return m_serviceName; }
    QString statusCode() const { return m_statusCode; }
    QString statusText() const { return m_statusText; }
    QString submittedText() const { return m_submittedText; }
    bool waitingToBeSent() const { return m_waitingToBeSent; }
    QVariantList history() const { return m_history; }
    QVariantList cases() const { return m_cases; }
    bool moreCases() const { return m_moreCases; }
    // The identified resident, masked ("王**  310104********0025"); only with their list of cases.
    QString applicantMasked() const { return m_state == State::CaseList ? m_applicantMasked : QString(); }
    bool residentKnown() const { return !m_residentNumber.isEmpty(); }

    Q_INVOKABLE void enterNumber();                      // Choose -> EnterNumber
    Q_INVOKABLE void submitNumber(const QString &typed); // EnterNumber -> Searching | Refused
    Q_INVOKABLE void openCase(const QString &caseId); // CaseList -> Searching (one of the resident's cases)
    Q_INVOKABLE void showMyCases(); // the identified resident's list again (Choose -> Searching)
    Q_INVOKABLE void back();        // Result of a listed case -> CaseList; other answers -> Choose
    Q_INVOKABLE void finish();
    void setNetworkAvailable(bool available) { m_networkAvailable = available; }

    // A status code in the resident's words ("in_review" -> "Under review"); unknown codes as they are.
    static QString statusTextOf(const QString &status);

signals:
    void changed();

private:
    enum class Query { CaseId, CaseNumber, Resident };

    void search(Query query, const QString &value);
    void onPlatformAnswer(int serial, Query query, const QString &value, bool reached, int status,
                          const QJsonObject &body);
    void fromStore(int serial, Query query, const QString &value, const QString &why);
    void showProgress(const QJsonObject &body);
    void showCaseList(const QJsonObject &body);
    void showLocal(const LocalCaseProgress &local, const QString &why);
    void showLocalList(const QVector<LocalCaseProgress> &cases, const QString &why);
    void rememberStatus(const QString &caseId, const QString &status);
    void refuse(const QString &message);
    void fail(const QString &message);
    void clearAnswer();
    QString nameOf(const QString &serviceId) const;
    QString timeText(const QDateTime &t) const;
    QString dateText(const QDateTime &t) const;

    Settings m_settings;
    ProgressClient &m_client;
    StoreExecutor &m_store;
    QString m_language = QStringLiteral("zh_CN");
    bool m_networkAvailable = true;
    int m_serial = 0;
    State m_state = State::Choose;
    Source m_source = Source::Platform;
    QString m_message;
    QString m_knownAtText;
    QString m_caseNumber;
    QString m_serviceName;
    QString m_statusCode;
    QString m_statusText;
    QString m_submittedText;
    bool m_waitingToBeSent = false;
    QVariantList m_history;
    QVariantList m_cases;
    bool m_moreCases = false;
    bool m_fromList = false; // the result on screen was opened from the resident's list
    // The identified resident (personal: forgotten in reset()).
    QString m_residentIdType;
    QString m_residentNumber;
    QString m_applicantMasked;
};
