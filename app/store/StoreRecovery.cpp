#include "StoreRecovery.h"

#include "CaseStore.h"
#include "KeyProvider.h"
#include "Quarantine.h"
#include "QuarantinedCopy.h"
#include "StoreLog.h"

#include <QFileInfo>

// The quarantined file, opened as a store in its working copy (older versions are migrated there, in the
// copy only).
static std::unique_ptr<CaseStore> openCopy(const QuarantinedCopy &copy, KeyProvider &keys, QString *error)
{
    return CaseStore::open(copy.dataDir(), keys, error);
}

QVector<QuarantinedStoreInfo> inspectQuarantinedStores(const QString &dataDir, KeyProvider &keys,
                                                       const CaseStore *live)
{
    QVector<QuarantinedStoreInfo> result;
    for (const QString &file : CaseStore::quarantinedFiles(dataDir)) {
        QuarantinedStoreInfo info;
        info.file = file;
        info.quarantinedAt = quarantineTime(file);
        info.reason = quarantineReason(file);
        std::unique_ptr<QuarantinedCopy> copy = QuarantinedCopy::make(file, &info.problem);
        std::unique_ptr<CaseStore> store = copy ? openCopy(*copy, keys, &info.problem) : nullptr;
        QStringList ids;
        if (store && store->unsyncedCaseIds(&ids, &info.problem)) {
            info.readable = true;
            info.problem.clear();
            info.unsyncedCases = int(ids.size());
            if (live) {
                info.notRecovered = 0;
                for (const QString &id : ids)
                    info.notRecovered += live->findCase(id) ? 0 : 1;
            }
        }
        result.append(info);
    }
    return result;
}

static QVector<StoredAttachment> asSubmitted(const QVector<AttachmentRecord> &records)
{
    QVector<StoredAttachment> attachments;
    for (const AttachmentRecord &record : records)
        attachments.append({record.name, record.mimeType, record.data, record.kind});
    return attachments;
}

int recoverQuarantinedStore(const QString &quarantinedFile, KeyProvider &keys, CaseStore &live,
                            QString *error)
{
    std::unique_ptr<QuarantinedCopy> copy = QuarantinedCopy::make(quarantinedFile, error);
    std::unique_ptr<CaseStore> source = copy ? openCopy(*copy, keys, error) : nullptr;
    QStringList ids;
    if (!source || !source->unsyncedCaseIds(&ids, error))
        return -1;
    int added = 0;
    for (const QString &id : ids) {
        if (live.findCase(id))
            continue; // recovered before (or never lost): exactly once
        const std::optional<CaseSubmission> submission = source->findCase(id);
        if (!submission) {
            if (error)
                *error = QStringLiteral("%1: case %2 cannot be read; %3 case(s) were recovered before it")
                             .arg(quarantinedFile, id)
                             .arg(added);
            return -1;
        }
        // submitCase builds the same body as the first submit (same id, number, form and attachments), so a
        // platform that already had the case answers 200.
        if (!live.submitCase(*submission, asSubmitted(source->attachments(id)), error))
            return -1;
        const std::optional<RatingRecord> rating = source->rating(id);
        if (rating && !live.addRating(id, *rating, error))
            return -1;
        live.audit(QStringLiteral("case.recovered"), id);
        ++added;
    }
    qCInfo(lcStore).noquote() << "recovered" << added << "case(s) from"
                              << QFileInfo(quarantinedFile).fileName();
    return added;
}
