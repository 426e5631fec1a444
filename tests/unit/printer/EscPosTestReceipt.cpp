#include "EscPosTestReceipt.h"

#include "EscPosEncoder.h"

#include <QString>

QByteArray sampleReceipt()
{
    QByteArray stripes; // 16 x 4 dots: alternating black and white rows
    for (int row = 0; row < 4; ++row)
        stripes.append(QByteArray(2, row % 2 ? '\x00' : '\xff'));
    const QByteArray code128Data("{BA1024"); // code set B, then the case number
    const QByteArray code128 = QByteArray::fromHex("1d6b49") + char(code128Data.size()) + code128Data;

    EscPosBuilder b;
    b.initialize()
        .chineseMode(true)
        .align(EscPosAlign::Centre)
        .characterSize(2, 2)
        .bold(true)
        .line(QStringLiteral("社区服务中心"))
        .bold(false)
        .characterSize(1, 1)
        .line(QStringLiteral("受理回执"))
        .align(EscPosAlign::Left)
        .line(QStringLiteral("受理编号: A1024"))
        .underline(1)
        .line(QStringLiteral("事项: 居住证办理"))
        .underline(0)
        .align(EscPosAlign::Right)
        .line(QStringLiteral("2024-05-01 10:00"))
        .align(EscPosAlign::Centre)
        .qrCode(QByteArrayLiteral("https://gov.example/c/A1024"), 6, EscPosQrLevel::M)
        .lineFeed()
        .rasterImage(2, 4, stripes)
        .raw(code128)
        .feedLines(3)
        .feedAndCut(0, EscPosCut::Partial);
    if (!b.ok())
        qFatal("sampleReceipt: %s", qPrintable(b.error()));
    return b.bytes();
}
