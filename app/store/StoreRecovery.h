#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

class CaseStore;
class KeyProvider;

// Quarantined stores are never silent: staff can list them with what they still hold, and bring their
// unsynced cases into the live outbox, exactly once (docs/store.md, "Recovering a quarantined store").
// A quarantined file is read through a working copy (QuarantinedCopy) and never changed.
// Thread: the live store's.

struct QuarantinedStoreInfo
{
    QString file;
    QDateTime quarantinedAt; // UTC, from the file's name (invalid if it has none)
    QString reason;          // why it was quarantined (empty: not recorded, an older kiosk moved it)
    bool readable = false;
    QString problem;        // why it could not be read
    int unsyncedCases = -1; // cases the platform does not have yet (-1: unknown)
    int notRecovered = -1;  // of those, how many are not in the live store yet
};

// The quarantined stores next to the live one (`live` may be null: then notRecovered stays -1).
QVector<QuarantinedStoreInfo> inspectQuarantinedStores(const QString &dataDir, KeyProvider &keys,
                                                       const CaseStore *live);

// Copies each unsynced case of `quarantinedFile` (form, attachments, rating with its original time) into
// `live` with a pending outbox item, unless `live` already holds that case id: running it again adds
// nothing. Returns the number of cases added, or -1 + error (cases added before the error stay).
int recoverQuarantinedStore(const QString &quarantinedFile, KeyProvider &keys, CaseStore &live,
                            QString *error);
