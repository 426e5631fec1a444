#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

class Database;

// A working copy of a quarantined store (main file + -wal), so that it can be read without changing the
// quarantined files themselves: sqlite may write to a file it opens (-shm, checkpoints, recovery), and a
// quarantined file is evidence that must stay as it was. The copy lives in a private folder inside the
// data directory (never TMPDIR: it holds residents' data) and is deleted with this object.
// Thread: the caller's.
class QuarantinedCopy
{
public:
    // Copies `quarantinedMain` (and its -wal when present). Null + error when the files cannot be copied.
    static std::unique_ptr<QuarantinedCopy> make(const QString &quarantinedMain, QString *error);
    ~QuarantinedCopy();

    QString dataDir() const { return m_dir.path(); } // holds "cases.sqlite" (+ "-wal")
    QString filePath() const;
    // Opens the copy with the plain Database layer (no migration, no quarantine). Null + error if sqlite
    // refuses it.
    std::unique_ptr<Database> openDatabase(QString *error) const;

private:
    explicit QuarantinedCopy(const QString &parent);
    QTemporaryDir m_dir;
};
