#pragma once

#include "CaseReceipt.h"
#include "CaseStore.h"
#include "IdCardData.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// A case as it was committed in this session, for what follows it on the GUI thread (the A4 summary):
// personal values in memory only, gone with the session.
struct CommittedCase
{
    QString caseId;
    QString caseNumber;
    QString serviceId;
    QString language;
    QDateTime submittedAt; // UTC
    QJsonObject form;
    IdCardData resident;
    QStringList attachmentNames;
};

class ReceiptPrinter;
class StoreExecutor;
class SyncMonitor;
struct Catalog;
struct SiteConfig;

// Turns a reviewed form into a case: commits it to the store on the store's thread (StoreExecutor: the GUI
// never waits on sqlite; the resident hears "saved" only after the commit's job returned: finished(true)),
// hands it to sync, and prints the receipt at once: the receipt never waits for the
// platform; it says whether the platform has the case yet ("submitted to the platform" / "sent when the
// network is back"). At session end (clear()) a receipt not yet printed (held for paper, say) is
// cancelled, so it never comes out into the next resident's hands; one already on the wire finishes.
// Staff can print a stored case's receipt again, marked 重打 / REPRINT (reprint()).
// A commit that fails (a full disk, a locked or damaged file) raises a staff alert (storeAlert,
// storeAlertCause) that stays until a later commit succeeds; the resident is never told "saved". Thread: GUI.
class SubmissionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SubmissionController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString caseId READ caseId NOTIFY changed)
    Q_PROPERTY(QString caseNumber READ caseNumber NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QString syncState READ syncState NOTIFY changed) // "pending" | "synced" | "rejected" | ""
    Q_PROPERTY(ReceiptState receiptState READ receiptState NOTIFY changed)
    Q_PROPERTY(QString receiptProblem READ receiptProblem NOTIFY changed)
    Q_PROPERTY(QString trackingUrl READ trackingUrl NOTIFY changed)
    Q_PROPERTY(QString storeAlert READ storeAlert NOTIFY storeAlertChanged)
    Q_PROPERTY(QString storeAlertCause READ storeAlertCause NOTIFY storeAlertChanged)

public:
    enum class State { Idle, Saving, Saved, Failed };
    Q_ENUM(State)
    // WaitingForSync is no longer entered (the receipt does not wait for the platform); kept for QML.
    enum class ReceiptState { None, WaitingForSync, Printing, Printed, NotPrinted };
    Q_ENUM(ReceiptState)

    SubmissionController(const SiteConfig &site, const Catalog &catalog, StoreExecutor &store,
                         SyncMonitor &sync, ReceiptPrinter &printer, QObject *parent = nullptr);

    State state() const { return m_state; }
    QString caseId() const { return m_caseId; }
    QString caseNumber() const { return m_caseNumber; }
    QString errorText() const { return m_errorText; }
    QString syncState() const;
    ReceiptState receiptState() const { return m_receiptState; }
    QString receiptProblem() const { return m_receiptProblem; }
    QString trackingUrl() const;
    // For staff: why the store could not save the last case or rating (the store's message: file, step and
    // sqlite's reason, never personal data); empty once a commit succeeds again.
    QString storeAlert() const { return m_storeAlert; }
    // "disk_full" | "damaged" | "other" (CaseStore::lastFailureCause); empty without an alert.
    QString storeAlertCause() const { return m_storeAlertCause; }

    // Commits the case with its attachments (pages, photo: all in the same transaction) on the store's
    // thread: state Saving at once, then finished(true) once it is durable (sync and the receipt follow) or
    // finished(false) (state Failed, storeAlert). False (and nothing posted) while a commit is running.
    // identityMethod ("card" | "personal_code" | "staff_confirmed", "" = not said) goes into the case's
    // submission as identity_method. licenceIds: the e-licences the resident picked (the case references them).
    bool submit(const QString &serviceId, const QJsonObject &form, const QString &language,
                const IdCardData &resident, const QVector<StoredAttachment> &attachments = {},
                const QString &identityMethod = QString(), const QStringList &licenceIds = {});
    // How many attachments the last committed case has (0 after clear()).
    int attachmentCount() const { return m_attachmentCount; }
    // Stores the rating of the last case (level, indicators, comment: its own outbox item); ratingFinished
    // follows. False when there is no case to rate.
    bool rate(const RatingRecord &rating);
    // Session end: cancels the receipt if it has not gone to the printer yet, and forgets everything about
    // the last case. A commit still running completes (the case is kept and sent) but is no longer
    // reported: the resident who was waiting for it has gone.
    void clear();

    // Staff: prints the receipt of a stored case again, with a "*** 重打 / REPRINT ***" line on top, once
    // the store has found it. reprintFinished says how it ended: printed, or not with the reason (the case
    // is unknown, the printer is not ready, the receipt cannot be laid out, the print failed).
    void reprint(const QString &caseId);

signals:
    void changed();
    void finished(bool saved);
    // After finished(true): the case as committed.
    void caseCommitted(const CommittedCase &committed);
    void reprintFinished(const QString &caseId, bool printed, const QString &reason);
    void ratingFinished(bool saved);
    void storeAlertChanged();

private:
    struct Commit; // what the store's thread reports about a commit
    void onCommitted(const Commit &commit);
    void printReceipt();
    void printReprint(const QString &caseId, const CaseSubmission &stored, bool synced);
    CaseReceiptContent receiptContent(const CaseSubmission &stored, bool synced) const;
    void onItemSynced(const QString &kind, const QString &caseId);
    void onItemRejected(const QString &kind, const QString &caseId);
    void onJobCompleted(const QString &jobId);
    void onJobFailed(const QString &jobId, const QString &reason);
    QString residentPrinterProblem() const;
    void commitFailed(const QString &what, const QString &error, const QString &cause);
    void setStoreAlert(const QString &cause, const QString &text);

    const SiteConfig &m_site;
    const Catalog &m_catalog;
    StoreExecutor &m_store;
    SyncMonitor &m_sync;
    ReceiptPrinter &m_printer;
    QHash<QString, QString> m_reprintJobs; // job id -> case id
    int m_reprintCount = 0;

    State m_state = State::Idle;
    quint64 m_generation = 0; // counts submissions and clear(): an answer for an older one is not shown
    QString m_syncState;      // "pending" | "synced" | "rejected" | ""
    QString m_caseId;
    QString m_caseNumber;
    QString m_serviceId;
    QString m_language;
    QString m_errorText;
    IdCardData m_resident; // for the receipt (masked there); wiped in clear()
    QDateTime m_submittedAt;
    int m_attachmentCount = 0;
    ReceiptState m_receiptState = ReceiptState::None;
    QString m_receiptProblem;
    QString m_storeAlert;
    QString m_storeAlertCause;
};
