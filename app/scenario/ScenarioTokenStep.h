#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

// The scan_token step: asks the platform (platform-sim with --test-hooks, POST /test/identity-token) for a
// personal identity code as a resident's phone would show it, and returns it for the scanner. The step's
// argument is passed on (typ, sub, name, kid, lifetime_seconds, issued_offset_seconds) except the runner's
// own keys: "again": true scans the previous token once more (a replay); "tamper": "signature" flips one
// character of the signature (a forgery). Blocks in a local event loop for at most timeoutMs. GUI thread.
class ScenarioTokenStep
{
public:
    // The code to scan, or an empty string and *error.
    QString code(const QUrl &platform, const QJsonObject &argument, int timeoutMs, QString *error);

private:
    QString m_last;
};
