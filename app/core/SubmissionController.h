#pragma once

#include "CaseStore.h"
#include "IdCardData.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class ReceiptPrinter;
class SyncClient;
struct Catalog;
struct SiteConfig;

// Turns a reviewed form into a case: commits it to the store (the resident hears "saved" only after the
// commit returned), hands it to sync, and prints the receipt. Thread: GUI.
class SubmissionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SubmissionController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString caseId READ caseId NOTIFY changed)
    Q_PROPERTY(QString caseNumber READ caseNumber NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QString syncState READ syncState NOTIFY changed)         // "pending" | "synced" | "rejected" | ""
    Q_PROPERTY(ReceiptState receiptState READ receiptState NOTIFY changed)
    Q_PROPERTY(QString receiptProblem READ receiptProblem NOTIFY changed)
    Q_PROPERTY(QString trackingUrl READ trackingUrl NOTIFY changed)

public:
    enum class State { Idle, Saving, Saved, Failed };
    Q_ENUM(State)
    enum class ReceiptState { None, WaitingForSync, Printing, Printed, NotPrinted };
    Q_ENUM(ReceiptState)

    SubmissionController(const SiteConfig &site, const Catalog &catalog, CaseStore &store, SyncClient &sync,
                         ReceiptPrinter &printer, QObject *parent = nullptr);

    State state() const { return m_state; }
    QString caseId() const { return m_caseId; }
    QString caseNumber() const { return m_caseNumber; }
    QString errorText() const { return m_errorText; }
    QString syncState() const;
    ReceiptState receiptState() const { return m_receiptState; }
    QString receiptProblem() const { return m_receiptProblem; }
    QString trackingUrl() const;

    // Commits the case with its attachments (pages, photo: all in the same transaction); true once it is
    // durable. Then sync and the receipt follow asynchronously.
    bool submit(const QString &serviceId, const QJsonObject &form, const QString &language, const IdCardData &resident,
                const QVector<StoredAttachment> &attachments = {});
    // How many attachments the last committed case has (0 after clear()).
    int attachmentCount() const { return m_attachmentCount; }
    bool rate(int level);
    void clear(); // session end: forget everything about the last case

    // How long the receipt waits for the platform's acknowledgement before printing "pending".
    void setSyncWaitMs(int ms) { m_syncWait.setInterval(ms); }

signals:
    void changed();
    void finished(bool saved);

private:
    void printReceipt();
    void onItemSynced(const QString &kind, const QString &caseId);
    void onJobCompleted(const QString &jobId);
    void onJobFailed(const QString &jobId, const QString &reason);
    QString residentPrinterProblem() const;

    const SiteConfig &m_site;
    const Catalog &m_catalog;
    CaseStore &m_store;
    SyncClient &m_sync;
    ReceiptPrinter &m_printer;
    QTimer m_syncWait;

    State m_state = State::Idle;
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
};
