#pragma once

#include <QString>

class Database;

// Appends one audit_log row (UTC time, event, detail). Events and ids only, never personal data:
// "case.submitted" <case id>, "rating.added" <case id>, "outbox.synced" <seq>, "outbox.rejected" <seq>.
// Runs inside the caller's transaction when there is one.
bool appendAuditEntry(Database &db, const QString &event, const QString &detail, QString *error);
