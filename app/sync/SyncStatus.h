#pragma once

#include <QMetaType>
#include <QString>

// What the sync client says about itself, in one value: it crosses from the store's thread to the GUI
// (SyncMonitor) as a whole, so the GUI never reads half of an update. Meanings as in SyncClient.h.
struct SyncStatus
{
    int pendingCount = 0;
    QString state = QStringLiteral("idle");
    QString lastError;
    QString alert;
    QString alertCause;
    bool networkAvailable = true;

    bool operator==(const SyncStatus &o) const
    {
        return pendingCount == o.pendingCount && state == o.state && lastError == o.lastError &&
               alert == o.alert && alertCause == o.alertCause && networkAvailable == o.networkAvailable;
    }
    bool operator!=(const SyncStatus &o) const { return !(*this == o); }
};
Q_DECLARE_METATYPE(SyncStatus)
