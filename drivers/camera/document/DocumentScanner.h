#pragma once

#include "DocumentScan.h"

// Frame -> page: finds the largest convex quadrilateral (edges and a brightness threshold, both tried),
// refines its sides at full resolution, warps it flat to the page's aspect and enhances it.
// Thread: stateless and re-entrant; call it from any thread (the capture controller uses its worker).
class DocumentScanner
{
public:
    explicit DocumentScanner(const DocumentScanConfig &config = DocumentScanConfig());
    const DocumentScanConfig &config() const { return m_config; }
    DocumentScan scan(const QImage &frame) const;

private:
    DocumentScanConfig m_config;
};
