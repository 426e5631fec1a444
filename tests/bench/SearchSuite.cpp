#include "SearchSuite.h"

#include "CatalogLoader.h"
#include "ServiceSearchIndex.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

namespace {

constexpr int kServices = 3000;
constexpr double kGoalMs = 50;

struct Query
{
    const char *kind;
    QString text;
};

// 3,000 services: every shipped service in every district, then with suffixes, the way a city-wide list
// repeats the same items per district and variant.
QVector<ServiceSearchIndex::Document> synthesise(const QVector<ServiceSearchIndex::Document> &base)
{
    static const QStringList districts{
        QStringLiteral("黄浦"), QStringLiteral("徐汇"), QStringLiteral("长宁"),   QStringLiteral("静安"),
        QStringLiteral("普陀"), QStringLiteral("虹口"), QStringLiteral("杨浦"),   QStringLiteral("闵行"),
        QStringLiteral("宝山"), QStringLiteral("嘉定"), QStringLiteral("浦东新"), QStringLiteral("金山"),
        QStringLiteral("松江"), QStringLiteral("青浦"), QStringLiteral("奉贤"),   QStringLiteral("崇明")};
    static const QStringList suffixes{QString(),
                                      QStringLiteral("（变更）"),
                                      QStringLiteral("（注销）"),
                                      QStringLiteral("（补办）"),
                                      QStringLiteral("（延续）"),
                                      QStringLiteral("咨询")};
    QVector<ServiceSearchIndex::Document> out;
    out.reserve(kServices);
    for (int i = 0; i < kServices; ++i) {
        ServiceSearchIndex::Document d = base.at(i % base.size());
        const int variant = i / int(base.size());
        const QString district = districts.at(variant % districts.size());
        const QString suffix = suffixes.at((variant / districts.size()) % suffixes.size());
        d.nameZh = district + QStringLiteral("区") + d.nameZh + suffix;
        d.nameEn = d.nameEn + QStringLiteral(" (%1)").arg(variant);
        out.append(d);
    }
    return out;
}

// The baseline: what a first version would do, a case-insensitive substring test over both names.
int naiveSearch(const QVector<ServiceSearchIndex::Document> &documents, const QString &query,
                QVector<int> *hits)
{
    hits->clear();
    for (int i = 0; i < documents.size(); ++i)
        if (documents.at(i).nameZh.contains(query, Qt::CaseInsensitive) ||
            documents.at(i).nameEn.contains(query, Qt::CaseInsensitive))
            hits->append(i);
    return int(hits->size());
}

// Times `samples` single calls of op; returns the per-call times in microseconds, sorted.
double threadCpuUs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e6 + double(t.tv_nsec) / 1e3;
}

// Times `samples` single calls of op; returns the per-call wall-clock times in microseconds, and in *cpuUs
// the CPU time of this thread per call (what the search costs, whatever else the machine is doing).
template <typename Op> std::vector<double> timeCalls(int samples, Op &&op, std::vector<double> *cpuUs)
{
    using Clock = std::chrono::steady_clock;
    for (int i = 0; i < 3; ++i)
        op(); // warm-up
    std::vector<double> us;
    us.reserve(size_t(samples));
    cpuUs->clear();
    for (int i = 0; i < samples; ++i) {
        const double cpuStart = threadCpuUs();
        const auto start = Clock::now();
        op();
        us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        cpuUs->push_back(threadCpuUs() - cpuStart);
    }
    return us;
}

// p-quantile (nearest rank) of microsecond samples, in milliseconds.
double quantileMs(std::vector<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    const size_t r = size_t(std::ceil(p * double(samples.size())));
    return samples.at(std::min(std::max<size_t>(r, 1), samples.size()) - 1) / 1000.0;
}

constexpr int kCallsPerRun = 10;

// `samples` single-call times (microseconds) -> a BenchResult of config.runs runs of kCallsPerRun calls each
// (per-call mean of each group, as benchMeasure reports), and the p50 / p99 of the single calls.
BenchResult summarise(const QString &name, const std::vector<double> &samples, qint64 bytes, double *p50Ms,
                      double *p99Ms)
{
    std::vector<double> runs;
    for (size_t i = 0; i + kCallsPerRun <= samples.size(); i += kCallsPerRun) {
        double sum = 0;
        for (size_t j = i; j < i + kCallsPerRun; ++j)
            sum += samples.at(j);
        runs.push_back(sum / kCallsPerRun);
    }
    BenchResult result;
    result.name = name;
    result.runs = int(runs.size());
    result.iterations = kCallsPerRun;
    result.bytes = bytes;
    benchSummarise(runs, &result);
    std::vector<double> sorted = samples;
    std::sort(sorted.begin(), sorted.end());
    auto rank = [&sorted](double p) {
        const size_t r = size_t(std::ceil(p * double(sorted.size())));
        return sorted.at(std::min(std::max<size_t>(r, 1), sorted.size()) - 1) / 1000.0;
    };
    *p50Ms = rank(0.50);
    *p99Ms = rank(0.99);
    return result;
}

} // namespace

SuiteReport runSearchSuite(const BenchConfig &config)
{
    SuiteReport report;
    report.suite = QStringLiteral("search");
    const QString path = qEnvironmentVariable("ONESTOP_CATALOG_JSON", QStringLiteral(ONESTOP_CATALOG_JSON));
    const auto catalog = CatalogLoader::load(path);
    if (!catalog.ok()) {
        report.error = QStringLiteral("catalog refused: ") + catalog.errorText();
        return report;
    }
    const QVector<ServiceSearchIndex::Document> documents =
        synthesise(ServiceSearchIndex::documentsOf(catalog.value()));

    QElapsedTimer buildTimer;
    buildTimer.start();
    const ServiceSearchIndex index(documents);
    const double buildMs = double(buildTimer.nsecsElapsed()) / 1e6;

    const QVector<Query> queries{
        {"hanzi", QStringLiteral("居住证")},
        {"hanzi", QStringLiteral("养老")},
        {"hanzi", QStringLiteral("残疾人证")},
        {"pinyin", QStringLiteral("juzhuzheng")},
        {"pinyin", QStringLiteral("shehuibaozhangka")},
        {"pinyin", QStringLiteral("yanglao")},
        {"initials", QStringLiteral("jzz")},
        {"initials", QStringLiteral("shbzk")},
        {"initials", QStringLiteral("cjrz")},
        {"mixed", QStringLiteral("juzhu z")},
        {"latin", QStringLiteral("residence permit")},
        {"miss", QStringLiteral("xqxqzv")},
    };
    const int samples = config.runs * kCallsPerRun; // single searches per query
    qint64 bytes = 0;                               // the names searched, as UTF-16
    for (const auto &d : documents)
        bytes += (d.nameZh.size() + d.nameEn.size()) * 2;
    QVector<int> usage(documents.size());
    for (int i = 0; i < usage.size(); ++i)
        usage[i] = (i * 7919) % 13; // some services used more than others, as at a real kiosk

    QJsonArray perQuery;
    double worstP99 = 0, worstCpuP99 = 0;
    for (int q = 0; q < queries.size(); ++q) {
        const Query &query = queries.at(q);
        const QString name = QStringLiteral("%1_%2").arg(QLatin1String(query.kind)).arg(q);
        int hits = 0;
        double p50 = 0, p99 = 0, baseP50 = 0, baseP99 = 0;
        std::vector<double> oursCpu, baseCpu;
        const BenchResult ours = summarise(QStringLiteral("search_") + name,
                                           timeCalls(
                                               samples,
                                               [&] {
                                                   hits = int(index.search(query.text, usage).size());
                                                   benchKeep(hits);
                                               },
                                               &oursCpu),
                                           bytes, &p50, &p99);
        QVector<int> naiveHits;
        int baseHits = 0;
        const BenchResult base = summarise(QStringLiteral("contains_") + name,
                                           timeCalls(
                                               samples,
                                               [&] {
                                                   baseHits = naiveSearch(documents, query.text, &naiveHits);
                                                   benchKeep(baseHits);
                                               },
                                               &baseCpu),
                                           bytes, &baseP50, &baseP99);
        report.results.append(ours);
        report.baselines.append(base);
        report.addRatio(ours.name, base.name);
        worstP99 = std::max(worstP99, p99);
        perQuery.append(QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("query"), query.text},
                                    {QStringLiteral("kind"), QLatin1String(query.kind)},
                                    {QStringLiteral("hits"), hits},
                                    {QStringLiteral("p50_ms"), p50},
                                    {QStringLiteral("p99_ms"), p99},
                                    {QStringLiteral("baseline_hits"), baseHits},
                                    {QStringLiteral("baseline_p50_ms"), baseP50},
                                    {QStringLiteral("baseline_p99_ms"), baseP99},
                                    {QStringLiteral("cpu_p50_ms"), quantileMs(oursCpu, 0.50)},
                                    {QStringLiteral("cpu_p99_ms"), quantileMs(oursCpu, 0.99)},
                                    {QStringLiteral("baseline_cpu_p50_ms"), quantileMs(baseCpu, 0.50)},
                                    {QStringLiteral("baseline_cpu_p99_ms"), quantileMs(baseCpu, 0.99)}});
        worstCpuP99 = std::max(worstCpuP99, quantileMs(oursCpu, 0.99));
    }
    report.extra.insert(QStringLiteral("services"), int(documents.size()));
    report.extra.insert(QStringLiteral("samples_per_query"), samples);
    report.extra.insert(QStringLiteral("index_build_ms"), buildMs);
    report.extra.insert(QStringLiteral("queries"), perQuery);
    report.extra.insert(QStringLiteral("goal_ms"), kGoalMs);
    report.extra.insert(QStringLiteral("worst_p99_ms"), worstP99);
    report.extra.insert(QStringLiteral("within_goal"), worstP99 < kGoalMs);
    report.extra.insert(QStringLiteral("worst_cpu_p99_ms"), worstCpuP99);
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) > 0)
        report.extra.insert(QStringLiteral("load_average_1min"), load[0]); // wall times grow with it
    return report;
}
