#pragma once

#include "CaseStore.h"
#include "SiteConfig.h"

#include <QDir>
#include <QJsonObject>
#include <QString>

#include <memory>

// One simulated kiosk for sync tests: its own data directory and CaseStore, closed and reopened at will
// (a kiosk restart).
struct SyncTestKiosk
{
    explicit SyncTestKiosk(QString dir) : dataDir(std::move(dir)) { QDir().mkpath(dataDir); }

    bool open(QString *error)
    {
        store = CaseStore::open(dataDir, error);
        return bool(store);
    }

    QString dataDir;
    std::unique_ptr<CaseStore> store;
};

// The case number a test uses for a case id (unique per id, the same for the same id).
inline QString testCaseNumber(const QString &id)
{
    return QStringLiteral("SH-XH-LHJD-20261127-") + id.left(8);
}

// A complete submission; `variant` changes the form so the body differs for the same id.
inline CaseSubmission testSubmission(const QString &id, const QString &variant = QString())
{
    CaseSubmission s;
    s.id = id;
    s.caseNumber = testCaseNumber(id);
    s.serviceId = QStringLiteral("residence-permit");
    s.centerId = QStringLiteral("SH-XH-LHJD");
    s.submittedAt = QDateTime(QDate(2026, 11, 27), QTime(8, 30), Qt::UTC);
    s.form = QJsonObject{{QStringLiteral("name"), QStringLiteral("张三") + variant},
                         {QStringLiteral("phone"), QStringLiteral("13800000000")}};
    s.language = QStringLiteral("zh_CN");
    return s;
}

// Small delays so the retry tests run in seconds.
inline SyncSettings fastSyncSettings()
{
    SyncSettings s;
    s.initialBackoffMs = 50;
    s.maxBackoffMs = 200;
    s.requestTimeoutMs = 3000;
    s.requestDeadlineMs = 10000;
    s.allowInsecureHttp = true; // these tests talk plain HTTP to platform-sim unless they set up TLS
    return s;
}
