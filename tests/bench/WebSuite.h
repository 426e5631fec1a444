#pragma once

#include "BenchReport.h"

// `web`: the kiosk's web view (onestop-web-bench-view: the real WebSessionController and LockedWebView.qml,
// offscreen, software scene graph) beside Chromium in kiosk mode on the same local page: start to the
// page's first interactive frame, the process tree's memory idle on the page, and the kiosk's memory before
// its first web session and after `cycles` open/close cycles. See README.md here.
SuiteReport runWebSuite(const BenchConfig &config);
