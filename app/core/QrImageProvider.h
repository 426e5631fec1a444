#pragma once

#include <QQuickImageProvider>

// "image://qr/<percent-encoded text>" -> a QR code (model 2, level M) with a quiet zone, scaled to the
// requested size. Used for the tracking code on the receipt screen. Thread: any (QQuickImageProvider).
class QrImageProvider : public QQuickImageProvider
{
public:
    QrImageProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};
