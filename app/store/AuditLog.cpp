#include "AuditLog.h"

#include "Database.h"
#include "OutboxBodies.h"

bool appendAuditEntry(Database &db, const QString &event, const QString &detail, QString *error)
{
    std::optional<Statement> insert = db.prepare(
        "INSERT INTO audit_log (at, event, detail) VALUES (?1, ?2, ?3)", "append audit entry", error);
    return insert && insert->bind(1, storedTime(QDateTime::currentDateTimeUtc()))
                         .bind(2, event)
                         .bind(3, detail)
                         .run(error);
}
