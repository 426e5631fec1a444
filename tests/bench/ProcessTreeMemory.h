#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QtGlobal>

// The memory of a process and all its descendants (a browser and its zygotes, renderers, GPU and utility
// processes), read from /proc: RSS and PSS (/proc/PID/smaps_rollup; RSS from /proc/PID/status where the
// rollup cannot be read) summed over the tree. RSS counts shared pages once per process; PSS shares them
// out, so the PSS sum is what the tree costs the machine. Linux only. Thread: any.
struct ProcessTreeMemory
{
    qint64 rssKb = 0;
    qint64 pssKb = -1; // -1: smaps_rollup unreadable for some process
    int processes = 0;
    // Per process, largest RSS first: {"name" (/proc/PID/comm), "rss_mb", "pss_mb"}.
    QJsonArray byProcess;

    static ProcessTreeMemory of(qint64 rootPid);
    // The root and every descendant alive now (parents before children).
    static QList<qint64> treeOf(qint64 rootPid);
    // {"rss_mb", "pss_mb", "processes"}, and "by_process" when withProcesses.
    QJsonObject json(bool withProcesses = false) const;
};
