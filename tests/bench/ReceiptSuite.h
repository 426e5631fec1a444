#pragma once

#include "BenchReport.h"

// `receipt`: CaseReceipt::build (template + logo; build_nologo_: without the logo) at 48 and 32 columns, then EscPosDecoder::decode and EscPosRenderer of
// those bytes; baselines: memcpy of the same bytes, and a plain GB18030 encode of the receipt's text.
// Needs a QGuiApplication (the renderer draws text).
SuiteReport runReceiptSuite(const BenchConfig &config);
