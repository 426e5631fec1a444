#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// A database file that looks damaged may still hold the only copy of unsynced cases, so it is never
// deleted or overwritten: it is moved aside, with its -wal and -shm companions, to
//   <path>.quarantine-<yyyyMMddTHHmmssZ>        (plus "-wal" / "-shm", the names sqlite itself pairs)
// and a "-2", "-3", ... suffix before those if that name is taken. The caller must have closed the file.

// What is wrong with the file and its companions as far as can be seen without sqlite, or an empty string.
// Such files must not be given to sqlite, which "repairs" them by throwing data away: it deletes a -wal
// next to an empty database file and truncates a -wal next to a file that is not a database.
QString damageVisibleBeforeOpening(const QString &path);

// Moves whichever of the file, -wal and -shm exist. Returns the new path of the main file, or an empty
// string and *error naming what could not be moved.
QString quarantineDatabaseFile(const QString &path, const QDateTime &nowUtc, QString *error);

// The quarantined copies of `path` that are still next to it, as main-file names (the -wal / -shm go with
// them, and may be all there is), sorted by name, which is oldest first.
QStringList quarantinedDatabaseFiles(const QString &path);

// Why a file was quarantined, kept next to it as "<quarantined file>-reason" (0600; what was wrong with the
// file, never personal data), so that staff are told (technician view, kioskctl store list). A file
// quarantined before the reason was kept has none: quarantineReason is then empty.
bool writeQuarantineReason(const QString &quarantinedFile, const QString &reason, QString *error);
QString quarantineReason(const QString &quarantinedFile);
// When it was quarantined (UTC), from its name; invalid if the name has no time.
QDateTime quarantineTime(const QString &quarantinedFile);
