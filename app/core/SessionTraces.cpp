#include "SessionTraces.h"

#include "SessionImageStore.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPixmapCache>
#include <QQuickWindow>
#include <QTimer>

SessionTraces::SessionTraces(SessionImageStore &images, QObject *parent) : QObject(parent), m_images(images)
{
}

void SessionTraces::wipe()
{
    m_images.clear();
    if (QClipboard *clipboard = QGuiApplication::clipboard()) {
        clipboard->clear(QClipboard::Clipboard);
        if (clipboard->supportsSelection())
            clipboard->clear(QClipboard::Selection);
    }
    releaseCaches();
    // The previous screen's items (and the pixmaps they hold) are deleted later in this event loop.
    QTimer::singleShot(0, this, &SessionTraces::releaseCaches);
}

void SessionTraces::releaseCaches()
{
    const auto windows = QGuiApplication::topLevelWindows();
    for (QWindow *window : windows) {
        if (auto *quick = qobject_cast<QQuickWindow *>(window))
            quick->releaseResources();
    }
    QPixmapCache::clear();
}
