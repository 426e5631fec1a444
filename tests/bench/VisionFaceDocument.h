#pragma once

#include <QJsonObject>

// Speed of the face gate and the document scanner on camera-sized frames (target: < 20 ms per 1080p frame
// each, so a worker keeps up with a 10-15 fps preview while dropping frames). No suite registration here:
// onestop-bench (or kioskctl) calls these and writes the JSON. Each returns reportJson() (median_us,
// p90_us per call) plus "ms": {name: {"median_ms", "p90_ms"}}, "input" (what the frames show) and
// "target_ms".

// face_640x480 / face_1920x1080: FaceQualityGate::assess (LBP cascade, every gate) on skimage's astronaut
// portrait when ONESTOP_BINARY_DIR/test-assets/astronaut.png exists (ctest fetches it), else on a drawn
// frame without a face (detection cost with nothing found; "input" says which). Baseline: grey conversion
// of the 1080p frame.
QJsonObject benchFaceDetection(int runs);

// document_1920x1080: DocumentScanner::scan (find the page, refine corners, warp, contrast) on a drawn A4
// page in perspective on a textured desk; document_1920x1080_no_enhance without the enhancement.
// Baseline: copying the 1080p frame.
QJsonObject benchDocumentCapture(int runs);
