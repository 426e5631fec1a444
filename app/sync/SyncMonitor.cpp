#include "SyncMonitor.h"

#include "SyncClient.h"

SyncMonitor::SyncMonitor(SyncClient &client, const SyncStatus &initial, QObject *parent)
    : QObject(parent), m_client(&client), m_status(initial)
{
    // Queued when the client is on the store's thread, direct when it shares ours.
    connect(&client, &SyncClient::statusChanged, this, &SyncMonitor::update);
    connect(&client, &SyncClient::itemSynced, this, &SyncMonitor::itemSynced);
    connect(&client, &SyncClient::itemRejected, this, &SyncMonitor::itemRejected);
}

void SyncMonitor::start()
{
    if (m_client)
        QMetaObject::invokeMethod(m_client.data(), &SyncClient::start, Qt::QueuedConnection);
}

void SyncMonitor::kick()
{
    if (m_client)
        QMetaObject::invokeMethod(m_client.data(), &SyncClient::kick, Qt::QueuedConnection);
}

void SyncMonitor::setNetworkAvailable(bool available)
{
    if (m_client)
        QMetaObject::invokeMethod(m_client.data(), "setNetworkAvailable", Qt::QueuedConnection,
                                  Q_ARG(bool, available));
}

void SyncMonitor::update(const SyncStatus &status)
{
    const SyncStatus old = m_status;
    m_status = status;
    if (old.pendingCount != status.pendingCount)
        emit pendingCountChanged();
    if (old.state != status.state || old.networkAvailable != status.networkAvailable)
        emit stateChanged();
    if (old.lastError != status.lastError)
        emit lastErrorChanged();
    if (old.alert != status.alert || old.alertCause != status.alertCause)
        emit alertChanged();
}
