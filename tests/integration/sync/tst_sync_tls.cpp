// SyncClient over HTTPS with mutual TLS against platform-sim (QSslServer) and a test PKI made by the
// openssl command line: the kiosk presents its client certificate and trusts only the platform CA; the
// platform answers 401/403 to missing or unknown certificates, binds each case to the kiosk that first sent
// it, and refuses a case number it holds for another case. One QNetworkAccessManager per kiosk identity (one
// manager reuses its TLS connection across identities).
#include "PlatformSimProcess.h"
#include "StrictWarnings.h"
#include "SyncClient.h"
#include "SyncTestKiosk.h"
#include "SyncTransport.h"
#include "TestPki.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <map>

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

int attemptsOfHead(const CaseStore &store)
{
    return store.nextOutboxItem().value_or(OutboxItem()).attempts;
}

} // namespace

class TestSyncTls : public QObject
{
    Q_OBJECT

private:
    SyncSettings settingsFor(const QString &identity) const
    {
        SyncSettings s = fastSyncSettings();
        s.allowInsecureHttp = false;
        s.platformCaFile = m_pki->caFile();
        if (!identity.isEmpty()) {
            s.clientCertificateFile = m_pki->certificateFile(identity);
            s.clientKeyFile = m_pki->keyFile(identity);
        }
        return s;
    }
    QNetworkAccessManager &namFor(const QString &identity)
    {
        auto &nam = m_nams[identity];
        if (!nam) {
            nam = std::make_unique<QNetworkAccessManager>();
            nam->setProxy(QNetworkProxy::NoProxy);
        }
        return *nam;
    }
    QString kioskDir() { return m_dir.filePath(QStringLiteral("kiosk-%1").arg(++m_kiosks)); }
    int platformCases(const QString &id)
    {
        return platformRowCount(m_sim->dbPath(), QStringLiteral("cases"), id);
    }

    // A store with one case, synced by a client with `identity` until it has failed `attempts` times; the
    // alert names `cause` and contains `reasonPart`; nothing is parked. `caseId` (if given) gets the case's id.
    void expectRefused(PlatformSimProcess &sim, const QString &identity, const SyncSettings &settings,
                       const QString &cause, const QString &reasonPart, QString *caseId = nullptr)
    {
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        if (caseId)
            *caseId = id;
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncClient client(*kiosk.store, namFor(identity), settings, sim.baseUrl());
        QSignalSpy rejected(&client, &SyncClient::itemRejected);
        client.start();
        QTRY_VERIFY(attemptsOfHead(*kiosk.store) >= 2);
        QCOMPARE(rejected.count(), 0);
        QVERIFY2(client.alert().contains(reasonPart), qPrintable(client.alert()));
        QCOMPARE(client.alertCause(), cause);
        QCOMPARE(platformRowCount(sim.dbPath(), QStringLiteral("cases"), id), 0);
        QCOMPARE(kiosk.store->caseSyncState(id), SyncState::Pending);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_pki = std::make_unique<TestPki>(m_dir.path());
        QString error;
        QVERIFY2(m_pki->create(&error), qPrintable(error));
        for (const char *kiosk : {"SH-XH-LHJD-K01", "SH-XH-LHJD-K02"})
            QVERIFY2(m_pki->issueClient(QLatin1String(kiosk), &error), qPrintable(error));
        QVERIFY2(m_pki->issueClient(QStringLiteral("SH-XH-LHJD-K99"), &error, true), qPrintable(error));
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("platform.sqlite")),
                                                     QStringList{QStringLiteral("--test-hooks")} +
                                                         m_pki->platformArguments());
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QCOMPARE(m_sim->baseUrl().scheme(), QStringLiteral("https"));
    }

    void cleanupTestCase() { QCOMPARE(m_sim->terminate(), 0); }

    void kioskSyncsOverMutualTls()
    {
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        QVERIFY(kiosk.store->addRating(id, 5, QString(), &error));
        SyncClient client(*kiosk.store, namFor(QStringLiteral("SH-XH-LHJD-K01")),
                          settingsFor(QStringLiteral("SH-XH-LHJD-K01")), m_sim->baseUrl());
        QSignalSpy synced(&client, &SyncClient::itemSynced);
        client.start();
        QTRY_COMPARE(synced.count(), 2);
        QCOMPARE(platformCases(id), 1);
        QCOMPARE(platformColumn(m_sim->dbPath(), QStringLiteral("cases"), QStringLiteral("owner"), id),
                 QStringLiteral("SH-XH-LHJD-K01"));
        QTRY_VERIFY(m_sim->log().contains(
            QStringLiteral("PUT /api/v1/cases/%1 -> 201 kiosk SH-XH-LHJD-K01").arg(id)));
        QVERIFY(client.alert().isEmpty());
    }

    void missingClientCertificateIs401()
    {
        expectRefused(*m_sim, QStringLiteral("none"), settingsFor(QString()), QStringLiteral("identity"),
                      QStringLiteral("HTTP 401: certificate_required"));
    }

    void foreignClientCertificateIs403()
    {
        expectRefused(*m_sim, QStringLiteral("SH-XH-LHJD-K99"), settingsFor(QStringLiteral("SH-XH-LHJD-K99")),
                      QStringLiteral("identity"), QStringLiteral("HTTP 403: unknown_client"));
    }

    // The kiosk trusts only its configured platform CA: a platform certificate from another CA (here: the
    // real platform, but the kiosk was given someone else's CA) is refused before anything is sent.
    void platformCertificateFromAnotherCaIsRefused()
    {
        SyncSettings settings = settingsFor(QStringLiteral("SH-XH-LHJD-K01"));
        settings.platformCaFile = m_pki->certificateFile(QStringLiteral("foreign-ca"));
        QString id;
        expectRefused(*m_sim, QStringLiteral("pinned-elsewhere"), settings, QStringLiteral("tls"),
                      QStringLiteral("tls:"), &id);
        // Counted by this case's id: the log of the test before may still be arriving from platform-sim.
        QVERIFY(!id.isEmpty());
        QVERIFY2(!m_sim->log().contains(QStringLiteral("/api/v1/cases/%1").arg(id)), "the request reached the platform");
    }

    // Where the platform refuses a certificate in the handshake itself, the client only sees the connection
    // closed (RemoteHostClosedError): classified as a possible identity failure, alerted and retried.
    void handshakeRefusalIsAnIdentityAlert()
    {
        PlatformSimProcess strict(m_dir.filePath(QStringLiteral("strict.sqlite")),
                                  m_pki->platformArguments() +
                                      QStringList{QStringLiteral("--refuse-in-handshake")});
        QString error;
        QVERIFY2(strict.start(&error), qPrintable(error));
        expectRefused(strict, QStringLiteral("strict-none"), settingsFor(QString()),
                      QStringLiteral("identity"),
                      QStringLiteral("closed the connection during the TLS handshake"));
        if (QTest::currentTestFailed())
            return;
        // The same platform takes a kiosk with its certificate.
        SyncTestKiosk kiosk(kioskDir());
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncClient client(*kiosk.store, namFor(QStringLiteral("SH-XH-LHJD-K02")),
                          settingsFor(QStringLiteral("SH-XH-LHJD-K02")), strict.baseUrl());
        client.start();
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(platformRowCount(strict.dbPath(), QStringLiteral("cases"), id), 1);
        QCOMPARE(strict.terminate(), 0);
    }

    // Another kiosk's PUT of a case id the platform holds for its owner is refused (403 not_owner), even
    // with the identical body; the owner's retries are answered as before (200).
    void anotherKioskCannotTakeACase()
    {
        const QString id = newId();
        SyncTestKiosk owner(kioskDir()), ownerAgain(kioskDir()), intruder(kioskDir());
        QString error;
        QVERIFY(owner.open(&error) && ownerAgain.open(&error) && intruder.open(&error));
        QVERIFY(owner.store->submitCase(testSubmission(id), {}, &error));
        QVERIFY(ownerAgain.store->submitCase(testSubmission(id), {}, &error));
        QVERIFY(intruder.store->submitCase(testSubmission(id), {}, &error));
        const QString k1 = QStringLiteral("SH-XH-LHJD-K01"), k2 = QStringLiteral("SH-XH-LHJD-K02");
        SyncClient first(*owner.store, namFor(k1), settingsFor(k1), m_sim->baseUrl());
        first.start();
        QTRY_COMPARE(first.pendingCount(), 0);
        const QString sha =
            platformColumn(m_sim->dbPath(), QStringLiteral("cases"), QStringLiteral("body_sha256"), id);

        SyncClient other(*intruder.store, namFor(k2), settingsFor(k2), m_sim->baseUrl());
        QSignalSpy rejected(&other, &SyncClient::itemRejected);
        other.start();
        QTRY_VERIFY(attemptsOfHead(*intruder.store) >= 2);
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(other.alertCause(), QStringLiteral("identity"));
        QVERIFY2(other.alert().startsWith(QLatin1String("HTTP 403: not_owner")), qPrintable(other.alert()));
        QTRY_VERIFY(
            m_sim->log().contains(QStringLiteral("PUT /api/v1/cases/%1 -> 403 kiosk %2").arg(id, k2)));

        SyncClient retry(*ownerAgain.store, namFor(k1), settingsFor(k1), m_sim->baseUrl());
        retry.start();
        QTRY_COMPARE(retry.pendingCount(), 0);
        QTRY_VERIFY(
            m_sim->log().contains(QStringLiteral("PUT /api/v1/cases/%1 -> 200 kiosk %2").arg(id, k1)));
        QCOMPARE(platformCases(id), 1);
        QCOMPARE(platformColumn(m_sim->dbPath(), QStringLiteral("cases"), QStringLiteral("owner"), id), k1);
        QCOMPARE(platformColumn(m_sim->dbPath(), QStringLiteral("cases"), QStringLiteral("body_sha256"), id),
                 sha);
    }

    // A case number the platform holds for another case id is refused (409), never stored twice.
    void caseNumberHeldByAnotherCaseIsRefused()
    {
        const QString first = newId(), second = newId();
        SyncTestKiosk a(kioskDir()), b(kioskDir());
        QString error;
        QVERIFY(a.open(&error) && b.open(&error));
        QVERIFY(a.store->submitCase(testSubmission(first), {}, &error));
        CaseSubmission clash = testSubmission(second);
        clash.caseNumber = testCaseNumber(first);
        QVERIFY(b.store->submitCase(clash, {}, &error));
        const QString k1 = QStringLiteral("SH-XH-LHJD-K01"), k2 = QStringLiteral("SH-XH-LHJD-K02");
        SyncClient one(*a.store, namFor(k1), settingsFor(k1), m_sim->baseUrl());
        one.start();
        QTRY_COMPARE(one.pendingCount(), 0);
        SyncClient two(*b.store, namFor(k2), settingsFor(k2), m_sim->baseUrl());
        two.start();
        QTRY_VERIFY(attemptsOfHead(*b.store) >= 2);
        QCOMPARE(two.alertCause(), QStringLiteral("conflict"));
        QVERIFY2(two.alert().startsWith(QLatin1String("HTTP 409: case_number_taken")),
                 qPrintable(two.alert()));
        QCOMPARE(platformCases(second), 0);
        QCOMPARE(b.store->caseSyncState(second), SyncState::Pending);
    }

    // Every /api/v1/ resource but health needs a verified identity; the check comes before the route.
    void resourcesNeedAnIdentityHealthDoesNot()
    {
        const auto get = [this](const QString &identity, const QString &path) {
            QSslConfiguration tls;
            QString error;
            if (!SyncTransport::tlsConfiguration(settingsFor(identity), &tls, &error))
                return -1;
            QUrl url = m_sim->baseUrl();
            url.setPath(path);
            QNetworkRequest request(url);
            request.setSslConfiguration(tls);
            QNetworkReply *reply =
                namFor(identity.isEmpty() ? QStringLiteral("none") : identity).get(request);
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            reply->deleteLater();
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        };
        QCOMPARE(get(QString(), QStringLiteral("/api/v1/health")), 200);
        QCOMPARE(get(QString(), QStringLiteral("/api/v1/catalog")), 401);
        QCOMPARE(get(QString(), QStringLiteral("/api/v1/cases/nobody")), 401);
        QCOMPARE(get(QStringLiteral("SH-XH-LHJD-K99"), QStringLiteral("/api/v1/catalog")), 403);
        QCOMPARE(get(QStringLiteral("SH-XH-LHJD-K01"), QStringLiteral("/api/v1/catalog")),
                 404); // known kiosk, no catalog here
    }

    void unreadableTlsFilesStopSync()
    {
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        QVERIFY(kiosk.store->submitCase(testSubmission(newId()), {}, &error));
        SyncSettings settings = settingsFor(QStringLiteral("SH-XH-LHJD-K01"));
        settings.clientKeyFile = m_dir.filePath(QStringLiteral("missing.key"));
        SyncClient client(*kiosk.store, namFor(QStringLiteral("SH-XH-LHJD-K01")), settings, m_sim->baseUrl());
        QTest::ignoreMessage(QtCriticalMsg,
                             QRegularExpression(QStringLiteral("^sync refused: client key .*missing\\.key")));
        client.start();
        QCOMPARE(client.state(), QStringLiteral("misconfigured"));
        QCOMPARE(client.alertCause(), QStringLiteral("configuration"));
        QCOMPARE(attemptsOfHead(*kiosk.store), 0);
    }

private:
    QTemporaryDir m_dir;
    int m_kiosks = 0;
    std::unique_ptr<TestPki> m_pki;
    std::unique_ptr<PlatformSimProcess> m_sim;
    std::map<QString, std::unique_ptr<QNetworkAccessManager>> m_nams;
};

QTEST_GUILESS_MAIN(TestSyncTls)
#include "tst_sync_tls.moc"
