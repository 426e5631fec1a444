#include "HidSamTransport.h"

#include "HidSamWorker.h"

HidSamTransport::HidSamTransport(const QString &devicePath, const Layout &layout, QObject *parent)
    : ThreadedSamTransport(QStringLiteral("idcard-hid"), parent), m_path(devicePath), m_layout(layout)
{
    if (m_layout.reportSize < 2)
        m_layout.reportSize = 2;
    if (m_layout.reportSize > 256)
        m_layout.reportSize = 256; // the length byte counts up to 255
}

HidSamTransport::HidSamTransport(const QString &devicePath, QObject *parent)
    : HidSamTransport(devicePath, Layout(), parent)
{
}

QString HidSamTransport::description() const
{
    return QStringLiteral("hidraw %1").arg(m_path);
}

QList<QByteArray> HidSamTransport::writeReports(const QByteArray &frame, const Layout &layout)
{
    QList<QByteArray> reports;
    const int perReport = layout.reportSize - 1;
    for (int i = 0; i < frame.size(); i += perReport) {
        const QByteArray part = frame.mid(i, perReport);
        QByteArray report;
        report.append(char(layout.reportId)).append(char(part.size())).append(part);
        report.append(QByteArray(1 + layout.reportSize - report.size(), '\0'));
        reports.append(report);
    }
    return reports;
}

SamWorker *HidSamTransport::createWorker() const
{
    return new HidSamWorker(m_path, m_layout);
}
