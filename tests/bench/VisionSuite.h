#pragma once

#include "BenchReport.h"

// `vision`: codes in camera frames, ours (CodeFrameDecoder exactly as the kiosk configures it) against
// zbar (libzbar, QR only: the baseline) and OpenCV's QRCodeDetector (detection only, no decoding), on
// generated frames (1920x1080 and 640x480, with and without a code) and on the barcode sample folders;
// the capture rate of OpenCvCamera and the preview rate of CameraPreviewItem from a 1080p GStreamer
// source; and H7's face and document figures (VisionFaceDocument.h). See README.md for the JSON.
SuiteReport runVisionSuite(const BenchConfig &config);
