// Backoff formulas with an injected random source, and the pure classification of upload answers.
#include "Backoff.h"
#include "StrictWarnings.h"
#include "UploadOutcome.h"

#include <QTest>

class TestBackoff : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void ceilingDoublesUpToTheCap()
    {
        const Backoff b(100, 1000, Backoff::Jitter::None);
        QCOMPARE(b.ceilingMs(1), 100);
        QCOMPARE(b.ceilingMs(2), 200);
        QCOMPARE(b.ceilingMs(4), 800);
        QCOMPARE(b.ceilingMs(5), 1000);
        QCOMPARE(b.ceilingMs(1000000), 1000); // no overflow for huge attempt counts
        QCOMPARE(b.delayMs(3), 400);
    }

    void fullJitterSpansZeroToCeiling()
    {
        double r = 0.0;
        const Backoff b(100, 1000, Backoff::Jitter::Full, [&r] { return r; });
        QCOMPARE(b.delayMs(3), 0);
        r = 0.5;
        QCOMPARE(b.delayMs(3), 200); // floor(0.5 * 401)
        r = 0.999999;
        QCOMPARE(b.delayMs(3), 400);
        QCOMPARE(b.delayMs(30), 1000);
        r = 7.0; // a broken source is clamped, not trusted
        QCOMPARE(b.delayMs(3), 400);
    }

    void decorrelatedJitterGrowsFromPreviousDelay()
    {
        double r = 0.0;
        const Backoff b(100, 1000, Backoff::Jitter::Decorrelated, [&r] { return r; });
        QCOMPARE(b.delayMs(1), 100); // never below initial
        r = 0.999999;
        QCOMPARE(b.delayMs(1), 300);      // previous = initial -> [100, 300]
        QCOMPARE(b.delayMs(2, 300), 900); // [100, 900]
        QCOMPARE(b.delayMs(3, 900), 1000); // capped
        r = 0.5;
        QCOMPARE(b.delayMs(2, 300), 500); // 100 + floor(0.5 * 801)
    }

    void sanitisesSettings()
    {
        const Backoff b(0, -5, Backoff::Jitter::None);
        QCOMPARE(b.initialMs(), 1);
        QCOMPARE(b.maxMs(), 1);
        QCOMPARE(b.delayMs(10), 1);
    }

    void defaultRandomStaysInRange()
    {
        const Backoff b(10, 80, Backoff::Jitter::Full);
        for (int i = 0; i < 200; ++i) {
            const int d = b.delayMs(3);
            QVERIFY(d >= 0 && d <= 40);
        }
    }

    void classifiesUploads_data()
    {
        QTest::addColumn<int>("status"); // -1: no HTTP answer
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reasonPart");
        const QByteArray receipt = R"({"case_id":"c1","platform_ref":"P1","received_at":"x","status":"received"})";
        const QByteArray conflict = R"({"error":"conflict","detail":"different body"})";
        using K = UploadOutcome::Kind;
        QTest::newRow("201") << 201 << receipt << int(K::Synced) << "";
        QTest::newRow("200 replay") << 200 << receipt << int(K::Synced) << "";
        QTest::newRow("200 garbage") << 200 << QByteArray("hello") << int(K::Retry) << "not a platform receipt";
        QTest::newRow("200 other case") << 200 << QByteArray(R"({"case_id":"c2"})") << int(K::Retry) << "not a platform receipt";
        QTest::newRow("200 array") << 200 << QByteArray("[]") << int(K::Retry) << "not a platform receipt";
        QTest::newRow("204") << 204 << QByteArray() << int(K::Retry) << "HTTP 204";
        QTest::newRow("302") << 302 << QByteArray() << int(K::Retry) << "HTTP 302";
        QTest::newRow("400") << 400 << QByteArray(R"({"error":"invalid_request","detail":"form: missing"})") << int(K::Rejected) << "HTTP 400: invalid_request: form: missing";
        // Issue 10: only the platform's own 400/422 park an item; every other refusal is retried.
        QTest::newRow("404") << 404 << QByteArray() << int(K::Retry) << "HTTP 404: (not the platform's error body)";
        QTest::newRow("404 platform") << 404 << QByteArray(R"({"error":"not_found"})") << int(K::Retry) << "HTTP 404: not_found";
        QTest::newRow("401") << 401 << QByteArray(R"({"error":"certificate_required"})") << int(K::Retry) << "HTTP 401";
        QTest::newRow("403") << 403 << QByteArray(R"({"error":"forbidden"})") << int(K::Retry) << "HTTP 403";
        QTest::newRow("405") << 405 << QByteArray() << int(K::Retry) << "HTTP 405";
        QTest::newRow("407") << 407 << QByteArray("<html>proxy</html>") << int(K::Retry) << "HTTP 407";
        QTest::newRow("409") << 409 << QByteArray(R"({"error":"case_number_taken"})") << int(K::Retry) << "HTTP 409";
        QTest::newRow("413") << 413 << QByteArray() << int(K::Retry) << "HTTP 413";
        QTest::newRow("400 html") << 400 << QByteArray("<html><h1>400 Bad Request</h1></html>") << int(K::Retry) << "HTTP 400: (not the platform's error body)";
        QTest::newRow("422 json without error") << 422 << QByteArray(R"({"message":"x"})") << int(K::Retry) << "HTTP 422";
        QTest::newRow("422") << 422 << conflict << int(K::Rejected) << "HTTP 422: conflict: different body";
        QTest::newRow("408") << 408 << QByteArray() << int(K::Retry) << "HTTP 408";
        QTest::newRow("429") << 429 << QByteArray() << int(K::Retry) << "HTTP 429";
        QTest::newRow("500") << 500 << QByteArray(R"({"error":"internal"})") << int(K::Retry) << "HTTP 500: internal";
        QTest::newRow("503") << 503 << QByteArray() << int(K::Retry) << "HTTP 503";
        QTest::newRow("network") << -1 << QByteArray() << int(K::Retry) << "network: Connection refused";
    }

    void classifiesUploads()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, reasonPart);
        UploadResult result;
        if (status >= 0)
            result.httpStatus = status;
        else
            result.transportError = QStringLiteral("Connection refused");
        result.body = body;
        const UploadOutcome outcome = classifyUpload(result, QStringLiteral("c1"));
        QCOMPARE(int(outcome.kind), kind);
        QVERIFY2(outcome.reason.contains(reasonPart), qPrintable(outcome.reason));
        QVERIFY(!outcome.logSummary.contains(QLatin1String("different body"))); // no server detail in logs
    }

    void timeoutAndRetryAfter()
    {
        UploadResult timeout;
        timeout.timedOut = true;
        timeout.timeoutMs = 250;
        QCOMPARE(classifyUpload(timeout, QStringLiteral("c")).reason, QStringLiteral("timeout: no answer within 250 ms"));

        UploadResult busy;
        busy.httpStatus = 429;
        busy.retryAfter = "7";
        QCOMPARE(classifyUpload(busy, QStringLiteral("c")).retryAfterMs.value_or(-1), 7000);
        busy.retryAfter = "999999";
        QCOMPARE(classifyUpload(busy, QStringLiteral("c")).retryAfterMs.value_or(-1), 3600 * 1000);
        QCOMPARE(classifyUpload(busy, QStringLiteral("c"), 60000).retryAfterMs.value_or(-1), 60000); // capped
        busy.httpStatus = 403; // honoured on any retried status
        busy.retryAfter = "5";
        QCOMPARE(classifyUpload(busy, QStringLiteral("c")).retryAfterMs.value_or(-1), 5000);
        busy.retryAfter = "Wed, 21 Oct 2015 07:28:00 GMT";
        QVERIFY(!classifyUpload(busy, QStringLiteral("c")).retryAfterMs);
    }

    void capsServerText()
    {
        UploadResult result;
        result.httpStatus = 400;
        result.body = "{\"error\":\"x\",\"detail\":\"" + QByteArray(5000, 'd') + "\"}";
        QVERIFY(classifyUpload(result, QStringLiteral("c")).reason.size() < 700);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
