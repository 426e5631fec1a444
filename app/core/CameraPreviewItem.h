#pragma once

#include <QImage>
#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

class Camera;

// The live picture of a camera in QML: `CameraPreviewItem { camera: ...; mirrored: true }`. Shows the
// newest frame, scaled to fit (aspect kept, centred); `mirrored` flips it left-right, as a mirror, for
// face capture. A frame that arrives before the previous one was drawn replaces it (counted as dropped):
// the preview never queues frames and the GUI thread never waits for one.
// Thread: properties and frames on the GUI thread; updatePaintNode on the scene graph's render thread
// (the GUI thread is blocked meanwhile, so the hand-over needs no lock). The frame becomes a texture
// (QSGSimpleTextureNode), which works with the OpenGL and the software scene graph alike; `smooth: false`
// scales it with nearest-neighbour filtering (cheaper with the software scene graph).
class CameraPreviewItem : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    // A Camera (any driver or the simulator); QObject here so that QML needs no Camera type.
    Q_PROPERTY(QObject *camera READ camera WRITE setCamera NOTIFY cameraChanged)
    Q_PROPERTY(bool mirrored READ isMirrored WRITE setMirrored NOTIFY mirroredChanged)
    Q_PROPERTY(bool hasFrame READ hasFrame NOTIFY hasFrameChanged)
    Q_PROPERTY(QSize frameSize READ frameSize NOTIFY hasFrameChanged)

public:
    explicit CameraPreviewItem(QQuickItem *parent = nullptr);

    QObject *camera() const;
    void setCamera(QObject *camera);
    bool isMirrored() const { return m_mirrored; }
    void setMirrored(bool mirrored);
    bool hasFrame() const { return !m_frameSize.isEmpty(); }
    QSize frameSize() const { return m_frameSize; }

    // GUI thread: shows a frame (what the camera's frameReady does).
    void showFrame(const QImage &frame);

    quint64 framesReceived() const { return m_received; }
    quint64 framesShown() const { return m_shown; }     // turned into a texture
    quint64 framesDropped() const { return m_dropped; } // replaced before being drawn

signals:
    void cameraChanged();
    void mirroredChanged();
    void hasFrameChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *) override;

private:
    QPointer<Camera> m_camera;
    QMetaObject::Connection m_frameConnection;
    QImage m_pending;
    bool m_hasPending = false;
    bool m_mirrored = false;
    QSize m_frameSize;
    quint64 m_received = 0, m_shown = 0, m_dropped = 0;
};
