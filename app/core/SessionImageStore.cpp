#include "SessionImageStore.h"

#include <QCryptographicHash>
#include <QMutexLocker>

QString SessionImageStore::publish(const QString &kind, const QByteArray &jpeg)
{
    if (jpeg.isEmpty())
        return QString();
    // A digest names the picture, so that a binding re-evaluated for the same picture gets the same URL
    // (and the Image does not reload), and a changed picture a new one.
    const QString digest =
        QString::fromLatin1(QCryptographicHash::hash(jpeg, QCryptographicHash::Sha256).toHex().left(16));
    QMutexLocker lock(&m_mutex);
    const QString id = QStringLiteral("%1/%2-%3").arg(m_generation).arg(kind, digest);
    m_images.insert(id, jpeg);
    return QStringLiteral("image://%1/%2").arg(providerName(), id);
}

QByteArray SessionImageStore::jpeg(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    return m_images.value(id);
}

void SessionImageStore::clear()
{
    QMutexLocker lock(&m_mutex);
    m_images.clear();
    ++m_generation;
}

int SessionImageStore::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_images.size());
}

quint64 SessionImageStore::generation() const
{
    QMutexLocker lock(&m_mutex);
    return m_generation;
}

QString SessionImageStore::urlFor(SessionImageStore *store, const QString &kind, const QByteArray &jpeg)
{
    if (jpeg.isEmpty())
        return QString();
    if (store)
        return store->publish(kind, jpeg);
    return QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(jpeg.toBase64());
}
