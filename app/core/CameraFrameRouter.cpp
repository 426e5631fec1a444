#include "CameraFrameRouter.h"

#include "Camera.h"
#include "DocumentCaptureController.h"
#include "FaceCaptureController.h"
#include "MaterialsController.h"
#include "SessionController.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFrameRouter, "onestop.camera.router")

CameraFrameRouter::CameraFrameRouter(SessionController &session, Camera *camera, MaterialsController *materials,
                                     Device *cameraCodeScanner, QObject *parent)
    : QObject(parent), m_session(&session), m_camera(camera), m_materials(materials), m_scanner(cameraCodeScanner)
{
    connect(&session, &SessionController::screenChanged, this, &CameraFrameRouter::update);
    if (materials)
        connect(materials, &MaterialsController::stepChanged, this, &CameraFrameRouter::update);
    if (camera)
        connect(camera, &Device::stateChanged, this, &CameraFrameRouter::cameraReadyChanged);
    // Whatever started the scanner before (DeviceHub::startAll), it decodes only on the identify screen.
    m_scannerRunning = true;
    update();
}

CameraFrameRouter::CameraFrameRouter(QObject *parent) : QObject(parent) { }

CameraFrameRouter::~CameraFrameRouter()
{
    disconnect(m_frames);
}

QObject *CameraFrameRouter::cameraObject() const
{
    return m_camera.data();
}

bool CameraFrameRouter::isCameraReady() const
{
    return m_camera && m_camera->isReady();
}

void CameraFrameRouter::update()
{
    if (!m_session)
        return;
    const bool materials = m_materials && m_materials->isActive()
                           && m_session->screen() == SessionController::Screen::Materials;
    DocumentCaptureController *documents = m_materials ? m_materials->documents() : nullptr;
    FaceCaptureController *face = m_materials ? m_materials->face() : nullptr;
    Target target = Target::None;
    if (materials && m_materials->step() == MaterialsController::Step::Document && documents)
        target = Target::Documents;
    else if (materials && m_materials->step() == MaterialsController::Step::Photo && face)
        target = Target::Face;

    if (target != m_target || !m_frames) {
        disconnect(m_frames);
        m_frames = {};
        if (m_camera && target == Target::Documents)
            m_frames = connect(m_camera, &Camera::frameReady, documents, &DocumentCaptureController::processFrame);
        else if (m_camera && target == Target::Face)
            m_frames = connect(m_camera, &Camera::frameReady, face, &FaceCaptureController::processFrame);
        if (target != m_target)
            qCDebug(lcFrameRouter) << "camera frames to" << int(target);
        m_target = target;
    }

    const bool scan = m_session->screen() == SessionController::Screen::Identify;
    if (m_scanner && scan != m_scannerRunning) {
        if (scan)
            m_scanner->start();
        else
            m_scanner->stop();
    }
    m_scannerRunning = scan;
}
