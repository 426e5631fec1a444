#include "BenchReport.h"

#include <QFile>
#include <QJsonArray>
#include <QThread>

namespace {
QJsonObject resultJson(const BenchResult &r, bool withName)
{
    QJsonObject o;
    if (withName)
        o.insert(QStringLiteral("name"), r.name);
    o.insert(QStringLiteral("median_us"), r.medianUs);
    o.insert(QStringLiteral("p90_us"), r.p90Us);
    o.insert(QStringLiteral("runs"), r.runs);
    o.insert(QStringLiteral("iterations_per_run"), r.iterations);
    if (r.bytes >= 0)
        o.insert(QStringLiteral("bytes"), r.bytes);
    return o;
}
} // namespace

const BenchResult *SuiteReport::find(const QString &name) const
{
    for (const BenchResult &r : results)
        if (r.name == name)
            return &r;
    for (const BenchResult &r : baselines)
        if (r.name == name)
            return &r;
    return nullptr;
}

void SuiteReport::addRatio(const QString &result, const QString &baseline)
{
    const BenchResult *a = find(result);
    const BenchResult *b = find(baseline);
    if (!a || !b || b->medianUs <= 0)
        return;
    ratios.append({result + QStringLiteral(" / ") + baseline, a->medianUs / b->medianUs});
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                const int colon = line.indexOf(':');
                if (colon >= 0)
                    return QString::fromUtf8(line.mid(colon + 1).trimmed());
            }
        }
    }
    return QStringLiteral("unknown");
}

QJsonObject reportJson(const SuiteReport &report)
{
    QJsonObject root;
    root.insert(QStringLiteral("suite"), report.suite);
    root.insert(QStringLiteral("machine"), QJsonObject{
        {QStringLiteral("cpu"), cpuModel()},
        {QStringLiteral("cores"), QThread::idealThreadCount()},
    });
    root.insert(QStringLiteral("qt"), QString::fromLatin1(qVersion()));
    if (!report.error.isEmpty())
        root.insert(QStringLiteral("error"), report.error);

    QJsonArray results;
    for (const BenchResult &r : report.results)
        results.append(resultJson(r, true));
    root.insert(QStringLiteral("results"), results);

    QJsonObject baseline;
    for (const BenchResult &r : report.baselines)
        baseline.insert(r.name, resultJson(r, false));
    root.insert(QStringLiteral("baseline"), baseline);

    QJsonObject ratios;
    for (const auto &[name, value] : report.ratios)
        ratios.insert(name, value);
    root.insert(QStringLiteral("ratios"), ratios);
    for (auto it = report.extra.begin(); it != report.extra.end(); ++it)
        if (!root.contains(it.key()))
            root.insert(it.key(), it.value());
    return root;
}
