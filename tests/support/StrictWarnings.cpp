#include "StrictWarnings.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

namespace {
QtMessageHandler previousHandler = nullptr;
QByteArray armedFor; // the test function (and data row) failOnWarning was registered for

// Qt Test forgets failOnWarning() patterns at the end of each test function, so one call in
// initTestCase() would guard initTestCase() only. This handler registers the pattern for whichever test
// function is running when a warning arrives, then hands the message to Qt Test's own handler, which
// honours QTest::ignoreMessage() first and fails the test for anything else.
void strictHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if ((type == QtWarningMsg || type == QtCriticalMsg) && QTest::currentTestFunction()) {
        const QByteArray current = QByteArray(QTest::currentTestFunction()) + '/' + QByteArray(QTest::currentDataTag());
        if (current != armedFor) {
            armedFor = current;
            QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        }
    }
    if (previousHandler)
        previousHandler(type, context, message);
}
} // namespace

void installStrictWarnings()
{
    QStandardPaths::setTestModeEnabled(true);
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    armedFor = QByteArray(QTest::currentTestFunction()) + '/' + QByteArray(QTest::currentDataTag());
    if (!previousHandler)
        previousHandler = qInstallMessageHandler(strictHandler);
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
