#pragma once

#include "SiteConfig.h"
#include "SyncMonitor.h"

#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class StoreExecutor;
class SyncClient;

// The kiosk's sync client where it belongs: made on the store's thread (with its own network access, so
// neither the store nor the network is ever used from the GUI thread), and deleted there again by the
// destructor. The GUI holds monitor() (SyncMonitor). Must be destroyed before the executor.
// Thread: made and destroyed on the GUI thread.
class SyncOnStoreThread
{
public:
    SyncOnStoreThread(StoreExecutor &executor, const SyncSettings &settings, const QUrl &platformUrl);
    ~SyncOnStoreThread();
    SyncOnStoreThread(const SyncOnStoreThread &) = delete;
    SyncOnStoreThread &operator=(const SyncOnStoreThread &) = delete;

    SyncMonitor &monitor() { return *m_monitor; }

private:
    StoreExecutor &m_executor;
    QNetworkAccessManager *m_network = nullptr; // lives on the store's thread
    SyncClient *m_client = nullptr;             // lives on the store's thread
    std::unique_ptr<SyncMonitor> m_monitor;
};
