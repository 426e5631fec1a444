#include "StoreSuite.h"

#include "StoreCommitBench.h"
#include "StoreStallBench.h"
#include "StoreSyncBench.h"

#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace {

constexpr double kCommitGoalP99Ms = 5; // issue 10: commit p99 under 5 ms here
constexpr double kSyncGoalRatio = 0.5; // issue 10: our sync within 2x the bare loop (throughput ratio)

// Nearest-rank percentile of a copy.
double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t rank = size_t(std::ceil(p / 100.0 * double(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

// A timing list as a BenchResult (per call, microseconds): median and p90, as the other suites report.
BenchResult resultOf(const QString &name, std::vector<double> ms, qint64 bytes)
{
    BenchResult r;
    r.name = name;
    std::vector<double> us;
    for (double v : ms)
        us.push_back(v * 1000.0);
    r.runs = int(us.size());
    r.iterations = 1;
    r.bytes = bytes;
    benchSummarise(us, &r);
    return r;
}

QJsonObject latency(const std::vector<double> &ms)
{
    return {{QStringLiteral("p50_ms"), percentile(ms, 50)},
            {QStringLiteral("p90_ms"), percentile(ms, 90)},
            {QStringLiteral("p99_ms"), percentile(ms, 99)},
            {QStringLiteral("max_ms"), ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end())},
            {QStringLiteral("samples"), int(ms.size())}};
}

double ratio(double a, double b)
{
    return b > 0 ? a / b : 0;
}

} // namespace

SuiteReport runStoreSuite(const BenchConfig &config)
{
    SuiteReport report;
    report.suite = QStringLiteral("store");
    // The store and sync clients log every item at info level: not part of what is measured.
    QLoggingCategory::setFilterRules(QStringLiteral("onestop.*.info=false"));
    const int commits = 20 * config.runs;
    const int syncCases = 10 * config.runs;

    const CommitFigures commit = measureCommits(commits);
    if (!commit.error.isEmpty()) {
        report.error = QStringLiteral("commit: %1").arg(commit.error);
        return report;
    }
    const qint64 caseBytes = commit.rowBytes.value(QStringLiteral("form")).toInteger() +
                             commit.rowBytes.value(QStringLiteral("attachment")).toInteger() +
                             commit.rowBytes.value(QStringLiteral("outbox_body")).toInteger();
    report.results.append(resultOf(QStringLiteral("commit_case"), commit.storeMs, caseBytes));
    report.baselines.append(resultOf(QStringLiteral("bare_insert"), commit.bareMs, caseBytes));
    report.addRatio(QStringLiteral("commit_case"), QStringLiteral("bare_insert"));
    const double storeP50 = percentile(commit.storeMs, 50), storeP99 = percentile(commit.storeMs, 99);
    const double bareP50 = percentile(commit.bareMs, 50), bareP99 = percentile(commit.bareMs, 99);
    report.extra.insert(
        QStringLiteral("commit"),
        QJsonObject{{QStringLiteral("submit_case"), latency(commit.storeMs)},
                    {QStringLiteral("bare_insert"), latency(commit.bareMs)},
                    {QStringLiteral("row_bytes"), commit.rowBytes},
                    {QStringLiteral("ratio_p50"), ratio(storeP50, bareP50)},
                    {QStringLiteral("ratio_p99"), ratio(storeP99, bareP99)},
                    {QStringLiteral("goal_p99_ms"), kCommitGoalP99Ms},
                    {QStringLiteral("within_goal"), storeP99 < kCommitGoalP99Ms},
                    {QStringLiteral("settings"), QStringLiteral("WAL, synchronous=FULL (both)")}});

    // The GUI thread while cases are committed: the store on its own thread beside the store on the GUI thread.
    const StallFigures stalls = measureGuiStalls(commits);
    if (!stalls.error.isEmpty()) {
        report.error = QStringLiteral("gui stalls: %1").arg(stalls.error);
        return report;
    }
    const double frameMs = 1000.0 / 60.0;
    const auto framesMissed = [frameMs](const std::vector<double> &gaps) {
        return int(std::count_if(gaps.begin(), gaps.end(), [frameMs](double g) { return g > frameMs; }));
    };
    report.extra.insert(
        QStringLiteral("gui_thread"),
        QJsonObject{{QStringLiteral("commits"), commits},
                    {QStringLiteral("store_thread_gaps"), latency(stalls.workerGapsMs)},
                    {QStringLiteral("store_on_gui_thread_gaps"), latency(stalls.inlineGapsMs)},
                    {QStringLiteral("ratio_max_gap"),
                     ratio(stalls.workerGapsMs.empty() ? 0 : *std::max_element(stalls.workerGapsMs.begin(), stalls.workerGapsMs.end()),
                           stalls.inlineGapsMs.empty() ? 0 : *std::max_element(stalls.inlineGapsMs.begin(), stalls.inlineGapsMs.end()))},
                    {QStringLiteral("gaps_over_a_frame"), framesMissed(stalls.workerGapsMs)},
                    {QStringLiteral("gaps_over_a_frame_store_on_gui_thread"), framesMissed(stalls.inlineGapsMs)},
                    {QStringLiteral("commit_round_trip"), latency(stalls.roundTripMs)},
                    {QStringLiteral("what"), QStringLiteral("gaps between the ticks of a 1 ms timer on the GUI thread "
                                                            "while cases commit one after another")}});

    const SyncFigures sync = measureSync(syncCases);
    if (!sync.error.isEmpty()) {
        report.error = QStringLiteral("sync: %1").arg(sync.error);
        return report;
    }
    report.results.append(resultOf(QStringLiteral("sync_case"), sync.syncItemMs, caseBytes));
    report.baselines.append(resultOf(QStringLiteral("bare_put"), sync.bareItemMs, caseBytes));
    report.addRatio(QStringLiteral("sync_case"), QStringLiteral("bare_put"));
    report.results.append(resultOf(QStringLiteral("sync_attachment"), sync.syncAttachmentMs,
                                   sync.cases > 0 ? sync.attachmentBytes / sync.cases : 0));
    report.baselines.append(resultOf(QStringLiteral("bare_attachment_upload"), sync.bareAttachmentMs,
                                     sync.cases > 0 ? sync.attachmentBytes / sync.cases : 0));
    report.addRatio(QStringLiteral("sync_attachment"), QStringLiteral("bare_attachment_upload"));
    const double syncRate = ratio(sync.cases, sync.syncSeconds);
    const double bareRate = ratio(sync.cases, sync.bareSeconds);
    report.extra.insert(
        QStringLiteral("sync"),
        QJsonObject{
            {QStringLiteral("cases"), sync.cases},
            {QStringLiteral("cases_per_s"), syncRate},
            {QStringLiteral("bare_cases_per_s"), bareRate},
            {QStringLiteral("throughput_ratio"), ratio(syncRate, bareRate)},
            {QStringLiteral("sync_seconds"), sync.syncSeconds},
            {QStringLiteral("bare_seconds"), sync.bareSeconds},
            {QStringLiteral("cases_on_platform"), sync.onPlatform},
            {QStringLiteral("attachments_on_platform"), sync.attachmentsOnPlatform},
            {QStringLiteral("attachment_bytes_per_s"), ratio(double(sync.attachmentBytes), sync.syncSeconds)},
            {QStringLiteral("bare_attachment_bytes_per_s"),
             ratio(double(sync.attachmentBytes), sync.bareSeconds)},
            {QStringLiteral("goal_min_ratio"), kSyncGoalRatio},
            {QStringLiteral("within_goal"), ratio(syncRate, bareRate) >= kSyncGoalRatio},
            {QStringLiteral("transport"), QStringLiteral("HTTPS, mutual TLS, 127.0.0.1")}});
    double load[1] = {0};
    if (getloadavg(load, 1) == 1)
        report.extra.insert(QStringLiteral("load_average_1min"), load[0]);
    if (sync.attachmentsOnPlatform != 2 * sync.cases && report.error.isEmpty())
        report.error = QStringLiteral("sync: the platform holds %1 attachments, expected %2")
                           .arg(sync.attachmentsOnPlatform)
                           .arg(2 * sync.cases);
    if (sync.onPlatform != 2 * sync.cases)
        report.error = QStringLiteral("sync: the platform holds %1 cases, expected %2")
                           .arg(sync.onPlatform)
                           .arg(2 * sync.cases);
    return report;
}
