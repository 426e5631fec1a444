#pragma once

#include "BenchReport.h"

// store: the durable commit of a case (CaseStore::submitCase, a realistic form and one small attachment)
// beside a bare sqlite insert of rows of the same sizes with the same settings (WAL, synchronous=FULL), and
// sync throughput over mutual TLS to a local platform-sim (SyncClient) beside a bare HTTPS PUT loop with
// QNetworkAccessManager to the same server. Sizes scale with --runs: commits = 20 x runs, synced cases =
// 10 x runs (the smoke test runs --runs 1). README.md, "store".
SuiteReport runStoreSuite(const BenchConfig &config);
