// PlatformStore: certificates (docs/platform-api.md, "Certificates"), schema version 9.
//   resident_records(id_type, id_number, record)   what the platform holds about a resident (test hook)
//   certificates(document_id, certificate_type, certificate_number UNIQUE, verification_code UNIQUE,
//                idempotency_key UNIQUE, body_sha256, owner, issued_at, answer)
// One certificate per Idempotency-Key: the same key again answers the stored document.
#include "PlatformStore.h"

#include "SimSqlite.h"

#include <QJsonDocument>

#include <sqlite3.h>

using simsql::exec;
using simsql::Statement;

const char *PlatformStore::certificateSchemaV9()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS resident_records(
    id_type   TEXT NOT NULL,
    id_number TEXT NOT NULL,
    record    BLOB NOT NULL,
    PRIMARY KEY (id_type, id_number)
);
CREATE TABLE IF NOT EXISTS certificates(
    document_id        TEXT PRIMARY KEY,
    certificate_type   TEXT NOT NULL,
    certificate_number TEXT NOT NULL UNIQUE,
    verification_code  TEXT NOT NULL UNIQUE,
    idempotency_key    TEXT NOT NULL UNIQUE,
    body_sha256        TEXT NOT NULL,
    owner              TEXT,
    issued_at          TEXT NOT NULL,
    answer             BLOB NOT NULL
);
PRAGMA user_version = 9;
)SQL";
}

bool PlatformStore::putResidentRecord(const QString &idType, const QString &idNumber, const QJsonObject &record,
                                      QString *error)
{
    Statement put(m_db, "INSERT OR REPLACE INTO resident_records(id_type, id_number, record) VALUES(?1, ?2, ?3)");
    put.bind(1, idType);
    put.bind(2, idNumber);
    put.bindBlob(3, QJsonDocument(record).toJson(QJsonDocument::Compact));
    if (put.step() == SQLITE_DONE)
        return true;
    *error = QStringLiteral("%1: put resident record: %2").arg(m_filePath, put.error());
    return false;
}

std::optional<QJsonObject> PlatformStore::residentRecord(const QString &idType, const QString &idNumber,
                                                         QString *error) const
{
    Statement find(m_db, "SELECT record FROM resident_records WHERE id_type = ?1 AND id_number = ?2");
    find.bind(1, idType);
    find.bind(2, idNumber);
    const int rc = find.step();
    if (rc == SQLITE_ROW)
        return QJsonDocument::fromJson(find.blob(0)).object();
    if (rc != SQLITE_DONE)
        *error = QStringLiteral("%1: find resident record: %2").arg(m_filePath, find.error());
    return std::nullopt;
}

std::optional<PlatformStore::StoredCertificate> PlatformStore::certificateBy(const char *column,
                                                                           const QString &value,
                                                                           QString *error) const
{
    const QByteArray sql = QByteArray("SELECT body_sha256, owner, answer FROM certificates WHERE ") + column + " = ?1";
    Statement find(m_db, sql.constData());
    find.bind(1, value);
    const int rc = find.step();
    if (rc == SQLITE_ROW)
        return StoredCertificate{find.text(0), find.text(1), QJsonDocument::fromJson(find.blob(2)).object()};
    if (rc != SQLITE_DONE)
        *error = QStringLiteral("%1: find certificate: %2").arg(m_filePath, find.error());
    return std::nullopt;
}

std::optional<PlatformStore::StoredCertificate> PlatformStore::certificateByKey(const QString &key,
                                                                              QString *error) const
{
    return certificateBy("idempotency_key", key, error);
}

std::optional<PlatformStore::StoredCertificate> PlatformStore::certificateByCode(const QString &code,
                                                                               QString *error) const
{
    return certificateBy("verification_code", code, error);
}

std::optional<QJsonObject> PlatformStore::issueCertificate(
    const QString &type, const QString &numberStem, const QString &key, const QString &bodySha,
    const QString &owner, const std::function<QJsonObject(const QString &certificateNumber)> &answerFor,
    QString *error)
{
    QString why;
    const auto failed = [&](const QString &place, const QString &what) {
        exec(m_db, "ROLLBACK", nullptr);
        *error = QStringLiteral("%1: %2: %3").arg(m_filePath, place, what);
        return std::nullopt;
    };
    if (!exec(m_db, "BEGIN IMMEDIATE", &why))
        return failed(QStringLiteral("begin"), why);
    // The day's next number of this kind: "JZ-20261204-" + 000001, 000002, ...
    Statement count(m_db, "SELECT COUNT(*) FROM certificates WHERE certificate_number LIKE ?1 || '%'");
    count.bind(1, numberStem);
    if (count.step() != SQLITE_ROW)
        return failed(QStringLiteral("count certificates"), count.error());
    const QString number = numberStem + QStringLiteral("%1").arg(count.integer(0) + 1, 6, 10, QLatin1Char('0'));
    const QJsonObject answer = answerFor(number);
    Statement insert(m_db, "INSERT INTO certificates(document_id, certificate_type, certificate_number, "
                           "verification_code, idempotency_key, body_sha256, owner, issued_at, answer) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert.bind(1, answer.value(QStringLiteral("document_id")).toString());
    insert.bind(2, type);
    insert.bind(3, number);
    insert.bind(4, answer.value(QStringLiteral("verification_code")).toString());
    insert.bind(5, key);
    insert.bind(6, bodySha);
    insert.bind(7, owner);
    insert.bind(8, answer.value(QStringLiteral("issued_at")).toString());
    insert.bindBlob(9, QJsonDocument(answer).toJson(QJsonDocument::Compact));
    if (insert.step() != SQLITE_DONE)
        return failed(QStringLiteral("insert certificate"), insert.error());
    if (!exec(m_db, "COMMIT", &why))
        return failed(QStringLiteral("commit"), why);
    return answer;
}
