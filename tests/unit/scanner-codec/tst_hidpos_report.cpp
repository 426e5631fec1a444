// HID POS 0x02 reports: one-report and multi-report scans, the size bound, damaged reports, and decoding
// payload bytes as UTF-8 or GB18030.
#include "codec/HidPosReport.h"

#include "StrictWarnings.h"

#include <QStringEncoder>
#include <QTest>

using namespace HidPos;

namespace {
QByteArray report(const QByteArray &data, bool more, const QByteArray &symbology = "]Q1")
{
    QByteArray r(kReportSize, '\0');
    r[0] = char(kScanReportId);
    r[1] = char(data.size());
    r.replace(2, symbology.size(), symbology);
    r.replace(5, data.size(), data);
    r[61] = char(0x51);
    r[63] = more ? char(1) : char(0);
    return r;
}

QList<QByteArray> reportsFor(const QByteArray &payload, const QByteArray &symbology = "]Q1")
{
    QList<QByteArray> out;
    for (int i = 0; i < payload.size(); i += kMaxDataPerReport)
        out.append(report(payload.mid(i, kMaxDataPerReport), i + kMaxDataPerReport < payload.size(),
                          symbology));
    return out;
}

QByteArray gb18030(const QString &text)
{
    QStringEncoder encoder("GB18030");
    return encoder.encode(text);
}
} // namespace

class TestHidPosReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void singleReportScan()
    {
        ScanReassembler reassembler;
        const FeedResult got = reassembler.feed(report("6901234567892", false, "]E0"));
        QVERIFY2(got.ok(), qPrintable(got.error.message()));
        QVERIFY(got.complete);
        QCOMPARE(got.scan.bytes, QByteArray("6901234567892"));
        QCOMPARE(got.scan.symbology, QByteArray("]E0"));
        QCOMPARE(reassembler.pendingBytes(), 0);
    }

    void chineseUtf8AcrossThreeReports()
    {
        // 126 bytes: 56 + 56 + 14, both cuts fall inside a 3-byte character.
        const QString text = QStringLiteral("办事大厅预约码").repeated(6);
        const QByteArray payload = text.toUtf8();
        QCOMPARE(payload.size(), 126);
        const QList<QByteArray> reports = reportsFor(payload);
        QCOMPARE(reports.size(), 3);
        ScanReassembler reassembler;
        for (int i = 0; i < 2; ++i) {
            const FeedResult got = reassembler.feed(reports.at(i));
            QVERIFY(got.ok());
            QVERIFY2(!got.complete, "complete before the last report");
        }
        QCOMPARE(reassembler.pendingBytes(), 112);
        const FeedResult got = reassembler.feed(reports.at(2));
        QVERIFY(got.ok());
        QVERIFY(got.complete);
        QCOMPARE(got.scan.bytes, payload);
        QCOMPARE(got.scan.symbology, QByteArray("]Q1"));
        const DecodedPayload decoded = decodePayload(got.scan.bytes);
        QCOMPARE(decoded.encoding, PayloadEncoding::Utf8);
        QCOMPARE(decoded.text, text);
    }

    void gb18030Payload()
    {
        const QString text = QStringLiteral("预约号A0193 姓名张三 街道社区政务服务中心 第二窗口 请凭此码办理 GB18030 编码");
        const QByteArray payload = gb18030(text);
        QVERIFY(payload.size() > kMaxDataPerReport); // two reports
        ScanReassembler reassembler;
        FeedResult got;
        for (const QByteArray &r : reportsFor(payload))
            got = reassembler.feed(r);
        QVERIFY(got.complete);
        const DecodedPayload decoded = decodePayload(got.scan.bytes);
        QCOMPARE(decoded.encoding, PayloadEncoding::Gb18030);
        QCOMPARE(decoded.text, text);
        QCOMPARE(encodingName(decoded.encoding), QStringLiteral("GB18030"));
    }

    void asciiIsUtf8()
    {
        const DecodedPayload decoded = decodePayload("https://example.gov.cn/c/42");
        QCOMPARE(decoded.encoding, PayloadEncoding::Utf8);
        QCOMPARE(decoded.text, QStringLiteral("https://example.gov.cn/c/42"));
    }

    void neitherEncodingIsUndecodable()
    {
        // 0xFF never starts a UTF-8 or a GB18030 sequence; a lone 0xC4 lead byte at the end neither.
        for (const QByteArray &bytes : {QByteArray("\xff\xfe"), QByteArray("AB\xc4")}) {
            const DecodedPayload decoded = decodePayload(bytes);
            QCOMPARE(decoded.encoding, PayloadEncoding::Undecodable);
            QVERIFY(decoded.text.isEmpty());
        }
    }

    void scanAtTheBoundIsDelivered()
    {
        ScanReassembler reassembler(112);
        const QList<QByteArray> reports = reportsFor(QByteArray(112, 'x'));
        QVERIFY(reassembler.feed(reports.at(0)).ok());
        const FeedResult got = reassembler.feed(reports.at(1));
        QVERIFY(got.ok());
        QVERIFY(got.complete);
        QCOMPARE(got.scan.bytes.size(), 112);
    }

    void scanOverTheBoundIsDroppedWhole()
    {
        ScanReassembler reassembler(100);
        const QList<QByteArray> reports = reportsFor(QByteArray(150, 'x')); // 56 + 56 + 38
        QVERIFY(reassembler.feed(reports.at(0)).ok());
        const FeedResult over = reassembler.feed(reports.at(1));
        QCOMPARE(over.error.kind, ReportError::Kind::ScanTooLong);
        QVERIFY(!over.complete);
        QCOMPARE(over.error.dropped, 56);
        QCOMPARE(over.error.message(), QStringLiteral("scan too long: over 100 bytes; dropped"));
        QCOMPARE(reassembler.pendingBytes(), 0);
        // The tail of the dropped scan is skipped silently, not delivered as a scan of its own.
        const FeedResult tail = reassembler.feed(reports.at(2));
        QVERIFY(tail.ok());
        QVERIFY(!tail.complete);
        // The next scan is whole again.
        const FeedResult next = reassembler.feed(report("NEXT", false));
        QVERIFY(next.complete);
        QCOMPARE(next.scan.bytes, QByteArray("NEXT"));
    }

    void defaultBoundIs4096()
    {
        ScanReassembler reassembler;
        const QList<QByteArray> reports = reportsFor(QByteArray(4097, 'y'));
        FeedResult last;
        int errors = 0;
        for (const QByteArray &r : reports) {
            last = reassembler.feed(r);
            errors += last.ok() ? 0 : 1;
            QVERIFY(!last.complete);
        }
        QCOMPARE(errors, 1);
    }

    void wrongReportIdIsIgnoredAndKeepsTheScan()
    {
        ScanReassembler reassembler;
        const QList<QByteArray> reports = reportsFor(QByteArray(80, 'z'));
        QVERIFY(reassembler.feed(reports.at(0)).ok());
        QByteArray other = reports.at(1);
        other[0] = char(0x05);
        const FeedResult got = reassembler.feed(other);
        QCOMPARE(got.error.kind, ReportError::Kind::WrongReportId);
        QCOMPARE(got.error.message(), QStringLiteral("report id 0x05, expected 0x02"));
        QCOMPARE(reassembler.pendingBytes(), 56);
        const FeedResult done = reassembler.feed(reports.at(1));
        QVERIFY(done.complete);
        QCOMPARE(done.scan.bytes, QByteArray(80, 'z'));
    }

    void shortReportDropsTheScan()
    {
        ScanReassembler reassembler;
        const QList<QByteArray> reports = reportsFor(QByteArray(150, 's'));
        QVERIFY(reassembler.feed(reports.at(0)).ok());
        const FeedResult got = reassembler.feed(reports.at(1).left(40));
        QCOMPARE(got.error.kind, ReportError::Kind::ShortReport);
        QCOMPARE(got.error.message(), QStringLiteral("report: 40 bytes, expected 64; scan dropped (56 bytes)"));
        QCOMPARE(reassembler.pendingBytes(), 0);
        // A short report cannot say whether more follow: the rest of the scan is skipped.
        QVERIFY(reassembler.skipping());
        const FeedResult tail = reassembler.feed(reports.at(2));
        QVERIFY(tail.ok() && !tail.complete);
        QVERIFY(reassembler.feed(report("OK", false)).complete);
        QCOMPARE(reassembler.feed(QByteArray()).error.kind, ReportError::Kind::ShortReport);
    }

    void dataLengthOver56DropsTheScan()
    {
        ScanReassembler reassembler;
        QVERIFY(reassembler.feed(report(QByteArray(56, 'a'), true)).ok());
        QByteArray bad = report("b", false);
        bad[1] = char(57);
        const FeedResult got = reassembler.feed(bad);
        QCOMPARE(got.error.kind, ReportError::Kind::BadLength);
        QCOMPARE(got.error.message(), QStringLiteral("report data length 57, at most 56; scan dropped (56 bytes)"));
        QVERIFY(!got.complete);
        QVERIFY(!reassembler.skipping()); // its "more follows" byte was 0: the scan is over
        const FeedResult next = reassembler.feed(report("NEW", false, "]E0"));
        QVERIFY(next.complete);
        QCOMPARE(next.scan.bytes, QByteArray("NEW"));
        QCOMPARE(next.scan.symbology, QByteArray("]E0"));
    }

    void symbologyComesFromTheFirstReport()
    {
        ScanReassembler reassembler;
        QVERIFY(reassembler.feed(report(QByteArray(56, 'q'), true, "]Q1")).ok());
        const FeedResult got = reassembler.feed(report("r", false, QByteArray("\0\0\0", 3)));
        QCOMPARE(got.scan.symbology, QByteArray("]Q1"));
        QCOMPARE(reassembler.feed(report("s", false, QByteArray("\0\0\0", 3))).scan.symbology, QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestHidPosReport)
#include "tst_hidpos_report.moc"
