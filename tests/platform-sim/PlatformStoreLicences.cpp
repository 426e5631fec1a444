// PlatformStore: e-licences (电子证照) held for residents (docs/platform-api.md, "E-licences"), schema
// version 10:
//   licences(licence_id PRIMARY KEY, holder_id_type, holder_id_number, type, name_zh, name_en, issuer,
//            number_masked, valid_until, status)
// Self-contained (CREATE TABLE IF NOT EXISTS): it does not depend on versions 8 and 9 being there.
#include "PlatformStore.h"

#include "SimSqlite.h"

#include <sqlite3.h>

using simsql::Statement;

const char *PlatformStore::licenceSchemaV10()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS licences(
    licence_id       TEXT PRIMARY KEY,
    holder_id_type   TEXT NOT NULL,
    holder_id_number TEXT NOT NULL,
    type             TEXT NOT NULL,
    name_zh          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    issuer           TEXT NOT NULL,
    number_masked    TEXT NOT NULL,
    valid_until      TEXT,
    status           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS licences_holder ON licences(holder_id_type, holder_id_number);
PRAGMA user_version = 10;
)SQL";
}

bool PlatformStore::addLicence(const HeldLicence &l, QString *error)
{
    Statement insert(m_db, "INSERT INTO licences(licence_id, holder_id_type, holder_id_number, type, name_zh, "
                           "name_en, issuer, number_masked, valid_until, status) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULLIF(?9, ''), ?10)");
    insert.bind(1, l.licenceId);
    insert.bind(2, l.holderIdType);
    insert.bind(3, l.holderIdNumber);
    insert.bind(4, l.type);
    insert.bind(5, l.nameZh);
    insert.bind(6, l.nameEn);
    insert.bind(7, l.issuer);
    insert.bind(8, l.numberMasked);
    insert.bind(9, l.validUntil.isNull() ? QStringLiteral("") : l.validUntil);
    insert.bind(10, l.status);
    if (insert.step() == SQLITE_DONE)
        return true;
    *error = QStringLiteral("%1: insert licence: %2").arg(m_filePath, insert.error());
    return false;
}

std::optional<QList<PlatformStore::HeldLicence>> PlatformStore::licencesOf(const QString &idType,
                                                                          const QString &idNumber,
                                                                          QString *error) const
{
    Statement select(m_db, "SELECT licence_id, type, name_zh, name_en, issuer, number_masked, valid_until, status "
                           "FROM licences WHERE holder_id_type = ?1 AND holder_id_number = ?2 ORDER BY licence_id");
    select.bind(1, idType);
    select.bind(2, idNumber);
    QList<HeldLicence> found;
    int rc;
    while ((rc = select.step()) == SQLITE_ROW)
        found.append({select.text(0), idType, idNumber, select.text(1), select.text(2), select.text(3),
                      select.text(4), select.text(5), select.text(6), select.text(7)});
    if (rc != SQLITE_DONE) {
        *error = QStringLiteral("%1: licences: %2").arg(m_filePath, select.error());
        return std::nullopt;
    }
    return found;
}

std::optional<PlatformStore::HeldLicence> PlatformStore::findLicence(const QString &licenceId, QString *error) const
{
    Statement select(m_db, "SELECT holder_id_type, holder_id_number, type, status FROM licences WHERE licence_id = ?1");
    select.bind(1, licenceId);
    const int rc = select.step();
    if (rc == SQLITE_DONE)
        return std::nullopt;
    if (rc != SQLITE_ROW) {
        *error = QStringLiteral("%1: find licence: %2").arg(m_filePath, select.error());
        return std::nullopt;
    }
    HeldLicence l;
    l.licenceId = licenceId;
    l.holderIdType = select.text(0);
    l.holderIdNumber = select.text(1);
    l.type = select.text(2);
    l.status = select.text(3);
    return l;
}
