#pragma once

#include "FaceAssessment.h"

#include <QImage>
#include <QString>

#include <memory>

// The thresholds of the face gates. Fractions are of the frame's width or height, so one config fits any
// camera resolution.
struct FaceGateConfig
{
    // A frontal-face cascade from Debian's opencv-data (Haar or LBP). Default: lbpcascade_frontalface.xml,
    // about 5x faster than the Haar ones at the same detections on our test portrait (README.md). Missing or
    // unreadable: the gate is not ready and says so (FaceQualityGate::errorString()).
    QString cascadePath = defaultCascadePath();
    int detectWidth = 400;          // frames are shrunk to this width (grey) before detection
    double minDetectFraction = 0.08; // smallest face the detector looks for (fraction of the frame width):
                                     // a resident about 1.5 m from a 60-degree webcam
    double maxDetectFraction = 0.75; // largest one
    double minFaceFraction = 0.18;  // gate "close enough": face width >= 18 % of the frame width
    double maxFaceFraction = 0.60;  // ... and <= 60 % (else the head is cut off)
    double maxOffsetX = 0.15;       // gate "centred": |face centre x - 0.5| <= 0.15 frame widths
    double targetY = 0.42;          // ... the eyes-level a kiosk camera frames a seated/standing adult at
    double maxOffsetY = 0.25;       // ... |face centre y - targetY| <= 0.25 frame heights
    // Gate "sharp": variance of the Laplacian of the face region, grey, resized to 128 px wide and its
    // 5th..95th percentile range stretched to 200 grey levels, so the figure depends neither on the
    // resolution nor on the light. The test portrait in focus measures ~175; a Gaussian blur of sigma 3 px
    // on a 640x480 frame brings it to ~13. See README.md.
    double minSharpness = 80;
    double minMeanLuma = 70;        // gate "lit": face mean grey level in [70, 215]
    double maxMeanLuma = 215;
    double minContrast = 50;        // ... 95th - 5th percentile of the face's grey levels >= 50
    double maxSideImbalance = 0.35; // ... |left - right| / brighter half <= 0.35 (light from one side)
    double darkFrameLuma = 45;      // no face and a frame mean below this: "more light" not "look at camera"
    int stillFrames = 3;            // gate "still": the face box stable over this many assessed frames
    double stillTolerance = 0.03;   // ... its centre moves <= 3 % of the frame width between them
    double stillSizeTolerance = 0.15; // ... and its width changes <= 15 % (the detector's scale steps are 10 %)

    static QString defaultCascadePath();
};

// Frame -> assessment. Detects frontal faces with a cascade on a shrunk grey copy, then checks the gates:
// exactly one face, close enough, centred, evenly lit, sharp, still over the last frames. The only state
// is the short history of face boxes for the stillness gate (reset() clears it).
// Thread: not thread-safe; use one instance from one thread at a time (the capture controller keeps it on
// its worker thread). Frames are only read, never stored.
class FaceQualityGate
{
public:
    explicit FaceQualityGate(const FaceGateConfig &config = FaceGateConfig());
    ~FaceQualityGate();
    FaceQualityGate(const FaceQualityGate &) = delete;
    FaceQualityGate &operator=(const FaceQualityGate &) = delete;

    // False when the cascade could not be loaded; errorString() names the file and what failed.
    bool isReady() const;
    QString errorString() const;
    const FaceGateConfig &config() const;

    FaceAssessment assess(const QImage &frame);
    // Forgets the face-box history (a new resident, or frames that do not follow each other).
    void reset();

private:
    struct Private;
    std::unique_ptr<Private> d;
};
