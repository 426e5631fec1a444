#pragma once

#include "BenchMeasure.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// What one suite measured: its results, the baselines measured in the same run, and ratios of results
// to baselines (median / median), so figures compare across machines.
struct SuiteReport
{
    QString suite;
    QList<BenchResult> results;
    QList<BenchResult> baselines;
    QString error; // set when the suite could not run (its inputs were refused); nothing else is valid

    const BenchResult *find(const QString &name) const; // a result or a baseline
    // Adds ratios[result + " / " + baseline] for every pair given.
    void addRatio(const QString &result, const QString &baseline);
    QList<QPair<QString, double>> ratios;
    // Suite-specific figures that are not timings (counts, rates, nested reports), merged into the root.
    QJsonObject extra;
};

// {"suite", "machine": {"cpu", "cores"}, "qt", "results": [...], "baseline": {name: {...}},
//  "ratios": {"a / b": x}} — see README.md here.
QJsonObject reportJson(const SuiteReport &report);

// "model name" of the first processor in /proc/cpuinfo, or "unknown".
QString cpuModel();
