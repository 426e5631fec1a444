#pragma once

#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

// One run of the real kiosk binary on a scenario, offscreen, against a platform: started, then either left
// to finish or SIGKILLed after a delay. What it logged as committed ("case committed <id>", written after
// the store's commit returned and before the resident is told) is collected from its log.
class KioskCrashRun
{
public:
    struct Result
    {
        bool killed = false;   // SIGKILL before the process ended by itself
        bool finished = false; // ended by itself
        int exitCode = -1;
        QSet<QString> committed; // case ids the kiosk logged as committed
        QString log;             // stderr + stdout (no personal data: the kiosk never logs any)
    };

    KioskCrashRun(QString dataDir, QUrl platformUrl, QString scenario, QStringList extraArguments = {});

    // killAfterMs < 0: wait for the end (up to timeoutMs, then kill). killAfterCommitMs >= 0: kill that long
    // after the kiosk logged its first commit (the moments around "saved", the receipt and the upload),
    // or after killAfterMs when no commit came by then. Blocks.
    Result run(int killAfterMs, int timeoutMs = 60000, int killAfterCommitMs = -1) const;

private:
    QString m_dataDir;
    QUrl m_platformUrl;
    QString m_scenario;
    QStringList m_extraArguments;
};

// The case ids in the kiosk's store (and "-1" when it cannot be read): ids are not personal data.
QSet<QString> storeCaseIds(const QString &storePath, QString *error);
// PRAGMA integrity_check of a sqlite file: "ok", or what sqlite found.
QString integrityCheck(const QString &path);
// Every case id at the platform with its row count (a count > 1 cannot happen with a primary key, so the
// duplicate check is "no case the kiosk did not commit"): case_id -> 1.
QSet<QString> platformCaseIds(const QString &platformDb, QString *error);
// Every attachment as "<case id>:<sequence>:<sha256>": in the kiosk's store (plaintext columns; the bytes
// are sealed), and complete at the platform (its `attachments` table, whose bytes match the sha256).
QSet<QString> storeAttachmentKeys(const QString &storePath, QString *error);
QSet<QString> platformAttachmentKeys(const QString &platformDb, QString *error);
// Chunks the platform was sent again for an attachment it already had them for ("duplicate" in its
// chunk_log: a kill between the platform's answer and the kiosk's record of it), -1 if unreadable.
int platformDuplicateChunks(const QString &platformDb);
