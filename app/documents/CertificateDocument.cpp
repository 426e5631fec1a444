#include "CertificateDocument.h"

#include "DocumentFonts.h"
#include "PdfPageWriter.h"
#include "QrImage.h"

#include <QLocale>
#include <QTextDocument>
#include <QUrl>

namespace {
QString paragraph(const QString &text, const QString &style)
{
    return QStringLiteral("<p style=\"%1\">%2</p>").arg(style, text.toHtmlEscaped());
}

QString issuedDate(const QString &language, const QDate &date)
{
    if (language.startsWith(QLatin1String("en")))
        return QLocale(QLocale::English).toString(date, QStringLiteral("d MMMM yyyy"));
    return QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

QString text(const QString &language, const char *en, const char *zh)
{
    return language.startsWith(QLatin1String("en")) ? QString::fromUtf8(en) : QString::fromUtf8(zh);
}

// The verification block at the foot of an issued certificate: the QR (an image resource named kQrName),
// the code to type where the QR cannot be scanned, and the last day of validity.
const QUrl kQrName(QStringLiteral("onestop-qr:verification"));

QString verificationBlock(const CertificateContent &content)
{
    const QString &lang = content.language;
    QString lines = text(lang, "Scan to verify this certificate", "扫码核验证明真伪");
    if (!content.verificationCode.isEmpty())
        lines += QStringLiteral("<br>") + text(lang, "Verification code: ", "核验码：") +
                 content.verificationCode.toHtmlEscaped();
    if (content.validUntil.isValid())
        lines += QStringLiteral("<br>") + text(lang, "Valid until ", "有效期至 ") +
                 issuedDate(lang, content.validUntil).toHtmlEscaped();
    return QStringLiteral("<p style=\"margin-top:24pt\"><img src=\"%1\" width=\"120\" height=\"120\"></p>"
                          "<p style=\"font-size:10pt\">%2</p>")
        .arg(kQrName.toString(), lines);
}
} // namespace

QByteArray CertificateDocument::render(const CertificateTemplate &certificate,
                                       const CertificateContent &content, QString *error)
{
    auto fail = [&](const QString &what) {
        if (error)
            *error = QStringLiteral("certificate %1: %2").arg(certificate.id, what);
        return QByteArray();
    };
    const QString &lang = content.language;
    if (content.issuingCenter.trimmed().isEmpty())
        return fail(QStringLiteral("no issuing centre"));
    if (!content.issuedOn.isValid())
        return fail(QStringLiteral("no issue date"));
    QString fontError;
    const QString family = DocumentFonts::serifFamily(&fontError);
    if (family.isEmpty())
        return fail(fontError);

    QString problem;
    const QString title = certificate.fillText(certificate.title, lang, content.values, &problem);
    const QString addressee =
        problem.isEmpty() && !certificate.addressee.zh.isEmpty()
            ? certificate.fillText(certificate.addressee, lang, content.values, &problem)
            : QString();
    const QStringList body =
        problem.isEmpty() ? certificate.fill(lang, content.values, &problem) : QStringList();
    const QString closing = problem.isEmpty() && !certificate.closing.zh.isEmpty()
                                ? certificate.fillText(certificate.closing, lang, content.values, &problem)
                                : QString();
    if (!problem.isEmpty()) {
        if (error)
            *error = QStringLiteral("certificate ") + problem;
        return QByteArray();
    }

    QTextDocument document;
    document.setDefaultFont(DocumentFonts::documentFont(family, true, 13));
    document.setDocumentMargin(0);

    QString html;
    html += QStringLiteral(
                "<p align=\"center\" style=\"font-size:26pt; font-weight:bold; margin-top:24pt\">%1</p>")
                .arg(title.toHtmlEscaped());
    if (!content.referenceNumber.isEmpty())
        html +=
            QStringLiteral("<p align=\"right\" style=\"font-size:10pt\">%1%2</p>")
                .arg(lang.startsWith(QLatin1String("en")) ? QStringLiteral("No. ") : QStringLiteral("编号："),
                     content.referenceNumber.toHtmlEscaped());
    html += QStringLiteral("<p style=\"margin-top:18pt\"></p>");
    if (!addressee.isEmpty())
        html += paragraph(addressee, QStringLiteral("margin-bottom:12pt"));
    const QString indent =
        lang.startsWith(QLatin1String("en")) ? QStringLiteral("0") : QStringLiteral("26pt");
    for (const QString &text : body)
        html += paragraph(text,
                          QStringLiteral("text-indent:%1; line-height:160%; margin-bottom:10pt").arg(indent));
    if (!closing.isEmpty())
        html += paragraph(closing, QStringLiteral("text-indent:%1; margin-top:6pt").arg(indent));
    html += QStringLiteral("<p style=\"margin-top:48pt\"></p>");
    html += QStringLiteral("<p align=\"right\">%1</p>").arg(content.issuingCenter.toHtmlEscaped());
    html +=
        QStringLiteral("<p align=\"right\">%1</p>").arg(issuedDate(lang, content.issuedOn).toHtmlEscaped());
    QImage qr;
    if (!content.verificationUrl.isEmpty()) {
        QString qrError;
        qr = QrImage::render(content.verificationUrl.toUtf8(), 8, &qrError);
        if (qr.isNull())
            return fail(qrError);
        html += verificationBlock(content);
    }
    document.setHtml(html);
    if (!qr.isNull()) // after setHtml, which drops the resources
        document.addResource(QTextDocument::ImageResource, kQrName, qr);

    PdfPageSetup setup;
    setup.title = certificate.title.in(lang);
    setup.fontFamily = family;
    setup.footerLeft = content.referenceNumber;
    setup.language = lang;
    setup.marginMm = 25;
    QString pdfError;
    const QByteArray pdf = PdfPageWriter::render(document, setup, &pdfError);
    if (pdf.isEmpty())
        return fail(pdfError);
    return pdf;
}
