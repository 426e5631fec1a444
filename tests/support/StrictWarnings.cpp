#include "StrictWarnings.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

void installStrictWarnings()
{
    QStandardPaths::setTestModeEnabled(true);
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
}

static QString rootFromEnv(const char *name, const char *fallback)
{
    const QByteArray value = qgetenv(name);
    return value.isEmpty() ? QString::fromUtf8(fallback) : QString::fromLocal8Bit(value);
}

QString sourcePath(const QString &relative)
{
    return QDir(rootFromEnv("ONESTOP_SOURCE_DIR", ".")).filePath(relative);
}

QString binaryPath(const QString &relative)
{
    return QDir(rootFromEnv("ONESTOP_BINARY_DIR", ".")).filePath(relative);
}
