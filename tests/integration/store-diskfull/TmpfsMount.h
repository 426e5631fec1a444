#pragma once

#include <QString>

// A small tmpfs mounted for one test (mount -t tmpfs -o size=...), unmounted when it goes out of scope, and
// a filler file that takes all of its free space. Mounting needs root: without it mount() fails with a
// message saying so (the disk-full tests fail then, they do not skip).
class TmpfsMount
{
public:
    explicit TmpfsMount(QString mountPoint) : m_mountPoint(std::move(mountPoint)) {}
    ~TmpfsMount();
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;

    // size as mount(8) takes it: "4m".
    bool mount(const QString &size, QString *error);
    QString path() const { return m_mountPoint; }

    // Writes <mount>/filler until the file system says ENOSPC; false + error if it never does.
    bool fill(QString *error);
    // Removes the filler: the space returns.
    bool freeSpace(QString *error);
    // Free bytes as statvfs reports them (-1 on error).
    qint64 freeBytes() const;

private:
    QString m_mountPoint;
    bool m_mounted = false;
};
