#pragma once

#include <QByteArray>
#include <QHash>

// The ids of identity tokens already used, each kept until its token has expired (plus the clock skew), so
// a token is accepted at most once in its lifetime. Holds no personal data: only SHA-256 hashes of
// "kid\njti". Bounded: when full of unexpired ids, remember() refuses rather than forgetting one early.
// In memory only; a restart forgets it (a token lives minutes, a restart takes as long). GUI thread.
class TokenReplayCache
{
public:
    explicit TokenReplayCache(int capacity) : m_capacity(capacity) {}

    enum class Result { Remembered, AlreadySeen, Full };

    // Drops the ids whose forgetAt has passed, then checks and records `id` until forgetAt (Unix seconds).
    Result remember(const QByteArray &id, qint64 forgetAt, qint64 now);
    static QByteArray idFor(const QString &kid, const QString &tokenId);
    int size() const { return int(m_forgetAt.size()); }

private:
    void prune(qint64 now);
    int m_capacity;
    QHash<QByteArray, qint64> m_forgetAt;
};
