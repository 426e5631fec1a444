#pragma once

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

class CaseStore;
class QThread;

// Every use of the live case store goes through here, on the store's own thread, one job after another in
// the order they were posted:
//   - in the kiosk, a worker thread (the "data thread"): sqlite's fsync and locks never hold up the GUI;
//     the resident is told "saved" when the commit's job has returned (docs/store.md, "Threads");
//   - in controller tests and tools, the caller's own thread: jobs still run later, from the event loop, in
//     order, so the controllers see the same asynchronous contract.
// A job gets the store; its result goes to `done` on the executor's thread (the thread that made it: the
// GUI thread), unless `context` has been destroyed by then. Nothing here touches personal data itself.
// The sync client lives on the store's thread too (made there with wait(), see main.cpp), so that it uses
// the store directly; the GUI follows it through SyncMonitor.
class StoreExecutor : public QObject
{
    Q_OBJECT

public:
    using Opener = std::function<std::unique_ptr<CaseStore>(QString *error)>;

    // Starts the data thread and opens the store on it (`open` runs there; the call waits for it). Null +
    // error when the store cannot be opened (the thread is stopped again).
    static std::unique_ptr<StoreExecutor> startWorker(const Opener &open, QString *error);
    // Jobs run on the calling thread, from its event loop; the store stays the caller's.
    static std::unique_ptr<StoreExecutor> onThisThread(CaseStore &store);
    // Runs the jobs already posted, then stops the data thread (the store is closed on it).
    ~StoreExecutor() override;

    // True when jobs run on a thread of their own.
    bool hasWorkerThread() const { return m_thread != nullptr; }
    // An object living on the store's thread: objects made in wait() jobs belong to that thread.
    QObject *storeContext() const { return m_storeContext; }

    // Runs job(store) on the store's thread, then done(result) on this executor's thread if `context`
    // still exists. Captures are copied across threads: give values (implicitly shared Qt types are fine),
    // never references to the caller's stack.
    template <typename Job, typename Done> void post(QObject *context, Job job, Done done)
    {
        using Result = std::invoke_result_t<Job, CaseStore &>;
        QPointer<QObject> guard(context);
        enqueue([this, guard, job = std::move(job), done = std::move(done)]() mutable {
            if constexpr (std::is_void_v<Result>) {
                job(*m_store);
                reply([guard, done]() mutable {
                    if (guard)
                        done();
                });
            } else {
                Result result = job(*m_store);
                reply([guard, done, result]() mutable {
                    if (guard)
                        done(std::move(result));
                });
            }
        });
    }
    // A job whose result nobody waits for (an audit entry, the retention purge).
    template <typename Job> void post(Job job)
    {
        enqueue([this, job = std::move(job)]() mutable { job(*m_store); });
    }
    // Runs job(store) on the store's thread after the jobs already posted and waits for its result. Only
    // for start-up, shutdown, tools and scripted runs: never on a resident's path.
    template <typename Job> auto wait(Job job) -> std::invoke_result_t<Job, CaseStore &>
    {
        using Result = std::invoke_result_t<Job, CaseStore &>;
        if constexpr (std::is_void_v<Result>) {
            runAndWait([&] { job(*m_store); });
        } else {
            std::optional<Result> result;
            runAndWait([&] { result.emplace(job(*m_store)); });
            return std::move(*result);
        }
    }

private:
    StoreExecutor() = default;
    void enqueue(std::function<void()> task);
    void runAndWait(const std::function<void()> &task);
    // From the store's thread: `task` runs on the executor's thread (the executor outlives every job: its
    // destructor waits for them).
    void reply(std::function<void()> task);

    QThread *m_thread = nullptr;        // null: the caller's thread
    QObject *m_storeContext = nullptr;  // lives on the store's thread
    std::unique_ptr<CaseStore> m_owned; // the store opened on the data thread
    CaseStore *m_store = nullptr;
};
