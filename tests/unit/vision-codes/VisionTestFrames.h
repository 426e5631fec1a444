#pragma once

#include <QImage>
#include <QList>
#include <QString>

// Generated camera-like frames for the vision tests and the `vision` bench. Deterministic for a seed.
// Thread: any (QPainter on QImage).

// A QR code (libqrencode, level M) of `text`, `moduleSize` pixels a module with a 4-module quiet zone,
// centred in a frame of `size` over a generated scene, slightly blurred and with sensor-like noise.
// Format_RGB32.
QImage qrCodeFrame(const QString &text, const QSize &size, int moduleSize, quint32 seed = 1);

// A frame of the same kind with no code in it: a lit background, shapes, text and noise. Format_RGB32.
QImage sceneFrame(const QSize &size, quint32 seed = 1);

// The samples folder: $ONESTOP_SAMPLES_DIR, else $ONESTOP_SOURCE_DIR/../shared/bench/barcode-samples, else
// /work/shared/bench/barcode-samples; empty when none of them exists.
QString barcodeSamplesDir();

// The images of one samples folder ("qrcode-2"), sorted, each with its expected text (N.txt, read as
// UTF-8) when there is one. Empty when the folder does not exist.
struct CodeSample
{
    QString path;
    QString expected;
    bool hasExpectedText = false;
};
QList<CodeSample> codeSamples(const QString &samplesDir, const QString &folder);
