#include "StoreStallBench.h"

#include "CaseStore.h"
#include "StoreBenchCase.h"
#include "StoreExecutor.h"

#include <QDir>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <chrono>

namespace {

using Clock = std::chrono::steady_clock;

double msBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// Commits `commits` cases through `executor`, each posted when the previous one has answered, while a 1 ms
// timer records the gaps of this thread's event loop. False + error if a commit fails.
bool run(StoreExecutor &executor, int commits, const QString &tag, std::vector<double> *gaps,
         std::vector<double> *roundTrips, QString *error)
{
    QEventLoop loop;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    Clock::time_point last = Clock::now();
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const Clock::time_point now = Clock::now();
        gaps->push_back(msBetween(last, now));
        last = now;
    });
    const QVector<StoredAttachment> attachments = benchAttachments();
    int done = 0;
    std::function<void()> postNext = [&] {
        const CaseSubmission submission = benchCase(
            QStringLiteral("SH-XH-LHJD-K01-20261203-%1-%2").arg(tag).arg(done, 5, 10, QLatin1Char('0')));
        const Clock::time_point posted = Clock::now();
        executor.post(
            &loop,
            [submission, attachments](CaseStore &store) {
                QString commitError;
                return store.submitCase(submission, attachments, &commitError) ? QString() : commitError;
            },
            [&, posted](const QString &commitError) {
                if (roundTrips)
                    roundTrips->push_back(msBetween(posted, Clock::now()));
                if (!commitError.isEmpty()) {
                    *error = commitError;
                    loop.quit();
                    return;
                }
                if (++done == commits)
                    loop.quit();
                else
                    postNext();
            });
    };
    tick.start(1);
    last = Clock::now();
    QTimer::singleShot(0, &loop, postNext);
    loop.exec();
    return error->isEmpty();
}

} // namespace

StallFigures measureGuiStalls(int commits)
{
    StallFigures figures;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        figures.error = QStringLiteral("cannot make a temporary directory: %1").arg(dir.errorString());
        return figures;
    }
    {
        const QString workerDir = dir.filePath(QStringLiteral("worker"));
        QDir().mkpath(workerDir);
        std::unique_ptr<StoreExecutor> worker = StoreExecutor::startWorker(
            [workerDir](QString *error) { return CaseStore::open(workerDir, error); }, &figures.error);
        if (!worker || !run(*worker, commits, QStringLiteral("WRKR"), &figures.workerGapsMs,
                            &figures.roundTripMs, &figures.error))
            return figures;
    }
    const QString inlineDir = dir.filePath(QStringLiteral("inline"));
    QDir().mkpath(inlineDir);
    std::unique_ptr<CaseStore> store = CaseStore::open(inlineDir, &figures.error);
    if (!store)
        return figures;
    std::unique_ptr<StoreExecutor> onGui = StoreExecutor::onThisThread(*store);
    run(*onGui, commits, QStringLiteral("INLN"), &figures.inlineGapsMs, nullptr, &figures.error);
    return figures;
}
