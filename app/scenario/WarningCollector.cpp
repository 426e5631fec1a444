#include "WarningCollector.h"

#include <QMutex>

namespace {
QMutex g_mutex;
QStringList *g_messages = nullptr;
QtMessageHandler g_previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg) {
        QMutexLocker lock(&g_mutex);
        if (g_messages)
            g_messages->append(context.category && qstrcmp(context.category, "default") != 0
                                   ? QStringLiteral("%1: %2").arg(QString::fromLatin1(context.category), message)
                                   : message);
    }
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

WarningCollector::WarningCollector()
{
    QMutexLocker lock(&g_mutex);
    Q_ASSERT(!g_messages);
    g_messages = new QStringList;
    g_previous = qInstallMessageHandler(collect);
}

WarningCollector::~WarningCollector()
{
    qInstallMessageHandler(g_previous);
    QMutexLocker lock(&g_mutex);
    delete g_messages;
    g_messages = nullptr;
    g_previous = nullptr;
}

QStringList WarningCollector::messages() const
{
    QMutexLocker lock(&g_mutex);
    return g_messages ? *g_messages : QStringList();
}
