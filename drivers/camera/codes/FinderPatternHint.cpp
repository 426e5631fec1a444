#include "FinderPatternHint.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace {

// Five runs in the ratio 1:1:3:1:1 within tolerance: each 1-run within 50 % of the module, the 3-run
// within 50 % of three modules. Returns the module size, or 0.
double finderRatio(const std::array<int, 5> &runs)
{
    int total = 0;
    for (int r : runs) {
        if (r == 0)
            return 0;
        total += r;
    }
    if (total < 7)
        return 0;
    const double module = total / 7.0;
    const double variance = module / 2.0;
    if (std::abs(module - runs[0]) >= variance || std::abs(module - runs[1]) >= variance
        || std::abs(3 * module - runs[2]) >= 3 * variance || std::abs(module - runs[3]) >= variance
        || std::abs(module - runs[4]) >= variance)
        return 0;
    return module;
}

inline bool dark(const unsigned char *binary, int stride, int x, int y)
{
    return binary[y * stride + x] != 0;
}

// Down the column x from y (which is dark, the centre of the 3-run): the 1:1:3:1:1 runs again. Returns
// the vertical centre, or -1.
double crossCheckVertical(const unsigned char *binary, int height, int stride, int x, int y, double module)
{
    std::array<int, 5> runs{};
    const int maxRun = int(module * 5) + 2;
    int i = y;
    while (i >= 0 && dark(binary, stride, x, i)) { ++runs[2]; --i; }
    if (i < 0) return -1;
    while (i >= 0 && !dark(binary, stride, x, i) && runs[1] <= maxRun) { ++runs[1]; --i; }
    if (i < 0 || runs[1] > maxRun) return -1;
    while (i >= 0 && dark(binary, stride, x, i) && runs[0] <= maxRun) { ++runs[0]; --i; }
    if (runs[0] > maxRun) return -1;
    i = y + 1;
    while (i < height && dark(binary, stride, x, i)) { ++runs[2]; ++i; }
    if (i >= height) return -1;
    while (i < height && !dark(binary, stride, x, i) && runs[3] <= maxRun) { ++runs[3]; ++i; }
    if (i >= height || runs[3] > maxRun) return -1;
    while (i < height && dark(binary, stride, x, i) && runs[4] <= maxRun) { ++runs[4]; ++i; }
    if (runs[4] > maxRun) return -1;
    const double verticalModule = finderRatio(runs);
    if (verticalModule == 0 || verticalModule > 2 * module || verticalModule < module / 2)
        return -1;
    return (i - runs[4] - runs[3]) - runs[2] / 2.0;
}

} // namespace

QList<FinderCandidate> findFinderCandidates(const unsigned char *binary, int width, int height, int stride,
                                            int rowStep)
{
    QList<FinderCandidate> found;
    rowStep = std::max(1, rowStep);
    for (int y = 0; y < height; y += rowStep) {
        const unsigned char *row = binary + y * stride;
        std::array<int, 5> runs{};
        int state = 0; // index of the run being counted; even = dark
        int x = 0;
        while (x < width && row[x] == 0)
            ++x; // start on dark
        for (; x < width; ++x) {
            const bool isDark = row[x] != 0;
            const bool stateDark = (state % 2) == 0;
            if (isDark == stateDark) {
                ++runs[state];
                continue;
            }
            if (state < 4) {
                ++state;
                runs[state] = 1;
                continue;
            }
            // state 4 (dark) just ended: test the five runs, then shift by two.
            const double module = finderRatio(runs);
            if (module > 0) {
                const int centreX = int(x - runs[4] - runs[3] - runs[2] / 2.0);
                const double cy = crossCheckVertical(binary, height, stride, centreX, y, module);
                if (cy >= 0) {
                    const QPointF centre(centreX, cy);
                    const bool merged = std::any_of(found.begin(), found.end(), [&](const FinderCandidate &c) {
                        return std::abs(c.centre.x() - centre.x()) < 3 * module
                               && std::abs(c.centre.y() - centre.y()) < 3 * module;
                    });
                    if (!merged)
                        found.append({centre, module});
                }
            }
            runs = {runs[2], runs[3], runs[4], 1, 0};
            state = 3;
        }
    }
    return found;
}

QList<QRect> finderRegions(const QList<FinderCandidate> &candidates, int width, int height, int maxRegions)
{
    struct Group
    {
        QList<FinderCandidate> members;
        double module = 0;
    };
    QList<Group> groups;
    for (const FinderCandidate &c : candidates) {
        bool placed = false;
        for (Group &g : groups) {
            const FinderCandidate &first = g.members.first();
            const double ratio = c.moduleSize / first.moduleSize;
            const double distance = std::hypot(c.centre.x() - first.centre.x(), c.centre.y() - first.centre.y());
            if (ratio > 0.5 && ratio < 2.0 && distance < 60 * first.moduleSize) {
                g.members.append(c);
                placed = true;
                break;
            }
        }
        if (!placed)
            groups.append({{c}, c.moduleSize});
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group &a, const Group &b) { return a.members.size() > b.members.size(); });

    QList<QRect> regions;
    const QRect bounds(0, 0, width, height);
    for (const Group &g : groups) {
        if (regions.size() >= maxRegions)
            break;
        double left = width, top = height, right = 0, bottom = 0;
        for (const FinderCandidate &c : g.members) {
            left = std::min(left, c.centre.x());
            top = std::min(top, c.centre.y());
            right = std::max(right, c.centre.x());
            bottom = std::max(bottom, c.centre.y());
        }
        // One finder seen: the symbol may lie on any side of it, up to ~25 modules away.
        const double margin = (g.members.size() == 1 ? 25 : 8) * g.members.first().moduleSize;
        const QRect box = QRectF(QPointF(left - margin, top - margin), QPointF(right + margin, bottom + margin))
                              .toAlignedRect()
                              .intersected(bounds);
        if (box.width() >= 16 && box.height() >= 16)
            regions.append(box);
    }
    return regions;
}

bool hasFinderPair(const QList<FinderCandidate> &candidates)
{
    for (int i = 0; i < candidates.size(); ++i) {
        for (int j = i + 1; j < candidates.size(); ++j) {
            const FinderCandidate &a = candidates[i];
            const FinderCandidate &b = candidates[j];
            const double ratio = a.moduleSize / b.moduleSize;
            if (ratio < 1 / 1.6 || ratio > 1.6)
                continue;
            const double module = (a.moduleSize + b.moduleSize) / 2;
            const double distance = std::hypot(a.centre.x() - b.centre.x(), a.centre.y() - b.centre.y());
            if (distance >= 10 * module && distance <= 100 * module)
                return true;
        }
    }
    return false;
}
