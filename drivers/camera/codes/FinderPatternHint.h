#pragma once

#include <QList>
#include <QPointF>
#include <QRect>

// The cheap "maybe a QR code here" test: dark-light-dark-light-dark runs in the ratio 1:1:3:1:1 along a
// row, confirmed by the same ratio down the column through their centre (a QR finder pattern seen
// roughly face-on). Works on a binary image (0 = light, non-zero = dark) such as an adaptive threshold of
// the fast pass's downscaled grey copy. Pure functions, any thread. Private to the codes library.

struct FinderCandidate
{
    QPointF centre;
    double moduleSize = 0; // pixels per module, horizontally
};

// Scans every `rowStep`-th row; candidates closer than 3 modules to one already found are merged.
QList<FinderCandidate> findFinderCandidates(const unsigned char *binary, int width, int height, int stride,
                                            int rowStep = 2);

// Groups candidates that could belong to one symbol (similar module size, at most ~60 modules apart)
// and returns, per group, a box around it with a margin of 8 modules, clipped to width x height.
// Largest groups first, at most maxRegions.
QList<QRect> finderRegions(const QList<FinderCandidate> &candidates, int width, int height, int maxRegions = 4);

// True when two candidates could be finder patterns of one QR symbol: module sizes within a factor 1.6
// and 10 to 100 modules apart (the centres of a version 1 symbol's finders are 14 modules apart). One
// finder-like blob alone is common in text and drawings; a pair is not.
bool hasFinderPair(const QList<FinderCandidate> &candidates);
