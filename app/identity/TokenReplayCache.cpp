#include "TokenReplayCache.h"

#include <QCryptographicHash>
#include <QString>

QByteArray TokenReplayCache::idFor(const QString &kid, const QString &tokenId)
{
    return QCryptographicHash::hash((kid + QLatin1Char('\n') + tokenId).toUtf8(), QCryptographicHash::Sha256);
}

void TokenReplayCache::prune(qint64 now)
{
    for (auto it = m_forgetAt.begin(); it != m_forgetAt.end();) {
        if (it.value() < now)
            it = m_forgetAt.erase(it);
        else
            ++it;
    }
}

TokenReplayCache::Result TokenReplayCache::remember(const QByteArray &id, qint64 forgetAt, qint64 now)
{
    prune(now);
    if (m_forgetAt.contains(id))
        return Result::AlreadySeen;
    if (m_forgetAt.size() >= m_capacity)
        return Result::Full;
    m_forgetAt.insert(id, forgetAt);
    return Result::Remembered;
}
