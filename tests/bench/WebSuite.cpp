#include "WebSuite.h"

#include "ProcessTreeMemory.h"
#include "WebBenchPage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <functional>
#include <unistd.h>

namespace {

constexpr int idleSettleMs = 5000;   // idle on the page before its memory is read
constexpr int loadTimeoutMs = 60000; // a start that has not reached the page's frame by then failed

// Runs the event loop (the page's server answers meanwhile) until done() or timeoutMs; done()'s last value.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void idle(int ms)
{
    waitUntil([] { return false; }, ms);
}

// Ends process and every descendant still there (a browser's zygotes outlive it for a moment).
void endTree(QProcess &process, bool closeInput)
{
    const QList<qint64> tree = ProcessTreeMemory::treeOf(process.processId());
    if (process.state() != QProcess::NotRunning) {
        if (closeInput)
            process.closeWriteChannel();
        else
            process.terminate();
        if (!process.waitForFinished(20000)) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    for (const qint64 pid : tree)
        if (pid > 0 && QFile::exists(QStringLiteral("/proc/%1").arg(pid)))
            ::kill(pid_t(pid), SIGKILL);
}

// The next line the process prints that starts with prefix, or an empty string after timeoutMs.
QByteArray waitForLine(QProcess &process, const QByteArray &prefix, int timeoutMs)
{
    QByteArray found;
    waitUntil(
        [&] {
            while (process.canReadLine()) {
                const QByteArray line = process.readLine().trimmed();
                if (line.startsWith(prefix)) {
                    found = line;
                    return true;
                }
            }
            return process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return found;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// One start: from launching the process to the page's beacon, then the tree's memory after idling there.
struct StartSample
{
    double startMs = -1; // -1: the beacon never came
    ProcessTreeMemory idle;
};

struct Contender
{
    QString name; // kiosk | chromium
    QString program;
    std::function<QStringList(const QUrl &, const QString &profileDir)> arguments;
    bool viaStdin = false; // ended by closing its stdin (the kiosk view) rather than SIGTERM
    std::vector<StartSample> samples;
};

StartSample startOnce(Contender &who, WebBenchPage &page, const QElapsedTimer &clock, const QString &run)
{
    QTemporaryDir profile;
    QProcess process;
    if (who.viaStdin) {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    } else {
        process.setStandardOutputFile(QProcess::nullDevice()); // Chromium's own chatter
        process.setStandardErrorFile(QProcess::nullDevice());
    }
    const QStringList arguments = who.arguments(page.pageUrl(run), profile.path());
    StartSample sample;
    const qint64 launchedNs = clock.nsecsElapsed();
    process.start(who.program, arguments);
    if (waitUntil([&] { return page.beaconNs(run) >= 0 || process.state() == QProcess::NotRunning; },
                  loadTimeoutMs) &&
        page.beaconNs(run) >= 0) {
        sample.startMs = double(page.beaconNs(run) - launchedNs) / 1e6;
        idle(idleSettleMs);
        sample.idle = ProcessTreeMemory::of(process.processId());
    }
    endTree(process, who.viaStdin);
    return sample;
}

QJsonObject startJson(const Contender &who, BenchResult *result)
{
    std::vector<double> us;
    QJsonArray ms;
    std::vector<double> rss, pss, processes;
    for (const StartSample &s : who.samples) {
        us.push_back(s.startMs * 1000.0);
        ms.append(qRound(s.startMs * 10.0) / 10.0);
        rss.push_back(double(s.idle.rssKb) / 1024.0);
        pss.push_back(double(s.idle.pssKb) / 1024.0);
        processes.push_back(s.idle.processes);
    }
    result->runs = int(us.size());
    result->iterations = 1;
    benchSummarise(us, result);
    const auto round1 = [](double v) { return qRound(v * 10.0) / 10.0; };
    return QJsonObject{
        {QStringLiteral("start_median_ms"), round1(result->medianUs / 1000.0)},
        {QStringLiteral("start_p90_ms"), round1(result->p90Us / 1000.0)},
        {QStringLiteral("start_samples_ms"), ms},
        {QStringLiteral("idle_rss_mb"), round1(median(rss))},
        {QStringLiteral("idle_pss_mb"), round1(median(pss))},
        {QStringLiteral("idle_processes"), int(median(processes))},
    };
}

QString chromiumVersion(const QString &binary)
{
    QProcess version;
    version.start(binary, {QStringLiteral("--version")});
    version.waitForFinished(30000);
    return QString::fromUtf8(version.readAllStandardOutput()).trimmed();
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

// The kiosk's memory before its first web session, after the first session and after all `cycles`.
QJsonObject runCycles(const QString &viewBinary, WebBenchPage &page, int cycles, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const int beaconsBefore = page.beaconCount();
    process.start(viewBinary, {QStringLiteral("--url"), page.pageUrl(QStringLiteral("cycles")).toString(),
                               QStringLiteral("--allow"), page.origin(), QStringLiteral("--cycles"),
                               QString::number(cycles)});
    QJsonObject out{{QStringLiteral("cycles"), cycles}};
    const auto measureAt = [&](const QByteArray &line, int timeoutMs) -> ProcessTreeMemory {
        if (!error->isEmpty())
            return {};
        if (waitForLine(process, line, timeoutMs).isEmpty()) {
            *error = QStringLiteral("the kiosk view stopped before \"%1\" (cycles)")
                         .arg(QString::fromLatin1(line));
            return {};
        }
        idle(line == "baseline" ? idleSettleMs : idleSettleMs * 2); // the renderers' exit, the deleteLater()s
        const ProcessTreeMemory memory = ProcessTreeMemory::of(process.processId());
        process.write("next\n");
        return memory;
    };
    QElapsedTimer timer;
    timer.start();
    const ProcessTreeMemory baseline = measureAt("baseline", loadTimeoutMs);
    const ProcessTreeMemory first = measureAt("first", loadTimeoutMs);
    timer.restart();
    const ProcessTreeMemory after = measureAt("cycles", cycles * loadTimeoutMs);
    const double cyclesSeconds = double(timer.elapsed() - idleSettleMs * 2) / 1000.0;
    endTree(process, true);
    if (!error->isEmpty())
        return out;
    const auto deltaMb = [](qint64 a, qint64 b) { return qRound(double(a - b) / 1024.0 * 10.0) / 10.0; };
    const double deltaRss = deltaMb(after.rssKb, baseline.rssKb);
    out.insert(QStringLiteral("baseline"), baseline.json(true));
    out.insert(QStringLiteral("after_first_cycle"), first.json(true));
    out.insert(QStringLiteral("after_cycles"), after.json(true));
    out.insert(QStringLiteral("delta_rss_mb"), deltaRss);
    if (after.pssKb >= 0 && baseline.pssKb >= 0)
        out.insert(QStringLiteral("delta_pss_mb"), deltaMb(after.pssKb, baseline.pssKb));
    if (cycles > 1)
        out.insert(QStringLiteral("growth_per_cycle_after_first_kb"),
                   qRound(double(after.rssKb - first.rssKb) / double(cycles - 1)));
    out.insert(QStringLiteral("page_loads"), page.beaconCount() - beaconsBefore);
    out.insert(QStringLiteral("seconds_per_cycle"),
               qRound(cyclesSeconds / qMax(1, cycles - 1) * 100.0) / 100.0);
    out.insert(QStringLiteral("goal_mb"), 10);
    out.insert(QStringLiteral("within_goal"), std::abs(deltaRss) <= 10.0);
    return out;
}

} // namespace

SuiteReport runWebSuite(const BenchConfig &config)
{
    SuiteReport report;
    report.suite = QStringLiteral("web");
    const int runs = config.runsGiven ? config.runs : 7;
    const QString viewBinary = QStringLiteral(ONESTOP_WEB_BENCH_VIEW);

    QElapsedTimer clock;
    clock.start();
    WebBenchPage page(clock);
    QString error;
    if (!page.listen(&error)) {
        report.error = QStringLiteral("the page's server: ") + error;
        return report;
    }

    Contender kiosk{QStringLiteral("kiosk"),
                    viewBinary,
                    [&](const QUrl &url, const QString &) {
                        return QStringList{QStringLiteral("--url"), url.toString(), QStringLiteral("--allow"),
                                           page.origin()};
                    },
                    true,
                    {}};
    QStringList chromiumFlags{QStringLiteral("--kiosk"),
                              QStringLiteral("--incognito"),
                              QStringLiteral("--ozone-platform=headless"),
                              QStringLiteral("--disable-gpu"),
                              QStringLiteral("--window-size=1920,1080"),
                              QStringLiteral("--no-first-run"),
                              QStringLiteral("--no-default-browser-check")};
    if (::geteuid() == 0)
        chromiumFlags << QStringLiteral("--no-sandbox"); // root cannot sandbox
    QString chromiumBinary = qEnvironmentVariable("ONESTOP_BENCH_CHROMIUM");
    if (chromiumBinary.isEmpty())
        chromiumBinary = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    Contender chromium{QStringLiteral("chromium"),
                       chromiumBinary,
                       [&](const QUrl &url, const QString &profileDir) {
                           return QStringList(chromiumFlags)
                                  << QStringLiteral("--user-data-dir=") + profileDir << url.toString();
                       },
                       false,
                       {}};
    const bool haveChromium = !chromiumBinary.isEmpty() && QFile::exists(chromiumBinary);

    // Interleaved, so that the machine's load falls on both alike.
    for (int i = 0; i < runs && error.isEmpty(); ++i) {
        for (Contender *who : {&kiosk, &chromium}) {
            if (who == &chromium && !haveChromium)
                continue;
            const StartSample s = startOnce(*who, page, clock, who->name + QString::number(i));
            if (s.startMs < 0) {
                error = QStringLiteral("%1 did not reach the page's first frame within %2 s (run %3)")
                            .arg(who->name)
                            .arg(loadTimeoutMs / 1000)
                            .arg(i + 1);
                break;
            }
            who->samples.push_back(s);
        }
    }
    QJsonObject cycles;
    if (error.isEmpty())
        cycles = runCycles(viewBinary, page, config.cycles, &error);

    report.extra.insert(QStringLiteral("page"),
                        QStringLiteral("a service form over loopback HTTP; the beacon "
                                       "after the first animation frame past DOMContentLoaded"));
    report.extra.insert(QStringLiteral("idle_settle_seconds"), idleSettleMs / 1000);
    report.extra.insert(QStringLiteral("load_average_1min"), loadAverage());
    report.extra.insert(QStringLiteral("kiosk_view"),
                        QJsonObject{{QStringLiteral("binary"), QStringLiteral("onestop-web-bench-view")},
                                    {QStringLiteral("qpa"), QStringLiteral("offscreen")},
                                    {QStringLiteral("scene_graph"), QStringLiteral("software")},
                                    {QStringLiteral("sandbox"), ::geteuid() != 0},
                                    {QStringLiteral("window"), QStringLiteral("1920x1080")}});
    if (!error.isEmpty()) {
        report.error = error;
        return report;
    }
    BenchResult kioskStart;
    kioskStart.name = QStringLiteral("kiosk_start");
    const QJsonObject kioskJson = startJson(kiosk, &kioskStart);
    report.results.append(kioskStart);
    report.extra.insert(QStringLiteral("memory_cycles"), cycles);
    const auto ratio = [](double a, double b) { return b > 0 ? qRound(a / b * 1000.0) / 1000.0 : 0.0; };
    // The memory after the cycles against the same process's before its first web session.
    for (const char *kind : {"rss", "pss"}) {
        const QString key = QLatin1String(kind) + QStringLiteral("_mb");
        const double r = ratio(cycles[QStringLiteral("after_cycles")][key].toDouble(),
                               cycles[QStringLiteral("baseline")][key].toDouble());
        if (r > 0)
            report.ratios.append(
                {QStringLiteral("after_cycles_%1 / pre_web_baseline_%1").arg(QLatin1String(kind)), r});
    }

    QJsonObject chromiumJson{{QStringLiteral("available"), haveChromium}};
    if (!haveChromium) {
        chromiumJson.insert(QStringLiteral("why"),
                            QStringLiteral("chromium is not installed (./kiosk bench web "
                                           "installs it); only the kiosk was measured"));
        report.extra.insert(QStringLiteral("kiosk"), kioskJson);
        report.extra.insert(QStringLiteral("chromium"), chromiumJson);
        report.error = QStringLiteral("chromium is not installed: no comparison");
        return report;
    }
    BenchResult chromiumStart;
    chromiumStart.name = QStringLiteral("chromium_start");
    const QJsonObject chromiumFigures = startJson(chromium, &chromiumStart);
    for (auto it = chromiumFigures.begin(); it != chromiumFigures.end(); ++it)
        chromiumJson.insert(it.key(), it.value());
    chromiumJson.insert(QStringLiteral("binary"), chromiumBinary);
    chromiumJson.insert(QStringLiteral("version"), chromiumVersion(chromiumBinary));
    chromiumJson.insert(QStringLiteral("flags"),
                        QJsonArray::fromStringList(QStringList(chromiumFlags) << QStringLiteral(
                                                       "--user-data-dir=<new temporary directory>")));
    report.baselines.append(chromiumStart);
    report.addRatio(QStringLiteral("kiosk_start"), QStringLiteral("chromium_start"));
    const double rssRatio = ratio(kioskJson[QStringLiteral("idle_rss_mb")].toDouble(),
                                  chromiumJson[QStringLiteral("idle_rss_mb")].toDouble());
    const double pssRatio = ratio(kioskJson[QStringLiteral("idle_pss_mb")].toDouble(),
                                  chromiumJson[QStringLiteral("idle_pss_mb")].toDouble());
    report.ratios.append({QStringLiteral("kiosk_idle_rss / chromium_idle_rss"), rssRatio});
    if (pssRatio > 0)
        report.ratios.append({QStringLiteral("kiosk_idle_pss / chromium_idle_pss"), pssRatio});
    report.extra.insert(QStringLiteral("kiosk"), kioskJson);
    report.extra.insert(QStringLiteral("chromium"), chromiumJson);
    report.extra.insert(
        QStringLiteral("goals"),
        QJsonObject{
            {QStringLiteral("start_ahead_of_chromium"), kioskStart.medianUs < chromiumStart.medianUs},
            {QStringLiteral("memory_ahead_of_chromium"), rssRatio < 1.0 && (pssRatio == 0 || pssRatio < 1.0)},
            {QStringLiteral("cycles_back_to_baseline_10mb"),
             cycles[QStringLiteral("within_goal")].toBool()}});
    return report;
}
