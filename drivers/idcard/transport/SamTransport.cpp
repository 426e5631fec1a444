#include "SamTransport.h"

#include "IdCardLogging.h"
#include "sam/SamFrameAssembler.h"

SamTransport::SamTransport(QObject *parent)
    : QObject(parent), m_assembler(std::make_unique<Sam::FrameAssembler>())
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &SamTransport::onTimeout);
}

SamTransport::~SamTransport() = default;

void SamTransport::close()
{
    cancel();
    if (m_open)
        qCInfo(lcIdCard) << "closing" << description();
    m_open = false;
    closeDevice();
}

void SamTransport::exchange(const QByteArray &command, int timeoutMs)
{
    if (m_busy) {
        qCWarning(lcIdCard) << description() << ": exchange while one is pending, ignored";
        return;
    }
    m_busy = true;
    m_timeoutMs = timeoutMs;
    m_assembler->clear();
    if (!m_open) {
        QTimer::singleShot(0, this, [this] { handleIoError(QStringLiteral("transport not open")); });
        return;
    }
    m_timeout.start(timeoutMs);
    sendFrame(command);
}

void SamTransport::cancel()
{
    if (!m_busy)
        return;
    finish();
    abortPending();
}

void SamTransport::handleBytes(const QByteArray &chunk)
{
    if (!m_busy)
        return; // late answer to a cancelled or timed-out exchange
    const QList<Sam::SamResponse> results = m_assembler->feed(chunk);
    for (const Sam::SamResponse &r : results) {
        if (r.ok()) {
            finish();
            emit responseReceived(r);
            return;
        }
        if (r.error.kind == Sam::FrameError::Kind::BadPreamble)
            continue; // noise before a frame: keep waiting for the frame itself
        finish();
        emit exchangeFailed(r.error.message());
        return;
    }
}

void SamTransport::handleIoError(const QString &detail)
{
    if (!m_busy)
        return;
    finish();
    emit exchangeFailed(detail);
}

void SamTransport::setOpened()
{
    m_open = true;
    qCInfo(lcIdCard) << "opened" << description();
    emit opened();
}

void SamTransport::setClosed(const QString &reason)
{
    const bool wasBusy = m_busy;
    finish();
    if (wasBusy)
        abortPending();
    m_open = false;
    closeDevice();
    qCInfo(lcIdCard) << description() << "closed:" << reason;
    emit closed(reason);
}

void SamTransport::finish()
{
    m_busy = false;
    m_timeout.stop();
}

void SamTransport::onTimeout()
{
    if (!m_busy)
        return;
    const int pending = m_assembler->pendingBytes();
    m_assembler->clear();
    finish();
    abortPending();
    if (pending > 0)
        emit exchangeFailed(
            QStringLiteral("short frame: %1 bytes, then nothing for %2 ms").arg(pending).arg(m_timeoutMs));
    else
        emit exchangeFailed(QStringLiteral("no answer within %1 ms").arg(m_timeoutMs));
}
