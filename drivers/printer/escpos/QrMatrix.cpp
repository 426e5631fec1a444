#include "QrMatrix.h"

#include <qrencode.h>

#include <cerrno>
#include <cstring>

static QRecLevel toQrencodeLevel(EscPosQrLevel level)
{
    switch (level) {
    case EscPosQrLevel::L:
        return QR_ECLEVEL_L;
    case EscPosQrLevel::M:
        return QR_ECLEVEL_M;
    case EscPosQrLevel::Q:
        return QR_ECLEVEL_Q;
    case EscPosQrLevel::H:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

QrMatrix QrMatrix::encode(const QByteArray &data, EscPosQrLevel level)
{
    QrMatrix matrix;
    if (data.isEmpty()) {
        matrix.error = QStringLiteral("QR data is empty");
        return matrix;
    }
    errno = 0;
    // Printers pick numeric / alphanumeric / byte segments as the data allows; encodeString does the same
    // (case-sensitive, no Kanji guessing). Data with NUL bytes cannot go through a C string: one byte
    // segment.
    QRcode *code =
        data.contains('\0')
            ? QRcode_encodeData(int(data.size()), reinterpret_cast<const unsigned char *>(data.constData()),
                                0, toQrencodeLevel(level))
            : QRcode_encodeString(data.constData(), 0, toQrencodeLevel(level), QR_MODE_8, 1);
    if (!code) {
        const int err = errno;
        matrix.error = err == ERANGE
                           ? QStringLiteral("QR data: %1 bytes do not fit in a version 40 QR code at this "
                                            "error correction level")
                                 .arg(data.size())
                           : QStringLiteral("QR data: libqrencode failed: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(err)));
        return matrix;
    }
    matrix.size = code->width;
    matrix.modules.resize(qsizetype(code->width) * code->width);
    for (int i = 0; i < code->width * code->width; ++i)
        matrix.modules[i] = (code->data[i] & 1) ? 1 : 0;
    QRcode_free(code);
    return matrix;
}
