#pragma once

#include "ConfigError.h"
#include "SiteConfig.h"

// Loads kiosk-config/site.json (format: docs/config.md). All errors are collected; any error means no
// SiteConfig. Pure: no logging of values, safe on any thread.
class SiteConfigLoader
{
public:
    static ConfigResult<SiteConfig> load(const QString &path);
    // fileName is what errors name as their file.
    static ConfigResult<SiteConfig> parse(const QByteArray &json, const QString &fileName);
};
