#pragma once

#include "BenchReport.h"

// `search`: the catalog search (app/search) over 3,000 services synthesised from the shipped catalog's names
// (district prefixes and suffixes), per query in hanzi, full pinyin, initials, mixed and a miss: p50 and p99
// of single searches; baseline: a naive linear QString::contains over the Chinese and English names.
SuiteReport runSearchSuite(const BenchConfig &config);
