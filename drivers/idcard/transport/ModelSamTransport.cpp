#include "ModelSamTransport.h"

ModelSamTransport::ModelSamTransport(QObject *parent) : SamTransport(parent) {}

void ModelSamTransport::open()
{
    const quint64 generation = ++m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation)
            return;
        if (m_plugged)
            setOpened();
        else
            setClosed(QStringLiteral("open: no such device"));
    });
}

void ModelSamTransport::setPlugged(bool plugged)
{
    if (plugged == m_plugged)
        return;
    m_plugged = plugged;
    if (!plugged && isOpen())
        setClosed(QStringLiteral("unplugged"));
}

void ModelSamTransport::sendFrame(const QByteArray &frame)
{
    ++m_framesSent;
    const QByteArray answer = m_model.respond(frame);
    const quint64 generation = ++m_generation; // a new command makes earlier answers stale
    QTimer::singleShot(m_delayMs, this, [this, answer, generation] {
        if (generation != m_generation)
            return;
        for (int i = 0; i < answer.size() && generation == m_generation; i += m_chunkSize)
            handleBytes(answer.mid(i, m_chunkSize));
    });
}
