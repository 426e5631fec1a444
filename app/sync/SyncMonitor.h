#pragma once

#include "SyncStatus.h"

#include <QObject>
#include <QPointer>

class SyncClient;

// The GUI's side of the sync client, which lives on the store's thread (StoreExecutor): the same properties,
// mirrored from the client's status as a whole, and its commands, forwarded to the client's thread. QML's
// `Sync`, the submission, the simulator and the scenario runner use this, never the client itself, so the GUI
// thread never waits on the network or the store. Works the same when the client is on the GUI thread
// (tests). Thread: GUI.
class SyncMonitor : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(bool networkAvailable READ networkAvailable WRITE setNetworkAvailable NOTIFY stateChanged)
    Q_PROPERTY(QString alert READ alert NOTIFY alertChanged)
    Q_PROPERTY(QString alertCause READ alertCause NOTIFY alertChanged)

public:
    // Takes the client's status as it is now (call it on the client's thread or before the client runs).
    SyncMonitor(SyncClient &client, const SyncStatus &initial, QObject *parent = nullptr);

    int pendingCount() const { return m_status.pendingCount; }
    QString state() const { return m_status.state; }
    QString lastError() const { return m_status.lastError; }
    bool networkAvailable() const { return m_status.networkAvailable; }
    QString alert() const { return m_status.alert; }
    QString alertCause() const { return m_status.alertCause; }
    SyncStatus status() const { return m_status; }

public slots:
    void start();
    void kick();
    void setNetworkAvailable(bool available);

signals:
    void pendingCountChanged();
    void stateChanged();
    void lastErrorChanged();
    void alertChanged();
    void itemSynced(const QString &kind, const QString &caseId);
    void itemRejected(const QString &kind, const QString &caseId, const QString &reason);

private:
    void update(const SyncStatus &status);

    QPointer<SyncClient> m_client;
    SyncStatus m_status;
};
