#include "StoreSyncBench.h"

#include "CaseStore.h"
#include "PlatformSimProcess.h"
#include "StoreBenchCase.h"
#include "SyncClient.h"
#include "SyncTransport.h"
#include "TestPki.h"

#include <QDir>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTimer>

#include <chrono>

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kDeadlineMs = 600000; // a stuck run ends with an error, never hangs

double msBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

SyncSettings settingsFor(const TestPki &pki, const QString &kioskId)
{
    SyncSettings s;
    s.platformCaFile = pki.caFile();
    s.clientCertificateFile = pki.certificateFile(kioskId);
    s.clientKeyFile = pki.keyFile(kioskId);
    return s;
}

std::unique_ptr<CaseStore> storeWithCases(const QString &dir, const QString &kioskId, int cases,
                                          QString *error)
{
    QDir().mkpath(dir);
    std::unique_ptr<CaseStore> store = CaseStore::open(dir, error);
    const QVector<StoredAttachment> attachments = benchAttachments();
    for (int i = 0; store && i < cases; ++i) {
        const QString number =
            QStringLiteral("%1-20261203-SYNC-%2").arg(kioskId).arg(i + 1, 5, 10, QLatin1Char('0'));
        if (!store->submitCase(benchCase(number), attachments, error))
            return nullptr;
    }
    return store;
}

// SyncClient from start() until the outbox is empty.
bool runSyncClient(CaseStore &store, const SyncSettings &settings, const QUrl &base, SyncFigures *figures)
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    SyncClient client(store, nam, settings, base);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&client, &SyncClient::pendingCountChanged, &loop, [&] {
        if (client.pendingCount() == 0)
            loop.quit();
    });
    Clock::time_point last = Clock::now();
    const Clock::time_point start = last;
    QObject::connect(&client, &SyncClient::itemSynced, &loop, [&] {
        const Clock::time_point now = Clock::now();
        figures->syncItemMs.push_back(msBetween(last, now));
        last = now;
    });
    deadline.start(kDeadlineMs);
    client.start();
    if (client.pendingCount() != 0)
        loop.exec();
    figures->syncSeconds = msBetween(start, Clock::now()) / 1000.0;
    if (client.pendingCount() != 0) {
        figures->error = QStringLiteral("sync: %1 case(s) still pending after %2 s: %3")
                             .arg(client.pendingCount())
                             .arg(kDeadlineMs / 1000)
                             .arg(client.lastError());
        return false;
    }
    return true;
}

// The bodies SyncClient would send for a store's items, in order (the store's own outbox read).
QList<QPair<QString, QByteArray>> outboxBodies(CaseStore &store, QString *error)
{
    QList<QPair<QString, QByteArray>> bodies;
    for (;;) {
        const OutboxRead read = store.nextDueOutboxItem(QDateTime::currentDateTimeUtc(), 60000, true);
        if (read.status == OutboxRead::Status::Failed) {
            *error = read.error;
            return {};
        }
        if (read.status == OutboxRead::Status::NothingDue)
            return bodies;
        bodies.append({read.item.refId, read.item.body});
        if (!store.markSynced(read.item.seq, "{}", error))
            return {};
    }
}

// The bare loop: one PUT at a time with the same TLS configuration and headers, each answered 201.
bool runBarePuts(const QList<QPair<QString, QByteArray>> &bodies, const SyncSettings &settings,
                 const QUrl &base, SyncFigures *figures)
{
    QSslConfiguration tls;
    if (!SyncTransport::tlsConfiguration(settings, &tls, &figures->error))
        return false;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    const Clock::time_point start = Clock::now();
    for (const auto &[id, body] : bodies) {
        QUrl url = base;
        url.setPath(QStringLiteral("/api/v1/cases/") + id);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("Idempotency-Key", id.toUtf8());
        request.setSslConfiguration(tls);
        request.setTransferTimeout(kDeadlineMs);
        const Clock::time_point sent = Clock::now();
        QNetworkReply *reply = nam.put(request, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->readAll();
        reply->deleteLater();
        figures->bareItemMs.push_back(msBetween(sent, Clock::now()));
        if (status != 201) {
            figures->error = QStringLiteral("bare PUT of case %1: HTTP %2 (%3)")
                                 .arg(id)
                                 .arg(status)
                                 .arg(reply->errorString());
            return false;
        }
    }
    figures->bareSeconds = msBetween(start, Clock::now()) / 1000.0;
    return true;
}

} // namespace

SyncFigures measureSync(int cases)
{
    SyncFigures figures;
    figures.cases = cases;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        figures.error = QStringLiteral("cannot make a temporary directory: %1").arg(dir.errorString());
        return figures;
    }
    const QString syncKiosk = QStringLiteral("SH-XH-LHJD-K01"), bareKiosk = QStringLiteral("SH-XH-LHJD-K02");
    TestPki pki(dir.filePath(QStringLiteral("pki")));
    QDir().mkpath(dir.filePath(QStringLiteral("pki")));
    if (!pki.create(&figures.error) || !pki.issueClient(syncKiosk, &figures.error) ||
        !pki.issueClient(bareKiosk, &figures.error))
        return figures;
    PlatformSimProcess sim(dir.filePath(QStringLiteral("platform.sqlite")), pki.platformArguments());
    if (!sim.start(&figures.error))
        return figures;

    std::unique_ptr<CaseStore> kiosk =
        storeWithCases(dir.filePath(QStringLiteral("kiosk")), syncKiosk, cases, &figures.error);
    std::unique_ptr<CaseStore> source =
        storeWithCases(dir.filePath(QStringLiteral("bare")), bareKiosk, cases, &figures.error);
    if (kiosk && source && runSyncClient(*kiosk, settingsFor(pki, syncKiosk), sim.baseUrl(), &figures)) {
        const auto bodies = outboxBodies(*source, &figures.error);
        if (bodies.size() == cases)
            runBarePuts(bodies, settingsFor(pki, bareKiosk), sim.baseUrl(), &figures);
        else if (figures.error.isEmpty())
            figures.error = QStringLiteral("bare loop: %1 bodies for %2 cases").arg(bodies.size()).arg(cases);
    }
    figures.onPlatform = platformRowCount(sim.dbPath(), QStringLiteral("cases"));
    sim.terminate();
    return figures;
}
