#include "ApplicationSummaryDocument.h"

#include "DocumentFonts.h"
#include "PdfPageWriter.h"
#include "QrImage.h"

#include <QTextDocument>
#include <QUrl>

namespace {
// The document's fixed wording in the two languages the kiosk speaks.
QString text(const QString &language, const char *en, const char *zh)
{
    return language.startsWith(QLatin1String("en")) ? QString::fromUtf8(en) : QString::fromUtf8(zh);
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td width=\"30%\" style=\"background-color:#eeeeee\">%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

const QString kTable =
    QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"6\" "
                   "style=\"border-collapse:collapse; border-color:#666666\">");
} // namespace

QString ApplicationSummaryDocument::title(const ApplicationSummaryContent &content)
{
    return text(content.language, "Application summary", "申请摘要") + QLatin1Char(' ') + content.caseNumber;
}

QByteArray ApplicationSummaryDocument::render(const ApplicationSummaryContent &content, QString *error)
{
    auto fail = [error](const QString &what) {
        if (error)
            *error = QStringLiteral("application summary: ") + what;
        return QByteArray();
    };
    const QString &lang = content.language;
    if (content.caseNumber.isEmpty())
        return fail(QStringLiteral("no case number"));
    if (content.serviceName.isEmpty())
        return fail(QStringLiteral("no service name"));
    QString fontError;
    const QString family = DocumentFonts::sansFamily(&fontError);
    if (family.isEmpty())
        return fail(fontError);

    QTextDocument document;
    document.setDefaultFont(DocumentFonts::documentFont(family, false, 11));
    document.setDocumentMargin(0);

    QString html;
    html += QStringLiteral("<p align=\"center\" style=\"font-size:15pt; font-weight:bold\">%1</p>")
                .arg(content.centerName.toHtmlEscaped());
    html += QStringLiteral("<p align=\"center\" style=\"font-size:20pt; font-weight:bold\">%1</p>")
                .arg(text(lang, "Application summary", "申请摘要"));
    html += kTable;
    html += row(text(lang, "Service", "办理事项"), content.serviceName);
    if (!content.serviceCode.isEmpty())
        html += row(text(lang, "Service code", "事项编码"), content.serviceCode);
    html += row(text(lang, "Case number", "受理编号"), content.caseNumber);
    html += row(text(lang, "Submitted", "提交时间"),
                content.submittedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    html += row(text(lang, "Applicant", "申请人"), content.maskedName);
    html += row(text(lang, "ID number", "证件号码"), content.maskedIdNumber);
    html += QStringLiteral("</table>");

    if (!content.formFields.isEmpty()) {
        html += QStringLiteral("<p style=\"font-size:13pt; font-weight:bold\">%1</p>")
                    .arg(text(lang, "Application form", "申请表内容"));
        html += kTable;
        for (const DocumentField &field : content.formFields)
            html += row(field.label, field.value);
        html += QStringLiteral("</table>");
    }

    if (!content.materials.isEmpty()) {
        html += QStringLiteral("<p style=\"font-size:13pt; font-weight:bold\">%1</p><ol>")
                    .arg(text(lang, "Materials", "申请材料"));
        for (const QString &material : content.materials)
            html += QStringLiteral("<li>%1</li>").arg(material.toHtmlEscaped());
        html += QStringLiteral("</ol>");
    }

    const QUrl kQrName(QStringLiteral("onestop-qr:tracking"));
    QImage qrImage;
    if (!content.trackingUrl.isEmpty()) {
        QString qrError;
        const QImage qr = QrImage::render(content.trackingUrl.toUtf8(), 8, &qrError);
        if (qr.isNull())
            return fail(qrError);
        qrImage = qr;
        html += QStringLiteral("<p align=\"center\"><img src=\"%1\" width=\"140\" height=\"140\"><br>%2</p>")
                    .arg(kQrName.toString(), text(lang, "Scan to follow your case", "扫码查询办理进度"));
    }
    document.setHtml(html);
    if (!qrImage.isNull()) // after setHtml, which drops the resources
        document.addResource(QTextDocument::ImageResource, kQrName, qrImage);

    PdfPageSetup setup;
    setup.title = title(content);
    setup.fontFamily = family;
    setup.footerLeft = text(lang, "Case number ", "受理编号 ") + content.caseNumber;
    setup.language = lang;
    QString pdfError;
    const QByteArray pdf = PdfPageWriter::render(document, setup, &pdfError);
    if (pdf.isEmpty())
        return fail(pdfError);
    return pdf;
}
