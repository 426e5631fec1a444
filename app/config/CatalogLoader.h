#pragma once

#include "Catalog.h"
#include "ConfigError.h"

// Loads kiosk-config/catalog.json (format: docs/catalog.md). All errors are collected; any error means no
// Catalog, never a partial one. Pure: safe on any thread.
class CatalogLoader
{
public:
    // The certificate services' templates are looked for in the documents/ folder beside the file.
    static ConfigResult<Catalog> load(const QString &path);
    // fileName is what errors name as their file. documentsDir: where the certificate services' templates
    // are (kiosk-config/documents); empty = their files are not checked (only their ids' form).
    static ConfigResult<Catalog> parse(const QByteArray &json, const QString &fileName,
                                       const QString &documentsDir = QString());
};
