// PlatformStore: attachments uploaded on their own, in chunks (docs/platform-api.md, "Attachment uploads").
// Every change is one transaction: a chunk is appended, or the attachment completed and checked, or nothing.
#include "PlatformStore.h"

#include "SimSqlite.h"

#include <QCryptographicHash>
#include <QDateTime>

using simsql::exec;
using simsql::Statement;

namespace {

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

PlatformStore::Upload PlatformStore::checkOwner(const QString &caseId, const QString &owner,
                                                QString *error) const
{
    Statement known(m_db, "SELECT owner FROM cases WHERE case_id = ?1");
    known.bind(1, caseId);
    const int rc = known.step();
    if (rc == SQLITE_DONE)
        return Upload::UnknownCase;
    if (rc != SQLITE_ROW) {
        *error = QStringLiteral("%1: find case: %2").arg(m_filePath, known.error());
        return Upload::Failed;
    }
    // Without an identity (plain HTTP) ownership is not enforced, as for cases.
    if (!owner.isEmpty() && !known.text(0).isEmpty() && known.text(0) != owner)
        return Upload::NotOwner;
    return Upload::Accepted; // "the owner may go on"
}

std::optional<PlatformStore::UploadState> PlatformStore::readUpload(const QString &caseId, int sequence,
                                                                    QString *declarationSha,
                                                                    QByteArray *received,
                                                                    QString *error) const
{
    {
        // Complete: in `attachments` (uploaded, or inline in a version-3 case body).
        Statement done(m_db,
                       "SELECT size, sha256, data FROM attachments WHERE case_id = ?1 AND sequence = ?2");
        done.bind(1, caseId);
        done.bind(2, qint64(sequence));
        const int rc = done.step();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            *error = QStringLiteral("%1: read attachment: %2").arg(m_filePath, done.error());
            return std::nullopt;
        }
        Statement upload(
            m_db, "SELECT declaration_sha256 FROM attachment_uploads WHERE case_id = ?1 AND sequence = ?2");
        upload.bind(1, caseId);
        upload.bind(2, qint64(sequence));
        const int urc = upload.step();
        if (urc != SQLITE_ROW && urc != SQLITE_DONE) {
            *error = QStringLiteral("%1: read upload: %2").arg(m_filePath, upload.error());
            return std::nullopt;
        }
        if (declarationSha)
            *declarationSha = urc == SQLITE_ROW ? upload.text(0) : QString();
        if (rc == SQLITE_ROW) {
            if (received)
                *received = done.blob(2);
            return UploadState{done.integer(0), done.integer(0), done.text(1), true};
        }
    }
    Statement s(m_db,
                "SELECT size, sha256, received FROM attachment_uploads WHERE case_id = ?1 AND sequence = ?2");
    s.bind(1, caseId);
    s.bind(2, qint64(sequence));
    const int rc = s.step();
    if (rc == SQLITE_DONE) {
        error->clear();
        return std::nullopt;
    }
    if (rc != SQLITE_ROW) {
        *error = QStringLiteral("%1: read upload: %2").arg(m_filePath, s.error());
        return std::nullopt;
    }
    const QByteArray bytes = s.blob(2);
    if (received)
        *received = bytes;
    return UploadState{bytes.size(), s.integer(0), s.text(1), false};
}

PlatformStore::UploadResult PlatformStore::declareAttachment(const QString &caseId,
                                                             const CaseAttachment &declared, qint64 size,
                                                             const QByteArray &declaration,
                                                             const QString &owner)
{
    UploadResult result;
    const auto finish = [&](Upload outcome, const char *end) {
        exec(m_db, end, nullptr);
        result.outcome = outcome;
        return result;
    };
    if (!exec(m_db, "BEGIN IMMEDIATE", &result.error))
        return result;
    const Upload owned = checkOwner(caseId, owner, &result.error);
    if (owned != Upload::Accepted)
        return finish(owned, "ROLLBACK");
    const QString declarationSha = sha256Hex(declaration);
    QString storedDeclaration;
    const std::optional<UploadState> existing =
        readUpload(caseId, declared.sequence, &storedDeclaration, nullptr, &result.error);
    if (!result.error.isEmpty())
        return finish(Upload::Failed, "ROLLBACK");
    if (existing) {
        result.state = *existing;
        const bool same =
            storedDeclaration.isEmpty()
                ? existing->size == size && existing->sha256 == declared.sha256 // inline: no declaration kept
                : storedDeclaration == declarationSha;
        return finish(same ? Upload::Redeclared : Upload::Conflict, "ROLLBACK");
    }
    Statement insert(
        m_db, "INSERT INTO attachment_uploads(case_id, sequence, declaration_sha256, kind, name, mime_type, "
              "size, sha256, received, declared_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, x'', ?9)");
    insert.bind(1, caseId);
    insert.bind(2, qint64(declared.sequence));
    insert.bind(3, declarationSha);
    insert.bind(4, declared.kind);
    insert.bind(5, declared.name);
    insert.bind(6, declared.mimeType);
    insert.bind(7, size);
    insert.bind(8, declared.sha256);
    insert.bind(9, nowText());
    if (insert.step() != SQLITE_DONE) {
        result.error = QStringLiteral("%1: declare attachment: %2").arg(m_filePath, insert.error());
        return finish(Upload::Failed, "ROLLBACK");
    }
    result.state = UploadState{0, size, declared.sha256, false};
    if (size == 0) { // nothing to send: complete now (the SHA-256 was checked against the empty input)
        Statement add(m_db,
                      "INSERT INTO attachments(case_id, sequence, kind, name, mime_type, size, sha256, data) "
                      "VALUES(?1, ?2, ?3, ?4, ?5, 0, ?6, x'')");
        add.bind(1, caseId);
        add.bind(2, qint64(declared.sequence));
        add.bind(3, declared.kind);
        add.bind(4, declared.name);
        add.bind(5, declared.mimeType);
        add.bind(6, declared.sha256);
        if (add.step() != SQLITE_DONE) {
            result.error = QStringLiteral("%1: complete empty attachment: %2").arg(m_filePath, add.error());
            return finish(Upload::Failed, "ROLLBACK");
        }
        result.state.complete = true;
    }
    if (!exec(m_db, "COMMIT", &result.error))
        return finish(Upload::Failed, "ROLLBACK");
    result.outcome = Upload::Declared;
    return result;
}

PlatformStore::UploadResult PlatformStore::putChunk(const QString &caseId, int sequence, qint64 offset,
                                                    const QByteArray &bytes, const QString &owner)
{
    UploadResult result;
    const auto finish = [&](Upload outcome, const char *end) {
        exec(m_db, end, nullptr);
        result.outcome = outcome;
        return result;
    };
    if (!exec(m_db, "BEGIN IMMEDIATE", &result.error))
        return result;
    const Upload owned = checkOwner(caseId, owner, &result.error);
    if (owned != Upload::Accepted)
        return finish(owned, "ROLLBACK");
    QByteArray received;
    const std::optional<UploadState> state = readUpload(caseId, sequence, nullptr, &received, &result.error);
    if (!result.error.isEmpty())
        return finish(Upload::Failed, "ROLLBACK");
    if (!state)
        return finish(Upload::NotDeclared, "ROLLBACK");
    result.state = *state;
    if (offset + bytes.size() > state->size)
        return finish(Upload::TooLong, "ROLLBACK");
    if (state->complete || offset < state->offset) {
        // A retry of bytes the platform has: the same bytes are a duplicate; anything else is answered with
        // the offset the platform has.
        const bool contained = offset + bytes.size() <= state->offset;
        const bool same = contained && received.mid(offset, bytes.size()) == bytes;
        return finish(same ? Upload::Duplicate : Upload::OffsetMismatch, "ROLLBACK");
    }
    if (offset != state->offset)
        return finish(Upload::OffsetMismatch, "ROLLBACK");
    received += bytes;
    if (received.size() < state->size) {
        Statement append(m_db,
                         "UPDATE attachment_uploads SET received = ?3 WHERE case_id = ?1 AND sequence = ?2");
        append.bind(1, caseId);
        append.bind(2, qint64(sequence));
        append.bindBlob(3, received);
        if (append.step() != SQLITE_DONE) {
            result.error = QStringLiteral("%1: append chunk: %2").arg(m_filePath, append.error());
            return finish(Upload::Failed, "ROLLBACK");
        }
        result.state.offset = received.size();
        if (!exec(m_db, "COMMIT", &result.error))
            return finish(Upload::Failed, "ROLLBACK");
        result.outcome = Upload::Accepted;
        return result;
    }
    // Complete: the whole file must have the declared SHA-256, or every byte is dropped and the upload
    // starts again from 0.
    if (sha256Hex(received) != state->sha256) {
        Statement reset(m_db,
                        "UPDATE attachment_uploads SET received = x'' WHERE case_id = ?1 AND sequence = ?2");
        reset.bind(1, caseId);
        reset.bind(2, qint64(sequence));
        if (reset.step() != SQLITE_DONE || !exec(m_db, "COMMIT", &result.error)) {
            result.error = QStringLiteral("%1: reset upload: %2").arg(m_filePath, reset.error());
            return finish(Upload::Failed, "ROLLBACK");
        }
        result.state.offset = 0;
        result.outcome = Upload::DigestMismatch;
        return result;
    }
    Statement add(m_db,
                  "INSERT INTO attachments(case_id, sequence, kind, name, mime_type, size, sha256, data) "
                  "SELECT case_id, sequence, kind, name, mime_type, size, sha256, ?3 FROM attachment_uploads "
                  "WHERE case_id = ?1 AND sequence = ?2");
    add.bind(1, caseId);
    add.bind(2, qint64(sequence));
    add.bindBlob(3, received);
    Statement done(m_db,
                   "UPDATE attachment_uploads SET received = x'', completed_at = ?3 WHERE case_id = ?1 AND "
                   "sequence = ?2");
    done.bind(1, caseId);
    done.bind(2, qint64(sequence));
    done.bind(3, nowText());
    if (add.step() != SQLITE_DONE || done.step() != SQLITE_DONE) {
        result.error = QStringLiteral("%1: complete attachment: %2").arg(m_filePath, add.error());
        return finish(Upload::Failed, "ROLLBACK");
    }
    if (!exec(m_db, "COMMIT", &result.error))
        return finish(Upload::Failed, "ROLLBACK");
    result.state.offset = received.size();
    result.state.complete = true;
    result.outcome = Upload::Accepted;
    return result;
}

PlatformStore::UploadResult PlatformStore::uploadState(const QString &caseId, int sequence,
                                                       const QString &owner)
{
    UploadResult result;
    result.outcome = checkOwner(caseId, owner, &result.error);
    if (result.outcome != Upload::Accepted)
        return result;
    const std::optional<UploadState> state = readUpload(caseId, sequence, nullptr, nullptr, &result.error);
    if (!result.error.isEmpty()) {
        result.outcome = Upload::Failed;
        return result;
    }
    if (!state) {
        result.outcome = Upload::NotDeclared;
        return result;
    }
    result.state = *state;
    result.outcome = Upload::Redeclared;
    return result;
}

void PlatformStore::logChunk(const QString &caseId, int sequence, qint64 offset, qint64 length,
                             const QString &outcome)
{
    Statement s(m_db, "INSERT INTO chunk_log(case_id, sequence, offset, length, outcome, at) VALUES(?1, ?2, "
                      "?3, ?4, ?5, ?6)");
    s.bind(1, caseId);
    s.bind(2, qint64(sequence));
    s.bind(3, offset);
    s.bind(4, length);
    s.bind(5, outcome);
    s.bind(6, nowText());
    s.step();
}
