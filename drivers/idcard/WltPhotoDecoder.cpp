#include "WltPhotoDecoder.h"

#include "IdCardLogging.h"

#include <QLibrary>

WltPhotoDecoder::WltPhotoDecoder(const QString &libraryPath)
{
    if (libraryPath.isEmpty()) {
        m_reason = QStringLiteral("no WLT decoder configured");
        return;
    }
    m_library = std::make_unique<QLibrary>(libraryPath);
    if (!m_library->load()) {
        m_reason = QStringLiteral("load %1: %2").arg(libraryPath, m_library->errorString());
        qCWarning(lcIdCard).noquote() << "WLT photo decoder unavailable:" << m_reason;
        return;
    }
    m_unpack = reinterpret_cast<UnpackFunction>(m_library->resolve("unpack"));
    if (!m_unpack) {
        m_reason = QStringLiteral("no symbol unpack in %1").arg(libraryPath);
        qCWarning(lcIdCard).noquote() << "WLT photo decoder unavailable:" << m_reason;
        m_library->unload();
        return;
    }
    qCInfo(lcIdCard).noquote() << "WLT photo decoder loaded from" << libraryPath;
}

WltPhotoDecoder::~WltPhotoDecoder() = default;

WltPhotoDecoder::Result WltPhotoDecoder::decode(const QByteArray &wlt) const
{
    Result result;
    if (!m_unpack) {
        result.error = QStringLiteral("photo: ") + m_reason;
        return result;
    }
    if (wlt.size() != kWltSize) {
        result.error = QStringLiteral("photo: %1 bytes, expected %2").arg(wlt.size()).arg(kWltSize);
        return result;
    }
    QByteArray in = wlt; // the ABI takes non-const pointers
    QByteArray bgr(kBgrSize + 4096, '\0');
    const int rc = m_unpack(in.data(), bgr.data(), 0);
    if (rc != 1) {
        result.error = QStringLiteral("photo: decoder returned %1").arg(rc);
        return result;
    }
    QImage image(kWidth, kHeight, QImage::Format_RGB888);
    const auto *src = reinterpret_cast<const uchar *>(bgr.constData());
    for (int y = 0; y < kHeight; ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < kWidth; ++x) {
            const uchar *p = src + (y * kWidth + x) * 3;
            line[x * 3 + 0] = p[2];
            line[x * 3 + 1] = p[1];
            line[x * 3 + 2] = p[0];
        }
    }
    result.image = image;
    return result;
}
