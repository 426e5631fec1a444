// The platform-sim HTTP parser on its own (no sockets): incremental input, pipelining, limits, and every
// class of malformed request with the status it must produce.
#include "HttpRequestParser.h"
#include "StrictWarnings.h"

#include <QTest>

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void parsesRequestWithBody()
    {
        HttpRequestParser parser;
        QByteArray input = "PUT /api/v1/cases/a%2Db?x=1 HTTP/1.1\r\nHost: h\r\nContent-Type:  application/json \r\n"
                           "Content-Length: 7\r\n\r\n{\"a\":1}";
        QCOMPARE(parser.parse(input), HttpRequestParser::Status::Complete);
        const HttpRequest r = parser.takeRequest();
        QCOMPARE(r.method, QByteArray("PUT"));
        QCOMPARE(r.path, QByteArray("/api/v1/cases/a%2Db"));
        QCOMPARE(r.query, QByteArray("x=1"));
        QCOMPARE(r.header("CONTENT-TYPE"), QByteArray("application/json"));
        QCOMPARE(r.body, QByteArray("{\"a\":1}"));
        QVERIFY(r.keepAlive());
        QVERIFY(input.isEmpty());
    }

    void acceptsInputOneByteAtATime()
    {
        const QByteArray whole = "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello";
        HttpRequestParser parser;
        QByteArray buffer;
        for (qsizetype i = 0; i < whole.size(); ++i) {
            buffer += whole.at(i);
            const auto status = parser.parse(buffer);
            QCOMPARE(status, i + 1 == whole.size() ? HttpRequestParser::Status::Complete
                                                    : HttpRequestParser::Status::NeedMore);
        }
        QCOMPARE(parser.takeRequest().body, QByteArray("hello"));
    }

    void leavesPipelinedRequestInBuffer()
    {
        HttpRequestParser parser;
        QByteArray input = "GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n";
        QCOMPARE(parser.parse(input), HttpRequestParser::Status::Complete);
        QCOMPARE(parser.takeRequest().path, QByteArray("/a"));
        QCOMPARE(parser.parse(input), HttpRequestParser::Status::Complete);
        QCOMPARE(parser.takeRequest().path, QByteArray("/b"));
        QVERIFY(input.isEmpty());
        QCOMPARE(parser.parse(input), HttpRequestParser::Status::NeedMore);
    }

    void skipsLeadingEmptyLines()
    {
        HttpRequestParser parser;
        QByteArray input = "\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n";
        QCOMPARE(parser.parse(input), HttpRequestParser::Status::Complete);
    }

    void connectionSemantics()
    {
        HttpRequestParser parser;
        QByteArray a = "GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n";
        QCOMPARE(parser.parse(a), HttpRequestParser::Status::Complete);
        QVERIFY(!parser.takeRequest().keepAlive());
        QByteArray b = "GET / HTTP/1.0\r\n\r\n"; // HTTP/1.0 needs no Host and closes by default
        QCOMPARE(parser.parse(b), HttpRequestParser::Status::Complete);
        QVERIFY(!parser.takeRequest().keepAlive());
        QByteArray c = "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
        QCOMPARE(parser.parse(c), HttpRequestParser::Status::Complete);
        QVERIFY(parser.takeRequest().keepAlive());
    }

    void refusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400 << "request line";
        QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: h\r\n\r\n") << 400 << "request line";
        QTest::newRow("method not token") << QByteArray("G(T / HTTP/1.1\r\nHost: h\r\n\r\n") << 400 << "method";
        QTest::newRow("absolute target") << QByteArray("GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n") << 400 << "origin-form";
        QTest::newRow("non-ascii target") << QByteArray("GET /\xc3\xa4 HTTP/1.1\r\nHost: h\r\n\r\n") << 400 << "target";
        QTest::newRow("bad version") << QByteArray("GET / HTTX/1.1\r\nHost: h\r\n\r\n") << 400 << "version";
        QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505 << "HTTP/2.0";
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: h\r\n\r\n") << 400 << "bare CR or LF";
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n") << 400 << "':'";
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n") << 400 << "token";
        QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n") << 400 << "folding";
        QTest::newRow("control in value") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX: a\x01z\r\n\r\n") << 400 << "control";
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << "Host";
        QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400 << "Host";
        QTest::newRow("length not a number") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 1x\r\n\r\n") << 400 << "Content-Length";
        QTest::newRow("negative length") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n") << 400 << "Content-Length";
        QTest::newRow("conflicting lengths") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400 << "conflicting";
        QTest::newRow("chunked") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n") << 501 << "Transfer-Encoding";
        QTest::newRow("chunked and length") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n") << 400 << "both";
    }

    void refusesMalformed()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(QString, messagePart);
        HttpRequestParser parser;
        QCOMPARE(parser.parse(input), HttpRequestParser::Status::Error);
        QCOMPARE(parser.errorStatus(), status);
        QVERIFY2(parser.errorMessage().contains(messagePart), qPrintable(parser.errorMessage()));
        QByteArray more = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";
        QCOMPARE(parser.parse(more), HttpRequestParser::Status::Error); // stays failed
    }

    void enforcesLimits()
    {
        HttpLimits limits;
        limits.maxHeaderBytes = 100;
        limits.maxHeaderCount = 3;
        limits.maxBodyBytes = 10;

        HttpRequestParser unterminated(limits);
        QByteArray endless = "GET / HTTP/1.1\r\nHost: h\r\nX: " + QByteArray(100, 'a');
        QCOMPARE(unterminated.parse(endless), HttpRequestParser::Status::Error);
        QCOMPARE(unterminated.errorStatus(), 431);

        HttpRequestParser tooLong(limits);
        QByteArray longHead = "GET / HTTP/1.1\r\nHost: h\r\nX: " + QByteArray(80, 'a') + "\r\n\r\n";
        QCOMPARE(tooLong.parse(longHead), HttpRequestParser::Status::Error);
        QCOMPARE(tooLong.errorStatus(), 431);

        HttpRequestParser tooMany(limits);
        QByteArray many = "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n";
        QCOMPARE(tooMany.parse(many), HttpRequestParser::Status::Error);
        QCOMPARE(tooMany.errorStatus(), 431);

        HttpRequestParser bigBody(limits);
        QByteArray big = "PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n"; // refused before the body
        QCOMPARE(bigBody.parse(big), HttpRequestParser::Status::Error);
        QCOMPARE(bigBody.errorStatus(), 413);

        HttpRequestParser atLimit(limits);
        QByteArray exact = "PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789";
        QCOMPARE(atLimit.parse(exact), HttpRequestParser::Status::Complete);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_http_request_parser.moc"
