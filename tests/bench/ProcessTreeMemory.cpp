#include "ProcessTreeMemory.h"

#include <QDir>
#include <QFile>
#include <QHash>

#include <algorithm>

namespace {

// The parent of pid from /proc/PID/stat ("pid (comm) state ppid ..."; comm may hold spaces and ')').
qint64 parentOf(const QString &pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const int close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : -1;
}

// The value in kB of a "Name:   1234 kB" line of a /proc file, or -1.
qint64 kbField(const QString &path, const QByteArray &name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith(name + ':'))
            return line.mid(name.size() + 1).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

double mb(qint64 kb)
{
    return double(qRound(double(kb) / 1024.0 * 10.0)) / 10.0;
}

} // namespace

QList<qint64> ProcessTreeMemory::treeOf(qint64 rootPid)
{
    QHash<qint64, QList<qint64>> children;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        bool ok = false;
        const qint64 id = pid.toLongLong(&ok);
        if (ok)
            children[parentOf(pid)].append(id);
    }
    QList<qint64> tree;
    if (QFile::exists(QStringLiteral("/proc/%1").arg(rootPid)))
        tree.append(rootPid);
    for (int i = 0; i < tree.size(); ++i)
        tree.append(children.value(tree.at(i)));
    return tree;
}

ProcessTreeMemory ProcessTreeMemory::of(qint64 rootPid)
{
    ProcessTreeMemory memory;
    memory.pssKb = 0;
    QJsonArray byProcess;
    for (const qint64 pid : treeOf(rootPid)) {
        const QString rollup = QStringLiteral("/proc/%1/smaps_rollup").arg(pid);
        qint64 rss = kbField(rollup, "Rss");
        const qint64 pss = kbField(rollup, "Pss");
        if (rss < 0)
            rss = kbField(QStringLiteral("/proc/%1/status").arg(pid), "VmRSS");
        if (rss < 0)
            continue; // ended meanwhile, or a kernel thread
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        const QString name =
            comm.open(QIODevice::ReadOnly) ? QString::fromUtf8(comm.readAll().trimmed()) : QString();
        QJsonObject one{{QStringLiteral("name"), name}, {QStringLiteral("rss_mb"), mb(rss)}};
        if (pss >= 0)
            one.insert(QStringLiteral("pss_mb"), mb(pss));
        byProcess.append(one);
        memory.rssKb += rss;
        memory.pssKb = (pss < 0 || memory.pssKb < 0) ? -1 : memory.pssKb + pss;
        ++memory.processes;
    }
    QList<QJsonValue> sorted(byProcess.begin(), byProcess.end());
    std::sort(sorted.begin(), sorted.end(), [](const QJsonValue &a, const QJsonValue &b) {
        return a[QStringLiteral("rss_mb")].toDouble() > b[QStringLiteral("rss_mb")].toDouble();
    });
    for (const QJsonValue &v : sorted)
        memory.byProcess.append(v);
    return memory;
}

QJsonObject ProcessTreeMemory::json(bool withProcesses) const
{
    QJsonObject o{{QStringLiteral("rss_mb"), mb(rssKb)}, {QStringLiteral("processes"), processes}};
    if (pssKb >= 0)
        o.insert(QStringLiteral("pss_mb"), mb(pssKb));
    if (withProcesses)
        o.insert(QStringLiteral("by_process"), byProcess);
    return o;
}
