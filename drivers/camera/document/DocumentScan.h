#pragma once

#include <QImage>
#include <QList>
#include <QPointF>
#include <QString>

// How a found page is cleaned up for reading.
enum class DocumentEnhance {
    None,     // the warped colours as seen
    Contrast, // colour kept, levels stretched so paper is white and ink dark (default: keeps red seals)
    Grey,     // grey with local contrast (CLAHE)
    Binarise, // black and white (adaptive threshold) for faint print
};

struct DocumentScanConfig
{
    double pageAspect = 297.0 / 210.0; // long side / short side: A4 (and every ISO A/B size)
    int maxLongSide = 1754;            // output long side cap in px (A4 at 150 dpi); smaller pages keep their size
    int detectWidth = 640;             // frames are shrunk to this width for finding the page
    double minAreaFraction = 0.12;     // a page covers at least 12 % of the frame
    double minConfidence = 0.35;       // below this the best quadrilateral is not called a page
    DocumentEnhance enhance = DocumentEnhance::Contrast;
};

// The answer for one frame. "No page found" is a normal answer (found == false, reason says why).
struct DocumentScan
{
    bool found = false;
    bool error = false;      // the frame itself could not be analysed (empty, OpenCV failure)
    QString reason;          // when !found: why ("no page found: ..." or the error)
    QList<QPointF> corners;  // top-left, top-right, bottom-right, bottom-left in frame pixels (found only)
    QImage page;             // the page warped flat to the configured aspect and enhanced (found only)
    double confidence = 0;   // 0..1: how page-like the best quadrilateral is (see README.md)
};
