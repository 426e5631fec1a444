#include "HidPosReport.h"

#include <QStringDecoder>

namespace HidPos {

QString ReportError::message() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::WrongReportId:
        return QStringLiteral("report id 0x%1, expected 0x%2")
            .arg(reportId, 2, 16, QLatin1Char('0'))
            .arg(kScanReportId, 2, 16, QLatin1Char('0'));
    case Kind::ShortReport:
        return QStringLiteral("report: %1 bytes, expected %2; scan dropped (%3 bytes)")
            .arg(size)
            .arg(kReportSize)
            .arg(dropped);
    case Kind::BadLength:
        return QStringLiteral("report data length %1, at most %2; scan dropped (%3 bytes)")
            .arg(length)
            .arg(kMaxDataPerReport)
            .arg(dropped);
    case Kind::ScanTooLong:
        return QStringLiteral("scan too long: over %1 bytes; dropped").arg(maximum);
    }
    return {};
}

ScanReassembler::ScanReassembler(int maxScanBytes)
    : m_maxScanBytes(maxScanBytes)
{
}

void ScanReassembler::clear()
{
    m_scan = {};
    m_inScan = false;
    m_skipping = false;
}

FeedResult ScanReassembler::drop(ReportError error, bool moreFollow)
{
    error.dropped = m_scan.bytes.size();
    m_scan = {};
    m_inScan = false;
    m_skipping = moreFollow;
    FeedResult result;
    result.error = error;
    return result;
}

FeedResult ScanReassembler::feed(const QByteArray &report)
{
    if (!report.isEmpty() && quint8(report.at(0)) != kScanReportId) {
        ReportError error;
        error.kind = ReportError::Kind::WrongReportId;
        error.reportId = quint8(report.at(0));
        FeedResult result;
        result.error = error;
        return result;
    }
    if (report.size() < kReportSize) {
        ReportError error;
        error.kind = ReportError::Kind::ShortReport;
        error.size = report.size();
        return drop(error, true);
    }
    const bool moreFollow = report.at(63) != 0;
    const int length = quint8(report.at(1));
    if (length > kMaxDataPerReport) {
        ReportError error;
        error.kind = ReportError::Kind::BadLength;
        error.length = length;
        return drop(error, moreFollow);
    }
    if (m_skipping) { // the rest of a scan already dropped
        m_skipping = moreFollow;
        return {};
    }
    if (!m_inScan) {
        QByteArray symbology = report.mid(2, 3);
        while (symbology.endsWith('\0'))
            symbology.chop(1);
        m_scan.symbology = symbology;
        m_inScan = true;
    }
    if (m_scan.bytes.size() + length > m_maxScanBytes) {
        ReportError error;
        error.kind = ReportError::Kind::ScanTooLong;
        error.maximum = m_maxScanBytes;
        return drop(error, moreFollow);
    }
    m_scan.bytes += report.mid(5, length);
    if (moreFollow)
        return {};
    FeedResult result;
    result.complete = true;
    result.scan = m_scan;
    m_scan = {};
    m_inScan = false;
    return result;
}

DecodedPayload decodePayload(const QByteArray &bytes)
{
    DecodedPayload result;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError()) {
        result.text = text;
        result.encoding = PayloadEncoding::Utf8;
        return result;
    }
    QStringDecoder gb18030("GB18030", QStringDecoder::Flag::Stateless);
    if (gb18030.isValid()) {
        text = gb18030.decode(bytes);
        if (!gb18030.hasError()) {
            result.text = text;
            result.encoding = PayloadEncoding::Gb18030;
        }
    }
    return result;
}

QString encodingName(PayloadEncoding encoding)
{
    switch (encoding) {
    case PayloadEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case PayloadEncoding::Gb18030:
        return QStringLiteral("GB18030");
    case PayloadEncoding::Undecodable:
        break;
    }
    return QStringLiteral("undecodable");
}

} // namespace HidPos
