#include "StoreSyncBench.h"

#include "AttachmentUpload.h"
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
constexpr int kDeadlineMs = 600000;            // a stuck run ends with an error, never hangs
constexpr qint64 kBareChunkBytes = 256 * 1024; // platform-sim's default chunk limit

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
    QObject::connect(&client, &SyncClient::itemSynced, &loop, [&](const QString &kind) {
        const Clock::time_point now = Clock::now();
        (kind == QLatin1String("case") ? figures->syncItemMs : figures->syncAttachmentMs)
            .push_back(msBetween(last, now));
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

// One outbox item as SyncClient would send it: a case body, or an attachment's declaration and bytes.
struct BareItem
{
    QString kind;
    QString caseId;
    QByteArray body;
    QByteArray bytes; // an attachment's
};

// The items SyncClient would send for a store, in order (the store's own outbox read).
QList<BareItem> outboxItems(CaseStore &store, QString *error)
{
    QList<BareItem> items;
    for (;;) {
        const OutboxRead read = store.nextDueOutboxItem(QDateTime::currentDateTimeUtc(), 60000, true);
        if (read.status == OutboxRead::Status::Failed) {
            *error = read.error;
            return {};
        }
        if (read.status == OutboxRead::Status::NothingDue)
            return items;
        BareItem item{read.item.kind, read.item.refId, read.item.body, {}};
        if (item.kind == QLatin1String("attachment")) {
            const AttachmentUpload::Declaration declaration = AttachmentUpload::parseDeclaration(item.body);
            const std::optional<QByteArray> bytes =
                store.attachmentBytes(item.caseId, declaration.sequence, error);
            if (!bytes)
                return {};
            item.bytes = *bytes;
        }
        items.append(item);
        if (!store.markSynced(read.item.seq, "{}", error))
            return {};
    }
}

// One PUT, waited for; the status (0: no answer).
int put(QNetworkAccessManager &nam, const QSslConfiguration &tls, const QUrl &url,
        const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    request.setSslConfiguration(tls);
    request.setTransferTimeout(kDeadlineMs);
    QNetworkReply *reply = nam.put(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->readAll();
    reply->deleteLater();
    return status;
}

// The bare loop: one PUT at a time with the same TLS configuration and headers: a case answered 201; an
// attachment declared (201) and sent in chunks of the platform's default limit (200 each).
bool runBarePuts(const QList<BareItem> &items, const SyncSettings &settings, const QUrl &base,
                 SyncFigures *figures)
{
    QSslConfiguration tls;
    if (!SyncTransport::tlsConfiguration(settings, &tls, &figures->error))
        return false;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    const Clock::time_point start = Clock::now();
    for (const BareItem &item : items) {
        const Clock::time_point sent = Clock::now();
        QString failure;
        if (item.kind == QLatin1String("case")) {
            QUrl url = base;
            url.setPath(QStringLiteral("/api/v1/cases/") + item.caseId);
            const int status = put(
                nam, tls, url,
                {{"Content-Type", "application/json"}, {"Idempotency-Key", item.caseId.toUtf8()}}, item.body);
            if (status != 201)
                failure = QStringLiteral("bare PUT of case %1: HTTP %2").arg(item.caseId).arg(status);
        } else {
            const AttachmentUpload::Declaration declaration = AttachmentUpload::parseDeclaration(item.body);
            int status = put(
                nam, tls, AttachmentUpload::url(base, item.caseId, declaration.sequence, false),
                {{"Content-Type", "application/json"}, {"Idempotency-Key", item.caseId.toUtf8()}}, item.body);
            for (qint64 offset = 0; status >= 200 && status < 300 && offset < item.bytes.size();
                 offset += kBareChunkBytes) {
                const QByteArray chunk = item.bytes.mid(offset, kBareChunkBytes);
                status = put(nam, tls, AttachmentUpload::url(base, item.caseId, declaration.sequence, true),
                             {{"Content-Type", "application/octet-stream"},
                              {"Content-Range",
                               AttachmentUpload::contentRange(offset, chunk.size(), item.bytes.size())},
                              {"Content-Digest", AttachmentUpload::contentDigest(chunk)}},
                             chunk);
            }
            if (status != 200 && status != 201)
                failure = QStringLiteral("bare upload of an attachment of case %1: HTTP %2")
                              .arg(item.caseId)
                              .arg(status);
            figures->attachmentBytes += item.bytes.size();
        }
        if (!failure.isEmpty()) {
            figures->error = failure;
            return false;
        }
        (item.kind == QLatin1String("case") ? figures->bareItemMs : figures->bareAttachmentMs)
            .push_back(msBetween(sent, Clock::now()));
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
        const QList<BareItem> items = outboxItems(*source, &figures.error);
        const auto caseItems = std::count_if(
            items.cbegin(), items.cend(), [](const BareItem &i) { return i.kind == QLatin1String("case"); });
        if (caseItems == cases)
            runBarePuts(items, settingsFor(pki, bareKiosk), sim.baseUrl(), &figures);
        else if (figures.error.isEmpty())
            figures.error =
                QStringLiteral("bare loop: %1 case bodies for %2 cases").arg(caseItems).arg(cases);
    }
    figures.onPlatform = platformRowCount(sim.dbPath(), QStringLiteral("cases"));
    figures.attachmentsOnPlatform = platformRowCount(sim.dbPath(), QStringLiteral("attachments"));
    sim.terminate();
    return figures;
}
