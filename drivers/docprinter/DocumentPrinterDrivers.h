#pragma once

#include "DeviceSpec.h"
#include "DocumentPrinter.h"

// The A4 document printer drivers by name (docs/devices.md, docs/printing-a4.md): simulated and cups
// (options "queue", "server", "job_timeout_s", "io_timeout_s", "connect_timeout_s", "state_poll_s").
const DeviceDrivers<DocumentPrinter> &documentPrinterDrivers();
