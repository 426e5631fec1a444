// platform-sim's HTTP layer, end to end over raw sockets against the real executable: keep-alive,
// pipelining, Connection: close, slow clients, and malformed or oversized requests (answered with a JSON
// error body and a closed connection, while the server keeps serving others).
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "StrictWarnings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class TestPlatformSimHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("platform.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_sim->terminate(), 0); // SIGTERM is a clean exit
    }

    void keepsConnectionAlive()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_sim->port()));
        for (int i = 0; i < 3; ++i) {
            client.send(RawHttpClient::request("GET", "/api/v1/health"));
            const auto r = client.read();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(r->header("connection"), QByteArray("keep-alive"));
            QCOMPARE(QJsonDocument::fromJson(r->body).object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        }
        QVERIFY(!client.waitClosed(200));
    }

    void answersPipelinedRequestsInOrder()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_sim->port()));
        client.send(RawHttpClient::request("GET", "/api/v1/health") + RawHttpClient::request("GET", "/nope")
                    + RawHttpClient::request("GET", "/api/v1/health"));
        QCOMPARE(client.read().value_or(RawHttpResponse()).status, 200);
        QCOMPARE(client.read().value_or(RawHttpResponse()).status, 404);
        QCOMPARE(client.read().value_or(RawHttpResponse()).status, 200);
    }

    void closesOnRequest()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_sim->port()));
        client.send(RawHttpClient::request("GET", "/api/v1/health", {{"Connection", "close"}}));
        const auto r = client.read();
        QVERIFY(r);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());

        RawHttpClient old;
        QVERIFY(old.connectTo(m_sim->port()));
        old.send("GET /api/v1/health HTTP/1.0\r\n\r\n");
        QCOMPARE(old.read().value_or(RawHttpResponse()).status, 200);
        QVERIFY(old.waitClosed());
    }

    void readsBodyArrivingInPieces()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_sim->port()));
        const QByteArray request = RawHttpClient::request("POST", "/api/v1/health", {}, QByteArray(300, 'x'));
        for (qsizetype i = 0; i < request.size(); i += 50) {
            client.send(request.mid(i, 50));
            QThread::msleep(5);
        }
        const auto r = client.read();
        QVERIFY(r);
        QCOMPARE(r->status, 405); // the whole request was read, then routed
        QCOMPARE(r->header("allow"), QByteArray("GET"));
    }

    void refusesMalformedAndCloses_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400;
        QTest::newRow("no host") << QByteArray("GET /api/v1/health HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nbroken\r\n\r\n") << 400;
        QTest::newRow("bad content-length") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: ten\r\n\r\n") << 400;
        QTest::newRow("http/3") << QByteArray("GET / HTTP/3.0\r\nHost: h\r\n\r\n") << 505;
        QTest::newRow("chunked") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 501;
        QTest::newRow("huge body declared") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 999999999\r\n\r\n") << 413;
        QTest::newRow("huge header") << ("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + QByteArray(9000, 'a') + "\r\n\r\n") << 431;
        QTest::newRow("endless header") << ("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + QByteArray(9000, 'a')) << 431;
        QByteArray many = "GET / HTTP/1.1\r\nHost: h\r\n";
        for (int i = 0; i < 70; ++i)
            many += "X-" + QByteArray::number(i) + ": 1\r\n";
        QTest::newRow("too many headers") << (many + "\r\n") << 431;
    }

    void refusesMalformedAndCloses()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        RawHttpClient client;
        QVERIFY(client.connectTo(m_sim->port()));
        client.send(request);
        const auto r = client.read();
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QCOMPARE(r->header("content-type"), QByteArray("application/json"));
        const QJsonObject error = QJsonDocument::fromJson(r->body).object();
        QVERIFY(!error.value(QStringLiteral("error")).toString().isEmpty());
        QVERIFY(!error.value(QStringLiteral("detail")).toString().isEmpty());
        QVERIFY(client.waitClosed());
        // The server survives and serves the next client.
        QCOMPARE(rawExchange(m_sim->port(), RawHttpClient::request("GET", "/api/v1/health")).value_or(RawHttpResponse()).status, 200);
    }

    void unknownPathsAndMethods()
    {
        const auto notFound = rawExchange(m_sim->port(), RawHttpClient::request("GET", "/api/v2/health"));
        QCOMPARE(notFound.value_or(RawHttpResponse()).status, 404);
        QCOMPARE(QJsonDocument::fromJson(notFound->body).object().value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
        const auto wrongMethod = rawExchange(m_sim->port(), RawHttpClient::request("DELETE", "/api/v1/cases/abc"));
        QCOMPARE(wrongMethod.value_or(RawHttpResponse()).status, 405);
        QCOMPARE(wrongMethod->header("allow"), QByteArray("GET, PUT"));
        const auto noCatalog = rawExchange(m_sim->port(), RawHttpClient::request("GET", "/api/v1/catalog"));
        QCOMPARE(noCatalog.value_or(RawHttpResponse()).status, 404); // started without --catalog
    }

    void bindsToLoopbackOnly()
    {
        QHostAddress external;
        for (const QHostAddress &a : QNetworkInterface::allAddresses())
            if (!a.isLoopback() && a.protocol() == QAbstractSocket::IPv4Protocol)
                external = a;
        if (external.isNull())
            QSKIP("this host has no non-loopback IPv4 address to try");
        QTcpSocket socket;
        socket.connectToHost(external, m_sim->port());
        QVERIFY2(!socket.waitForConnected(2000), qPrintable(external.toString()));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;
};

QTEST_GUILESS_MAIN(TestPlatformSimHttp)
#include "tst_platform_sim_http.moc"
