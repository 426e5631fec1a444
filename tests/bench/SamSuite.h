#pragma once

#include "BenchReport.h"

// `sam`: what our code adds per ID card read on top of the transport: a 1295-byte read-text response
// (30 01: text + photo) arriving as 64-byte chunks, through Sam::FrameAssembler, splitReadText and
// decodeTextBlock; baseline: copying the same chunks into a buffer.
SuiteReport runSamSuite(const BenchConfig &config);
