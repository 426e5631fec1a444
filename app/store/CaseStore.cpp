// CaseStore: case numbers, cases, ratings and the audit log. Opening is in CaseStoreOpen.cpp, the outbox
// in CaseStoreOutbox.cpp.
#include "CaseStore.h"

#include "ApplicantIndex.h"

#include "AuditLog.h"
#include "Database.h"
#include "FieldCipher.h"
#include "OutboxBodies.h"
#include "OutboxRows.h"
#include "StoreLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QStringList>
#include <QUuid>

// "<file>: <place>: <what is wrong>" for checks made before sqlite is asked.
static bool invalid(const Database &db, const char *place, const QString &what, QString *error)
{
    if (error)
        *error = QStringLiteral("%1: %2: %3").arg(db.filePath(), QString::fromUtf8(place), what);
    return false;
}

QByteArray CaseStore::seal(const char *tableColumn, const QString &row, const QByteArray &plain) const
{
    return m_cipher->seal(plain, FieldCipher::associatedData(tableColumn, row));
}

std::optional<QByteArray> CaseStore::unseal(const char *tableColumn, const QString &row,
                                            const QByteArray &sealed, QString *error) const
{
    std::optional<QByteArray> plain = m_cipher->open(sealed, FieldCipher::associatedData(tableColumn, row));
    if (!plain && error)
        *error = QStringLiteral(
                     "%1: %2 of %3 cannot be decrypted with the store key (damaged, or moved from another "
                     "row)")
                     .arg(m_db->filePath(), QString::fromUtf8(tableColumn), row);
    return plain;
}

QString CaseStore::nextCaseNumber(const QString &centerId, const QString &kioskId, const QDate &localDate,
                                  QString *error)
{
    if (centerId.isEmpty()) {
        invalid(*m_db, "next case number", QStringLiteral("the center id is empty"), error);
        return QString();
    }
    static const QRegularExpression kioskIdPattern(QStringLiteral("^[A-Z0-9]{2,12}$"));
    if (!kioskIdPattern.match(kioskId).hasMatch()) {
        invalid(
            *m_db, "next case number",
            QStringLiteral("the kiosk id \"%1\" is not 2 to 12 upper-case letters and digits").arg(kioskId),
            error);
        return QString();
    }
    if (!localDate.isValid()) {
        invalid(*m_db, "next case number", QStringLiteral("the date is invalid"), error);
        return QString();
    }
    const QString day = localDate.toString(QStringLiteral("yyyyMMdd"));
    std::optional<Transaction> transaction = m_db->begin("next case number", error);
    if (!transaction)
        return QString();
    {
        std::optional<Statement> advance =
            m_db->prepare("INSERT INTO case_number_seq (center_id, day, last_seq) VALUES (?1, ?2, 1) "
                          "ON CONFLICT (center_id, day) DO UPDATE SET last_seq = last_seq + 1",
                          "advance case number", error);
        if (!advance || !advance->bind(1, centerId).bind(2, day).run(error))
            return QString();
    }
    qint64 seq = 0;
    {
        std::optional<Statement> read =
            m_db->prepare("SELECT last_seq FROM case_number_seq WHERE center_id = ?1 AND day = ?2",
                          "read case number", error);
        if (!read)
            return QString();
        switch (read->bind(1, centerId).bind(2, day).step(error)) {
        case Statement::Step::Row:
            seq = read->integer(0);
            break;
        case Statement::Step::Done: // cannot happen right after the upsert, but say so if it does
            invalid(*m_db, "next case number", QStringLiteral("the counter row vanished"), error);
            return QString();
        case Statement::Step::Failed:
            return QString();
        }
    }
    if (!transaction->commit(error))
        return QString();
    return QStringLiteral("%1-%2-%3-%4-%5")
        .arg(centerId, kioskId, day, m_epoch)
        .arg(seq, 4, 10, QLatin1Char('0'));
}

static bool validateSubmission(const Database &db, const CaseSubmission &submission,
                               const QVector<StoredAttachment> &attachments, QString *error)
{
    const char *place = "submit case";
    if (submission.id.isEmpty())
        return invalid(db, place, QStringLiteral("the case id is empty"), error);
    const QString which = QStringLiteral("case %1: ").arg(submission.id);
    if (submission.caseNumber.isEmpty())
        return invalid(db, place, which + QStringLiteral("the case number is empty"), error);
    if (submission.serviceId.isEmpty())
        return invalid(db, place, which + QStringLiteral("the service id is empty"), error);
    if (submission.centerId.isEmpty())
        return invalid(db, place, which + QStringLiteral("the center id is empty"), error);
    if (!submission.submittedAt.isValid())
        return invalid(db, place, which + QStringLiteral("the submission time is invalid"), error);
    if (submission.language.isEmpty())
        return invalid(db, place, which + QStringLiteral("the language is empty"), error);
    static const QStringList kinds{QStringLiteral("page"), QStringLiteral("photo"), QStringLiteral("pdf")};
    for (int i = 0; i < attachments.size(); ++i) {
        if (attachments[i].name.isEmpty() || attachments[i].mimeType.isEmpty())
            return invalid(db, place, which + QStringLiteral("attachment %1 has no name or MIME type").arg(i),
                           error);
        if (!kinds.contains(attachmentKind(attachments[i])))
            return invalid(db, place,
                           which + QStringLiteral("attachment %1 has kind \"%2\", not page, photo or pdf")
                                       .arg(i)
                                       .arg(attachments[i].kind),
                           error);
    }
    return true;
}

bool CaseStore::submitCase(const CaseSubmission &submission, const QVector<StoredAttachment> &attachments,
                           QString *error)
{
    if (!validateSubmission(*m_db, submission, attachments, error))
        return false;
    const QString now = storedTime(QDateTime::currentDateTimeUtc());
    std::optional<Transaction> transaction = m_db->begin("submit case", error);
    if (!transaction)
        return false;
    {
        std::optional<Statement> insert = m_db->prepare(
            "INSERT INTO cases (id, case_number, service_id, center_id, submitted_at, language, form_json, "
            "created_at, licences_sealed, applicant_index) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            "insert case row", error);
        if (!insert)
            return false;
        insert->bind(1, submission.id)
            .bind(2, submission.caseNumber)
            .bind(3, submission.serviceId)
            .bind(4, submission.centerId)
            .bind(5, storedTime(submission.submittedAt))
            .bind(6, submission.language)
            .bindBlob(7, seal("cases.form_json", submission.id,
                              QJsonDocument(submission.form).toJson(QJsonDocument::Compact)))
            .bind(8, now);
        // The picked e-licences (schema 9): {"ids": [...], "id_type", "id_number"} sealed like the form; NULL
        // when none were picked.
        if (submission.licenceIds.isEmpty())
            insert->bindNull(9);
        else
            insert->bindBlob(9, seal("cases.licences_sealed", submission.id,
                                     QJsonDocument(QJsonObject{{QStringLiteral("ids"),
                                                                QJsonArray::fromStringList(submission.licenceIds)},
                                                               {QStringLiteral("id_type"), submission.licenceHolderIdType},
                                                               {QStringLiteral("id_number"), submission.licenceHolderIdNumber}})
                                         .toJson(QJsonDocument::Compact)));
        const QByteArray applicant =
            ApplicantIndex::of(*m_cipher, ApplicantIndex::idNumberOf(submission.form));
        if (applicant.isEmpty())
            insert->bindNull(10);
        else
            insert->bindBlob(10, applicant);
        if (!insert->run(error))
            return false;
    }
    for (int i = 0; i < attachments.size(); ++i) {
        const StoredAttachment &attachment = attachments[i];
        std::optional<Statement> insert =
            m_db->prepare("INSERT INTO attachments (case_id, sequence, kind, name, mime_type, data, sha256) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          "insert attachment", error);
        if (!insert)
            return false;
        insert->bind(1, submission.id).bind(2, i + 1).bind(3, attachmentKind(attachment));
        insert->bind(4, attachment.name)
            .bind(5, attachment.mimeType)
            .bind(7, attachmentSha256(attachment.data));
        const QString row = submission.id + QLatin1Char('|') + QString::number(i + 1);
        if (!insert->bindBlob(6, seal("attachments.data", row, attachment.data)).run(error))
            return false;
    }
    // The case first, then one item per attachment (each uploaded on its own, in chunks, after the case is
    // acknowledged): no bytes in the outbox, they are read from the attachment rows when sent.
    if (!enqueueOutboxItem(*m_db, *m_cipher, QStringLiteral("case"), submission.id, submission.id,
                           caseSubmissionBody(submission), now, error))
        return false;
    for (int i = 0; i < attachments.size(); ++i) {
        if (!enqueueOutboxItem(*m_db, *m_cipher, QStringLiteral("attachment"), submission.id, submission.id,
                               attachmentOutboxBody(submission.id, i + 1, attachments[i]), now, error))
            return false;
    }
    if (!appendAuditEntry(*m_db, QStringLiteral("case.submitted"), submission.id, error) ||
        !transaction->commit(error))
        return false;
    qCInfo(lcStore) << "case submitted:" << submission.id;
    return true;
}

bool CaseStore::addRating(const QString &caseId, int level, const QString &comment, QString *error)
{
    RatingRecord rating;
    rating.level = level;
    rating.comment = comment;
    return addRating(caseId, rating, error);
}

static bool validIndicators(const QStringList &indicators, QString *problem)
{
    static const QRegularExpression id(QStringLiteral("^[a-z_]{1,40}$"));
    if (indicators.size() > 10) {
        *problem = QStringLiteral("%1 indicators (at most 10)").arg(indicators.size());
        return false;
    }
    for (int i = 0; i < indicators.size(); ++i) {
        if (!id.match(indicators.at(i)).hasMatch() || indicators.indexOf(indicators.at(i)) != i) {
            *problem = QStringLiteral("indicator %1 is not an id or is repeated").arg(i + 1);
            return false;
        }
    }
    return true;
}

bool CaseStore::addRating(const QString &caseId, const RatingRecord &rating, QString *error)
{
    const QString key = rating.idempotencyKey.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                                       : rating.idempotencyKey;
    const QDateTime ratedAt = rating.ratedAt.isValid() ? rating.ratedAt : QDateTime::currentDateTimeUtc();
    const int level = rating.level;
    QString problem;
    if (caseId.isEmpty())
        return invalid(*m_db, "add rating", QStringLiteral("the case id is empty"), error);
    if (level < 1 || level > 5)
        return invalid(*m_db, "add rating",
                       QStringLiteral("case %1: level %2 is outside 1..5").arg(caseId).arg(level), error);
    if (!validIndicators(rating.indicators, &problem))
        return invalid(*m_db, "add rating", QStringLiteral("case %1: %2").arg(caseId, problem), error);
    std::optional<Transaction> transaction = m_db->begin("add rating", error);
    if (!transaction)
        return false;
    {
        std::optional<Statement> exists =
            m_db->prepare("SELECT 1 FROM cases WHERE id = ?1", "look up rated case", error);
        if (!exists)
            return false;
        switch (exists->bind(1, caseId).step(error)) {
        case Statement::Step::Row:
            break;
        case Statement::Step::Done:
            return invalid(*m_db, "add rating", QStringLiteral("no case %1").arg(caseId), error);
        case Statement::Step::Failed:
            return false;
        }
    }
    {
        std::optional<Statement> insert =
            m_db->prepare("INSERT INTO ratings (case_id, level, comment, created_at, indicators) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                          "insert rating", error);
        if (!insert || !insert->bind(1, caseId)
                            .bind(2, level)
                            .bindBlob(3, seal("ratings.comment", caseId, rating.comment.toUtf8()))
                            .bind(4, storedTime(ratedAt))
                            .bind(5, rating.indicators.join(QLatin1Char(',')))
                            .run(error))
            return false;
    }
    if (!enqueueOutboxItem(*m_db, *m_cipher, QStringLiteral("rating"), caseId, key,
                           ratingOutboxBody(caseId, level, rating.indicators, rating.comment, ratedAt),
                           storedTime(ratedAt), error))
        return false;
    if (!appendAuditEntry(*m_db, QStringLiteral("rating.added"), caseId, error) ||
        !transaction->commit(error))
        return false;
    qCInfo(lcStore) << "rating added for case" << caseId;
    return true;
}

std::optional<CaseSubmission> CaseStore::findCase(const QString &caseId) const
{
    QString error;
    std::optional<Statement> select = m_db->prepare(
        "SELECT case_number, service_id, center_id, submitted_at, language, form_json, purged_at, "
        "licences_sealed FROM cases WHERE id = ?1",
        "find case", &error);
    if (!select) {
        qCWarning(lcStore).noquote() << error;
        return std::nullopt;
    }
    switch (select->bind(1, caseId).step(&error)) {
    case Statement::Step::Row:
        break;
    case Statement::Step::Done:
        return std::nullopt;
    case Statement::Step::Failed:
        qCWarning(lcStore).noquote() << error;
        return std::nullopt;
    }
    const QDateTime purgedAt = parseStoredTime(select->text(6));
    const std::optional<QByteArray> formJson =
        purgedAt.isValid() ? QByteArray() : unseal("cases.form_json", caseId, select->blob(5), &error);
    if (!formJson) {
        qCWarning(lcStore).noquote() << error;
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument form =
        formJson->isEmpty() ? QJsonDocument(QJsonObject()) : QJsonDocument::fromJson(*formJson, &parseError);
    if (!form.isObject()) {
        // The offset only: the text itself is personal data.
        qCWarning(lcStore).noquote() << QStringLiteral(
                                            "%1: find case %2: stored form is not a JSON object (%3 at %4)")
                                            .arg(m_db->filePath(), caseId, parseError.errorString())
                                            .arg(parseError.offset);
        return std::nullopt;
    }
    QJsonObject licences;
    if (!purgedAt.isValid() && !select->isNull(7)) {
        const std::optional<QByteArray> sealed = unseal("cases.licences_sealed", caseId, select->blob(7), &error);
        if (!sealed) {
            qCWarning(lcStore).noquote() << error;
            return std::nullopt;
        }
        licences = QJsonDocument::fromJson(*sealed).object();
    }
    CaseSubmission found;
    found.id = caseId;
    for (const QJsonValue &id : licences.value(QStringLiteral("ids")).toArray())
        found.licenceIds.append(id.toString());
    found.licenceHolderIdType = licences.value(QStringLiteral("id_type")).toString();
    found.licenceHolderIdNumber = licences.value(QStringLiteral("id_number")).toString();
    found.caseNumber = select->text(0);
    found.serviceId = select->text(1);
    found.centerId = select->text(2);
    found.submittedAt = parseStoredTime(select->text(3));
    found.language = select->text(4);
    found.form = form.object();
    found.purgedAt = purgedAt;
    return found;
}

QVector<AttachmentRecord> CaseStore::attachments(const QString &caseId) const
{
    QString error;
    std::optional<Statement> select = m_db->prepare(
        "SELECT sequence, kind, name, mime_type, data, sha256 FROM attachments WHERE case_id = ?1 "
        "ORDER BY sequence",
        "read attachments", &error);
    if (!select) {
        qCWarning(lcStore).noquote() << error;
        return {};
    }
    select->bind(1, caseId);
    QVector<AttachmentRecord> found;
    Statement::Step step;
    while ((step = select->step(&error)) == Statement::Step::Row) {
        const int sequence = int(select->integer(0));
        const std::optional<QByteArray> data =
            unseal("attachments.data", caseId + QLatin1Char('|') + QString::number(sequence), select->blob(4),
                   &error);
        if (!data) {
            qCWarning(lcStore).noquote() << error;
            return {};
        }
        found.append({sequence, select->text(1), select->text(2), select->text(3), *data, select->text(5)});
    }
    if (step == Statement::Step::Failed) {
        qCWarning(lcStore).noquote() << error;
        return {};
    }
    return found;
}

SyncState CaseStore::caseSyncState(const QString &caseId) const
{
    QString error;
    std::optional<Statement> select = m_db->prepare(
        "SELECT state FROM outbox WHERE kind = 'case' AND ref_id = ?1 ORDER BY seq DESC LIMIT 1",
        "read case sync state", &error);
    if (!select) {
        qCWarning(lcStore).noquote() << error;
        return SyncState::Unknown;
    }
    switch (select->bind(1, caseId).step(&error)) {
    case Statement::Step::Row:
        break;
    case Statement::Step::Done:
        return SyncState::Unknown;
    case Statement::Step::Failed:
        qCWarning(lcStore).noquote() << error;
        return SyncState::Unknown;
    }
    const QString state = select->text(0);
    if (state == QLatin1String("synced"))
        return SyncState::Synced;
    if (state == QLatin1String("parked"))
        return SyncState::Parked;
    return SyncState::Pending;
}

bool CaseStore::audit(const QString &event, const QString &detail, QString *error)
{
    if (event.isEmpty())
        return invalid(*m_db, "audit", QStringLiteral("the event is empty"), error);
    return appendAuditEntry(*m_db, event, detail, error);
}

int CaseStore::auditCount() const
{
    QString error;
    const std::optional<qint64> count =
        m_db->queryInteger("SELECT count(*) FROM audit_log", "count audit entries", &error);
    if (!count) {
        qCWarning(lcStore).noquote() << error;
        return -1;
    }
    return int(*count);
}
