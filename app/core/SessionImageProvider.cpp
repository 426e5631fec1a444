#include "SessionImageProvider.h"

#include "SessionImageStore.h"

SessionImageProvider::SessionImageProvider(const SessionImageStore &store)
    : QQuickImageProvider(QQuickImageProvider::Image), m_store(store)
{
}

QImage SessionImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    QImage image = QImage::fromData(m_store.jpeg(id), "JPEG");
    if (image.isNull())
        return image; // the session ended, or the id was never given out
    if (size)
        *size = image.size();
    if (requestedSize.isValid() && !requestedSize.isEmpty())
        image = image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}
