#include "ReceiptSuite.h"

#include "CaseReceipt.h"
#include "EscPosDecoder.h"
#include "EscPosRenderer.h"

#include <QStringEncoder>

#include <cstring>

namespace {
// A realistic receipt: a long Chinese center name that wraps, a case number, masked personal values
// (fictional), and a tracking URL for the QR code.
CaseReceiptContent sampleContent()
{
    CaseReceiptContent c;
    c.centerName = QStringLiteral("徐汇区田林街道社区事务受理服务中心");
    c.serviceName = QStringLiteral("社会保障卡补换卡");
    c.caseNumber = QStringLiteral("SH-XH-TLQ-20261127-0001");
    c.submittedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 30));
    c.maskedName = QStringLiteral("王**");
    c.maskedIdNumber = QStringLiteral("310104********0029");
    c.synced = true;
    c.trackingUrl = QStringLiteral("https://zwdt.sh.gov.cn/track?case=8c1f0d2e-0000-4000-8000-000000000001");
    return c;
}

// The printed text of a receipt, one line per printed line (the input of the GB18030 baseline).
QString printedText(const EscPosElements &elements)
{
    QString text;
    for (const EscPosElement &e : elements)
        if (e.kind == EscPosElement::Kind::TextLine)
            text += e.text + QLatin1Char('\n');
    return text;
}

int widthDotsFor(int columns)
{
    return columns * EscPosRenderer::cellWidth; // 48 -> 576 (80 mm), 32 -> 384 (58 mm)
}
} // namespace

SuiteReport runReceiptSuite(const BenchConfig &config)
{
    SuiteReport report;
    report.suite = QStringLiteral("receipt");
    const CaseReceiptContent content = sampleContent();

    for (const int columns : {48, 32}) {
        const QString n = QString::number(columns);
        QString error;
        const QByteArray bytes = CaseReceipt::build(content, columns, &error);
        if (bytes.isEmpty()) {
            report.error = QStringLiteral("receipt at %1 columns refused: %2").arg(columns).arg(error);
            return report;
        }
        const EscPosElements elements = EscPosDecoder::decode(bytes);
        const QStringList problems = EscPosDecoder::problems(elements);
        if (!problems.isEmpty()) {
            report.error = QStringLiteral("receipt at %1 columns decodes with errors: %2")
                               .arg(columns).arg(problems.join(QStringLiteral("; ")));
            return report;
        }
        EscPosRenderOptions renderOptions;
        renderOptions.widthDots = widthDotsFor(columns);
        const QString text = printedText(elements);

        BenchResult build = benchMeasure(QStringLiteral("build_") + n, config, [&] {
            benchKeep(CaseReceipt::build(content, columns).size());
        });
        build.bytes = bytes.size();
        report.results.append(build);

        // The same template without the logo (build_ includes loading the template and dithering the logo).
        const QByteArray plain = CaseReceipt::build(content, ReceiptPaper::forColumns(columns), &error);
        BenchResult buildPlain = benchMeasure(QStringLiteral("build_nologo_") + n, config, [&] {
            benchKeep(CaseReceipt::build(content, ReceiptPaper::forColumns(columns), nullptr).size());
        });
        buildPlain.bytes = plain.size();
        report.results.append(buildPlain);

        BenchResult decode = benchMeasure(QStringLiteral("decode_") + n, config, [&] {
            benchKeep(EscPosDecoder::decode(bytes).size());
        });
        decode.bytes = bytes.size();
        report.results.append(decode);

        BenchResult render = benchMeasure(QStringLiteral("render_") + n, config, [&] {
            benchKeep(EscPosRenderer::render(elements, renderOptions).image.height());
        });
        render.bytes = bytes.size();
        report.results.append(render);

        QByteArray copy(bytes.size(), '\0');
        BenchResult memcpyBaseline = benchMeasure(QStringLiteral("memcpy_") + n, config, [&] {
            std::memcpy(copy.data(), bytes.constData(), size_t(bytes.size()));
            benchKeep(copy.at(copy.size() - 1));
        });
        memcpyBaseline.bytes = bytes.size();
        report.baselines.append(memcpyBaseline);

        QStringEncoder probe("GB18030");
        if (!probe.isValid()) {
            report.error = QStringLiteral("this Qt has no GB18030 encoder (ICU missing)");
            return report;
        }
        const QByteArray encodedText = probe.encode(text);
        BenchResult gbBaseline = benchMeasure(QStringLiteral("gb18030_") + n, config, [&] {
            QStringEncoder encoder("GB18030");
            const QByteArray encoded = encoder.encode(text);
            benchKeep(encoded.size());
        });
        gbBaseline.bytes = encodedText.size();
        report.baselines.append(gbBaseline);

        for (const QString &op : {QStringLiteral("build_"), QStringLiteral("decode_"), QStringLiteral("render_")}) {
            report.addRatio(op + n, QStringLiteral("memcpy_") + n);
            report.addRatio(op + n, QStringLiteral("gb18030_") + n);
        }
    }
    return report;
}
