#pragma once

#include "Device.h"

#include <QImage>

// A camera delivers frames while started. Consumers that are busy drop frames; the GUI never waits.
class Camera : public Device
{
    Q_OBJECT
public:
    using Device::Device;

signals:
    void frameReady(const QImage &frame);
};
