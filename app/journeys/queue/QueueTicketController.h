#pragma once

#include "Journey.h"
#include "QueueClient.h"
#include "QueueRangeStore.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class ReceiptPrinter;

// The queue-ticket journey (取号, issue 12): the resident picks a counter service and gets a ticket number
// from the platform with the number of people waiting, printed on the receipt printer (the queue-ticket
// slip template) and shown with a QR code. No identification is needed and nothing personal is involved.
//
// States (QML compares the enum, never strings):
//   ChoosingService -> Requesting -> Issued          the platform's number
//                                 -> IssuedOffline   the platform could not be reached: the next number of
//                                                    this kiosk's range (QueueRangeStore), persisted as used
//                                                    before it is shown or printed
//                                 -> Failed          no number: message says why and what to do
// Offline ranges are asked for while the platform is reachable (start(), every listing, the network coming
// back) so that each service keeps at least lowWater numbers for today; numbers issued offline are
// reported to the platform (idempotent on its side) until it has counted each of them; an online ticket
// request waits for such a report, so that the people waiting it is told include the offline tickets.
// A retried ticket request keeps its Idempotency-Key; a request whose answer is lost falls back to an
// offline number (the platform may then count one online number that nobody holds: never a duplicate).
// The slip goes to the printer queue; when the printer is not ready the ticket stays on screen with its QR
// and the resident is told (printState NotPrinted, message). reset() (the session's end) forgets the
// ticket and cancels a slip that has not reached the paper.
// Thread: GUI.
class QueueTicketController : public Journey
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("QueueTicketController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(PrintState printState READ printState NOTIFY changed)
    Q_PROPERTY(QVariantList services READ services NOTIFY servicesChanged)
    Q_PROPERTY(QString ticketNumber READ ticketNumber NOTIFY changed)
    Q_PROPERTY(QString serviceName READ serviceName NOTIFY changed)
    Q_PROPERTY(int waiting READ waiting NOTIFY changed) // -1: not known (offline)
    Q_PROPERTY(QString issuedAtText READ issuedAtText NOTIFY changed)
    Q_PROPERTY(QString qrText READ qrText NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)

public:
    enum class State { ChoosingService, Requesting, Issued, IssuedOffline, Failed };
    Q_ENUM(State)
    enum class PrintState { None, Printing, Printed, NotPrinted };
    Q_ENUM(PrintState)

    struct Settings
    {
        QString centerId;
        QString centerNameZh;
        QString centerNameEn;
        int rangeSize = 20; // numbers asked for at a time
        int lowWater = 5;   // a new range is asked for when fewer than this are left today
    };

    // ranges: loaded by the caller (main.cpp). printer: the receipt printer's job queue.
    QueueTicketController(const Settings &settings, QueueClient &client, QueueRangeStore &ranges,
                          ReceiptPrinter &printer, QObject *parent = nullptr);

    // Journey
    QString id() const override { return QStringLiteral("queue"); }
    QUrl screenUrl() const override;
    void enter(const QString &language) override;
    void reset() override;

    State state() const { return m_state; }
    PrintState printState() const { return m_printState; }
    QVariantList services() const;
    QString ticketNumber() const { return m_ticketNumber; }
    QString serviceName() const { return m_serviceName; }
    int waiting() const { return m_waiting; }
    QString issuedAtText() const;
    QString qrText() const { return m_qrText; }
    QString message() const { return m_message; }

    Q_INVOKABLE void chooseService(const QString &serviceId);
    Q_INVOKABLE void tryAgain(); // Failed -> ChoosingService
    Q_INVOKABLE void finish();   // the resident is done: finished()

    // At kiosk start (and by the network coming back): counter services, offline ranges, reconciliation.
    void start();
    // false: nothing is asked of the platform, tickets come from the range at once; true: the ranges are
    // topped up and offline numbers reported.
    void setNetworkAvailable(bool available);
    bool networkAvailable() const { return m_networkAvailable; }
    // Numbers issued offline that the platform has not counted yet.
    int unreportedCount() const;
    // Tests: the wall clock (tickets' times, today's date).
    void setWallClock(std::function<QDateTime()> now) { m_now = std::move(now); }

signals:
    void changed();
    void servicesChanged();
    // A round of reconciliation ended (with or without reaching the platform).
    void reconciled();

private:
    void refresh(); // services, then ranges and reconciliation
    void topUpRanges();
    void reconcile();
    void endReconcile(); // the round is over: reconciled(), then what waited for it
    void onTicketAnswer(int serial, const QString &serviceId, const QueueClient::Answer &answer);
    void issueOffline(const QString &serviceId);
    void issue(State state, const QString &serviceId, const QString &ticketNumber, int waiting,
               const QDateTime &at, const QDate &day);
    void fail(const QString &message);
    void print();
    void onJobCompleted(const QString &jobId);
    void onJobFailed(const QString &jobId, const QString &reason);
    QString nameOf(const QString &serviceId) const;
    QString printerProblem() const;
    QDateTime now() const { return m_now ? m_now() : QDateTime::currentDateTime(); }

    Settings m_settings;
    QueueClient &m_client;
    QueueRangeStore &m_ranges;
    ReceiptPrinter &m_printer;
    std::function<QDateTime()> m_now;
    QString m_language = QStringLiteral("zh_CN");
    bool m_networkAvailable = true;

    State m_state = State::ChoosingService;
    PrintState m_printState = PrintState::None;
    int m_serial = 0; // a ticket request's answer after reset() or a newer request is ignored
    QString m_ticketNumber;
    QString m_serviceId;
    QString m_serviceName;
    int m_waiting = -1;
    QDateTime m_issuedAt;
    QString m_qrText;
    QString m_message;
    QString m_jobId;

    QHash<QString, int> m_waitingByService; // from the platform's last listing
    QHash<QString, QString> m_rangeKeys;    // service -> the key of its range request, kept for retries
    QSet<QString> m_rangeRequests;          // services with a range request in flight
    QSet<QString> m_refusedReports;         // ranges whose report the platform refused for good (logged)
    bool m_reconciling = false;
    QList<std::function<void()>> m_afterReconcile; // ticket requests waiting for the round to end
};
