#include "Device.h"

Device::Device(const QString &kind, const QString &name, QObject *parent)
    : QObject(parent), m_kind(kind), m_name(name)
{
}

QString Device::statusName(Status status)
{
    switch (status) {
    case Status::Ready:
        return QStringLiteral("ready");
    case Status::Busy:
        return QStringLiteral("busy");
    case Status::Unavailable:
        return QStringLiteral("unavailable");
    }
    return QStringLiteral("unknown");
}

void Device::setState(Status status, const QString &reason)
{
    if (status == m_status && reason == m_reason)
        return;
    m_status = status;
    m_reason = reason;
    emit stateChanged();
}

void Device::reportError(const QString &operation, const QString &detail)
{
    emit errorOccurred(operation, detail);
}
