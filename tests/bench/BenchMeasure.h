#pragma once

#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <chrono>
#include <vector>

// One measured operation: per-call times in microseconds over `runs` samples, each sample timing
// `iterations` back-to-back calls (so that calls far below the clock's resolution still measure).
struct BenchResult
{
    QString name;
    double medianUs = 0;
    double p90Us = 0;
    int runs = 0;
    qint64 iterations = 0; // calls per sample
    qint64 bytes = -1;     // the size the operation produces or handles; -1: not reported
};

struct BenchConfig
{
    int runs = 31;             // samples kept
    int warmupRuns = 3;        // samples thrown away first (caches, allocator, lazy init)
    double minSampleUs = 10000; // iterations per sample grow until one sample takes at least this
    bool runsGiven = false;     // --runs was given (suites whose samples take seconds pick fewer by default)
    int cycles = 50;            // web: open/close cycles of a web session (--cycles)
};

// Keeps a value alive so the optimiser cannot drop the work that produced it.
void benchKeep(qint64 value);

// Median and p90 (nearest rank) of the samples; sorts them.
void benchSummarise(std::vector<double> &samplesUs, BenchResult *result);

// Times op() as described above. op must do the whole operation each call and hand its result to
// benchKeep().
template<typename Op>
BenchResult benchMeasure(const QString &name, const BenchConfig &config, Op &&op)
{
    using Clock = std::chrono::steady_clock;
    auto sample = [&](qint64 iterations) {
        const auto start = Clock::now();
        for (qint64 i = 0; i < iterations; ++i)
            op();
        const auto end = Clock::now();
        return std::chrono::duration<double, std::micro>(end - start).count();
    };

    op(); // the first call pays for lazy initialisation; it must not size the samples
    qint64 iterations = 1;
    constexpr qint64 maxIterations = qint64(1) << 24;
    while (iterations < maxIterations) {
        // Two samples agree that this count is long enough: one slow outlier does not stop the search.
        if (sample(iterations) >= config.minSampleUs && sample(iterations) >= config.minSampleUs / 2)
            break;
        iterations *= 2;
    }
    for (int i = 0; i < config.warmupRuns; ++i)
        sample(iterations);

    std::vector<double> samples;
    samples.reserve(size_t(config.runs));
    for (int i = 0; i < config.runs; ++i)
        samples.push_back(sample(iterations) / double(iterations));

    BenchResult result;
    result.name = name;
    result.runs = config.runs;
    result.iterations = iterations;
    benchSummarise(samples, &result);
    return result;
}
