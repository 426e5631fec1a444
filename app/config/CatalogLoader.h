#pragma once

#include "Catalog.h"
#include "ConfigError.h"

// Loads kiosk-config/catalog.json (format: docs/catalog.md). All errors are collected; any error means no
// Catalog, never a partial one. Pure: safe on any thread.
class CatalogLoader
{
public:
    static ConfigResult<Catalog> load(const QString &path);
    // fileName is what errors name as their file.
    static ConfigResult<Catalog> parse(const QByteArray &json, const QString &fileName);
};
