#include "SyncOnStoreThread.h"

#include "StoreExecutor.h"
#include "SyncClient.h"

#include <QNetworkAccessManager>

SyncOnStoreThread::SyncOnStoreThread(StoreExecutor &executor, const SyncSettings &settings,
                                     const QUrl &platformUrl)
    : m_executor(executor)
{
    const SyncStatus initial = executor.wait([&](CaseStore &store) {
        m_network = new QNetworkAccessManager;
        m_client = new SyncClient(store, *m_network, settings, platformUrl);
        return m_client->status();
    });
    m_monitor = std::make_unique<SyncMonitor>(*m_client, initial);
}

SyncOnStoreThread::~SyncOnStoreThread()
{
    m_monitor.reset();
    m_executor.wait([this](CaseStore &) {
        delete m_client; // before the network access it uses
        delete m_network;
    });
}
