#include "HidSamWorker.h"

#include <QFile>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {
QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

HidSamWorker::HidSamWorker(const QString &path, const HidSamTransport::Layout &layout)
    : m_path(path), m_layout(layout)
{
}

HidSamWorker::~HidSamWorker()
{
    closeFd();
}

void HidSamWorker::closeFd()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void HidSamWorker::open()
{
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (m_fd < 0) {
        emit failed(QStringLiteral("open %1: %2").arg(m_path, errnoText(errno)));
        return;
    }
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &HidSamWorker::readReady);
    emit opened();
}

void HidSamWorker::readReady()
{
    char buffer[4096];
    const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        const QString reason = n == 0 ? QStringLiteral("%1: device closed").arg(m_path)
                                      : QStringLiteral("%1: %2").arg(m_path, errnoText(errno));
        closeFd();
        emit failed(reason);
        return;
    }
    m_input.append(buffer, int(n));
    const int idBytes = m_layout.reportId != 0 ? 1 : 0;
    const int inReport = idBytes + m_layout.reportSize;
    QByteArray frameBytes;
    while (m_input.size() >= inReport) {
        const QByteArray report = m_input.left(inReport);
        m_input.remove(0, inReport);
        if (idBytes && quint8(report.at(0)) != m_layout.reportId)
            continue; // another report of the device
        const int count = quint8(report.at(idBytes));
        if (count < 1 || count > m_layout.reportSize - 1)
            continue; // not a frame report
        frameBytes.append(report.mid(idBytes + 1, count));
    }
    if (!frameBytes.isEmpty())
        emit bytesRead(frameBytes);
}

void HidSamWorker::write(const QByteArray &frame)
{
    if (m_fd < 0) {
        emit writeFailed(QStringLiteral("write: %1 not open").arg(m_path));
        return;
    }
    for (const QByteArray &report : HidSamTransport::writeReports(frame, m_layout)) {
        const ssize_t n = ::write(m_fd, report.constData(), size_t(report.size()));
        if (n != report.size()) {
            emit writeFailed(n < 0 ? QStringLiteral("write: %1").arg(errnoText(errno))
                                   : QStringLiteral("write: %1 of %2 bytes").arg(n).arg(report.size()));
            return;
        }
    }
}
