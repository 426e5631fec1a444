#pragma once

#include <QQuickImageProvider>

class SessionImageStore;

// "image://session/<id>" -> the session's picture of that id (SessionImageStore), scaled down to the
// requested size. An id of an ended session (or any unknown id) gives no image: the Image shows an error.
// The store must outlive the QML engine that owns this provider. Thread: any (QQuickImageProvider).
class SessionImageProvider : public QQuickImageProvider
{
public:
    explicit SessionImageProvider(const SessionImageStore &store);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    const SessionImageStore &m_store;
};
