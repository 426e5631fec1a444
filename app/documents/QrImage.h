#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

// A QR code (level M, libqrencode) as a black-and-white image with a 4-module quiet zone, `moduleSize`
// pixels a module. Null image and *error set when the data does not fit. Thread: any.
namespace QrImage {
QImage render(const QByteArray &data, int moduleSize, QString *error = nullptr);
}
