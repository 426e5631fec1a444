#pragma once

// Call first in every test's initTestCase(): any qWarning / qCritical the test did not announce with
// QTest::ignoreMessage fails the test. Also switches QStandardPaths to test mode.
void installStrictWarnings();

// The source tree (for fixtures and kiosk-config), from the environment ctest sets.
#include <QString>
QString sourcePath(const QString &relative);
QString binaryPath(const QString &relative);
