#pragma once

#include <QObject>

class SessionImageStore;

// What a session leaves outside the controllers, wiped when it ends (main.cpp connects
// SessionController::sessionEnded to wipe()):
// - the session's pictures (SessionImageStore): their "image://session/..." URLs name nothing afterwards;
// - the clipboard (and the X11 selection, where there is one): text copied from a field;
// - the decoded images Qt Quick keeps for reuse (QQuickWindow::releaseResources() on every Qt Quick window,
//   which purges the unreferenced pixmaps of the pixmap cache; once now and once more after the old
//   screen's items have been deleted) and QPixmapCache.
// The controllers wipe their own state (SessionController::wipe, KeyboardController::wipe). Thread: GUI.
class SessionTraces : public QObject
{
    Q_OBJECT
public:
    explicit SessionTraces(SessionImageStore &images, QObject *parent = nullptr);

public slots:
    void wipe();

private:
    void releaseCaches();

    SessionImageStore &m_images;
};
