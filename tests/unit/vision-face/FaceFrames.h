#pragma once

#include <QImage>
#include <QString>

// Test frames made from skimage's astronaut portrait (cached by the fetch fixture). Each transform gives a
// 640x480 (or 1280x480 for two faces) Format_RGB32 frame.
namespace FaceFrames {

// Where the fixture caches the portrait; empty image + *error when it is missing.
QImage portrait(QString *error);
// The portrait framed like a kiosk camera sees a resident: head and shoulders, face centred, 640x480.
QImage kioskFrame(const QImage &portrait);
// `frame` drawn at `scale` and moved by (dx, dy) on a grey 640x480 canvas.
QImage placed(const QImage &frame, double scale, int dx, int dy);
QImage blurred(const QImage &frame, double sigma);
QImage sideBySide(const QImage &frame);
// Every channel multiplied by `factor` (< 1 darker); leftFactor applies to the left half only when >= 0.
QImage dimmed(const QImage &frame, double factor, double leftFactor = -1);

} // namespace FaceFrames
