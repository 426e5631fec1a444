#pragma once

#include "DeviceSpec.h"
#include "ReceiptPrinter.h"

// The receipt printer drivers by name (docs/devices.md): simulated, escpos-usb, escpos-tcp. Each builds the
// printer itself; the kiosk puts a real one behind a ReceiptJobQueue (app/devices), kioskctl uses it bare.
const DeviceDrivers<ReceiptPrinter> &receiptPrinterDrivers();
