#pragma once

#include <QByteArray>

// A receipt that uses every kind of element the decoder knows: Chinese and ASCII text in several styles
// and alignments, a QR code, a raster image, a barcode, a feed and a cut. Shared by the printer tests.
QByteArray sampleReceipt();
