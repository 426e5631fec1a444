#include "BenchMeasure.h"

#include <cmath>

namespace {
volatile qint64 g_sink = 0;
}

void benchKeep(qint64 value)
{
    g_sink = g_sink + value;
}

void benchSummarise(std::vector<double> &samplesUs, BenchResult *result)
{
    if (samplesUs.empty())
        return;
    std::sort(samplesUs.begin(), samplesUs.end());
    const size_t n = samplesUs.size();
    result->medianUs = n % 2 ? samplesUs[n / 2] : (samplesUs[n / 2 - 1] + samplesUs[n / 2]) / 2;
    const size_t rank = size_t(std::ceil(0.9 * double(n))); // nearest rank, 1-based
    result->p90Us = samplesUs[std::max<size_t>(rank, 1) - 1];
}
