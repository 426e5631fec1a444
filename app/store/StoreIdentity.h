#pragma once

#include <QString>
#include <QStringList>

class Database;

// The store epoch: four characters chosen at random (Crockford base32, no I, L, O, U) when a store file is
// created, kept in store_meta and written into every case number the store issues. A store that replaces a
// quarantined one, or a reinstalled kiosk whose data folder was wiped, starts its counters at 1 again; the
// new epoch keeps its numbers apart from every number the old store printed (docs/store.md).
// When quarantined stores are next to the file, the new epoch differs from theirs and the day counters
// continue after theirs (so numbers on paper keep rising, too).

// The alphabet and length of an epoch.
bool isStoreEpoch(const QString &text);

// Gives the store an epoch unless it has one (one transaction). `quarantined` are the quarantined store
// files of the same data directory (CaseStore::quarantinedFiles); unreadable ones are skipped (logged).
bool ensureStoreEpoch(Database &db, const QStringList &quarantined, QString *error);

// The store's epoch, or an empty string and *error.
QString readStoreEpoch(Database &db, QString *error);
