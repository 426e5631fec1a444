#pragma once

#include <QString>

class Database;

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
bool migrateDatabase(Database &db, int targetVersion, QString *error);
