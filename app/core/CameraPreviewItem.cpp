#include "CameraPreviewItem.h"

#include "Camera.h"

#include <QQuickWindow>
#include <QSGSimpleTextureNode>
#include <QSGTexture>

CameraPreviewItem::CameraPreviewItem(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
}

QObject *CameraPreviewItem::camera() const
{
    return m_camera.data();
}

void CameraPreviewItem::setCamera(QObject *object)
{
    Camera *camera = qobject_cast<Camera *>(object);
    if (object && !camera)
        qWarning("CameraPreviewItem: %s is not a Camera", object->metaObject()->className());
    if (camera == m_camera)
        return;
    disconnect(m_frameConnection);
    m_camera = camera;
    if (camera)
        m_frameConnection = connect(camera, &Camera::frameReady, this, &CameraPreviewItem::showFrame);
    emit cameraChanged();
}

void CameraPreviewItem::setMirrored(bool mirrored)
{
    if (mirrored == m_mirrored)
        return;
    m_mirrored = mirrored;
    emit mirroredChanged();
    update();
}

void CameraPreviewItem::showFrame(const QImage &frame)
{
    if (frame.isNull())
        return;
    ++m_received;
    if (m_hasPending)
        ++m_dropped;
    m_pending = frame;
    m_hasPending = true;
    if (frame.size() != m_frameSize) {
        m_frameSize = frame.size();
        emit hasFrameChanged();
    }
    update();
}

QSGNode *CameraPreviewItem::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    auto *node = static_cast<QSGSimpleTextureNode *>(oldNode);
    if (m_hasPending && window()) {
        QSGTexture *texture = window()->createTextureFromImage(m_pending);
        m_pending = QImage();
        m_hasPending = false;
        if (texture) {
            if (!node) {
                node = new QSGSimpleTextureNode;
                node->setOwnsTexture(true);
            }
            node->setFiltering(smooth() ? QSGTexture::Linear : QSGTexture::Nearest);
            node->setTexture(texture); // the node deletes the previous one
            ++m_shown;
        }
    }
    if (!node)
        return nullptr;
    // Fit, keeping the aspect ratio, centred.
    const QSizeF frame = node->texture()->textureSize();
    const QSizeF fitted = frame.scaled(size(), Qt::KeepAspectRatio);
    node->setRect(QRectF(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted));
    node->setTextureCoordinatesTransform(m_mirrored ? QSGSimpleTextureNode::MirrorHorizontally
                                                    : QSGSimpleTextureNode::NoTransform);
    return node;
}
