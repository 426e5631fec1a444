#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class KeyProvider;
class StoreExecutor;

// The technician view's list of quarantined case stores (damaged files the store moved aside, which may
// hold the only copy of unsynced cases): each with its file, when and why it was quarantined and how many
// of its cases the platform does not have yet, and "bring them into the outbox", exactly once (the store's
// own recovery, app/store/StoreRecovery.h: a case already in the live store is never added twice).
// No resident data: ids are not shown, only counts.
// The live store is read and written on its own thread (StoreExecutor); the view gets the results later.
// Thread: GUI.
class QuarantineController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("QuarantineController is made by the application")
    Q_PROPERTY(QVariantList stores READ stores NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)

public:
    // Without a store (QML tests, a kiosk without its store) the list stays empty. `recovered` is called
    // after cases were added to the live outbox (main.cpp: the sync client's kick).
    explicit QuarantineController(QString dataDir = QString(), KeyProvider *keys = nullptr,
                                  StoreExecutor *live = nullptr, std::function<void()> recovered = {},
                                  QObject *parent = nullptr);

    // One map per quarantined store, oldest first: file (full path), name (file name), quarantinedAt
    // (local "yyyy-MM-dd HH:mm", empty if unknown), reason (empty: not recorded), readable, problem,
    // unsyncedCases, notRecovered (-1: unknown).
    QVariantList stores() const { return m_stores; }
    int count() const { return int(m_stores.size()); }
    // What the last recovery did (for the technician), empty before.
    QString message() const { return m_message; }

    // Reads the list again (the view calls it when it opens); changed follows.
    Q_INVOKABLE void refresh();
    // Brings the unsynced cases of `file` (one of the listed files) into the live outbox, then reads the
    // list again. recoveryFinished says how many cases were added (0 when all were brought in before), -1
    // on failure (message says why).
    Q_INVOKABLE void recover(const QString &file);

signals:
    void changed();
    void recoveryFinished(int added);

private:
    void reload(std::function<void()> then);
    void finishRecovery(int added, const QString &error, const QString &file);

    QString m_dataDir;
    KeyProvider *m_keys;
    StoreExecutor *m_live;
    std::function<void()> m_recovered;
    QVariantList m_stores;
    QString m_message;
};
