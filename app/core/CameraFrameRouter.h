#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class Camera;
class Device;
class MaterialsController;
class SessionController;

// Gives the camera's frames to whoever needs them on the current screen, and to nobody else:
//   materials screen, step Document -> DocumentCaptureController::processFrame (MaterialsController::documents)
//   materials screen, step Photo    -> FaceCaptureController::processFrame (MaterialsController::face)
//   identify screen                   -> the camera code scanner runs (start()), else it is stopped
// Frames are connected and disconnected, never queued here; the controllers analyse on their own workers
// and drop frames while busy, so the GUI thread never waits. The camera itself keeps running (DeviceHub
// starts and stops devices). Any argument but the session may be null: that path is then simply absent.
// In QML it is the singleton CameraFeed: `camera` for a CameraPreviewItem, `cameraReady` to show it at all.
// Thread: GUI.
class CameraFrameRouter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CameraFrameRouter is made by the application")
    Q_PROPERTY(QObject *camera READ cameraObject CONSTANT)
    Q_PROPERTY(bool cameraReady READ isCameraReady NOTIFY cameraReadyChanged)

public:
    CameraFrameRouter(SessionController &session, Camera *camera, MaterialsController *materials,
                      Device *cameraCodeScanner = nullptr, QObject *parent = nullptr);
    // Inert: no session and no camera (cameraReady false). What QML gets when main.cpp wired no camera.
    explicit CameraFrameRouter(QObject *parent = nullptr);
    ~CameraFrameRouter() override;

    enum class Target { None, Documents, Face };
    Target target() const { return m_target; }
    bool isScannerRunning() const { return m_scannerRunning; }

    QObject *cameraObject() const;
    bool isCameraReady() const;

    // Re-reads the session's screen and the materials step (called on every change).
    void update();

signals:
    void cameraReadyChanged();

private:
    SessionController *m_session = nullptr;
    QPointer<Camera> m_camera;
    QPointer<MaterialsController> m_materials;
    QPointer<Device> m_scanner;
    QMetaObject::Connection m_frames;
    Target m_target = Target::None;
    bool m_scannerRunning = false;
};
