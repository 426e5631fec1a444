#pragma once

#include "EscPosElement.h"

#include <QByteArray>
#include <QString>

// The modules of a QR code (model 2, smallest version that fits, numeric / alphanumeric / byte segments
// chosen as the data allows), as a printer computes them.
// libqrencode stays behind this header. Thread: any.
struct QrMatrix
{
    int size = 0;       // modules per side, 0 when the data does not fit
    QByteArray modules; // size * size bytes, row by row, 1 = dark
    QString error;      // what is wrong when size is 0

    bool ok() const { return size > 0; }
    bool isDark(int x, int y) const { return modules.at(y * size + x) != 0; }

    static QrMatrix encode(const QByteArray &data, EscPosQrLevel level);
};
