#pragma once

#include <QString>

class Database;
class FieldCipher;

// The case store's schema history. The schema version lives in PRAGMA user_version; version N is reached
// from N-1 by exactly one migration function, run in its own transaction that also writes user_version = N,
// so a file is always at a version some build wrote, never in between.
// A migration that has shipped is never edited: old files in the field (and tests/fixtures/store/) depend on
// it. See docs/store.md, "Adding a migration".

// The highest version a migration exists for (must equal CaseStore::schemaVersion).
int latestSchemaVersion();

// Applies the migrations after the file's current version up to and including `targetVersion`, in order.
// Stops at the first failure (that migration is rolled back; earlier ones stay committed). A file already
// above `targetVersion` is an error and is left alone.
// Version 4 encrypts what earlier versions kept in plaintext and needs `cipher`; without one it fails.
bool migrateDatabase(Database &db, int targetVersion, const FieldCipher *cipher, QString *error);
inline bool migrateDatabase(Database &db, int targetVersion, QString *error)
{
    return migrateDatabase(db, targetVersion, nullptr, error);
}

// The value store_meta.key_check holds: proves on open that the key is the one the store was sealed with.
QByteArray keyCheckPlaintext();
