#pragma once

#include <QImage>
#include <QTime>

// The picture the simulated camera shows: colour bars and a box that move with the frame number, and a
// band at the bottom with the time (hh:mm:ss.zzz) and the frame number in seven-segment digits. Drawn
// without fonts, so the same inputs give the same pixels on every machine.
// Pure function, any thread. Format_RGB32; size is clamped to at least 160x120.
QImage renderTestPattern(quint64 frameNumber, const QTime &time, const QSize &size = QSize(640, 480));
