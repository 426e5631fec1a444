// The A4 PDFs as a reader sees them: text (pdftotext), pages, embedded CJK fonts (pdffonts), the QR image.
#include "ApplicationSummaryDocument.h"
#include "CertificateDocument.h"
#include "PdfTools.h"
#include "SampleDocuments.h"
#include "StrictWarnings.h"

#include <QtTest>

class TestDocumentsPdf : public QObject
{
    Q_OBJECT

private:
    CertificateTemplate residenceTemplate()
    {
        QString error;
        const auto t = CertificateTemplate::load(
            sourcePath(QStringLiteral("kiosk-config/documents/residence-certificate.json")), &error);
        if (!t)
            qFatal("template: %s", qPrintable(error));
        return *t;
    }

    // Every font is embedded, and one of them is Noto CJK.
    void checkFonts(const QByteArray &pdf, const QString &face)
    {
        QString error;
        const QList<PdfTools::Font> fonts = PdfTools::fonts(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!fonts.isEmpty());
        bool cjk = false;
        for (const PdfTools::Font &f : fonts) {
            QVERIFY2(f.embedded,
                     qPrintable(QStringLiteral("font not embedded: %1 (%2)").arg(f.name, f.type)));
            cjk = cjk || f.name.contains(face, Qt::CaseInsensitive);
        }
        QVERIFY2(cjk, qPrintable(QStringLiteral("no %1 font among %2 font(s), first %3")
                                     .arg(face)
                                     .arg(fonts.size())
                                     .arg(fonts.first().name)));
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void summaryZh()
    {
        QString error;
        const QByteArray pdf = ApplicationSummaryDocument::render(SampleDocuments::summary(), &error);
        QVERIFY2(!pdf.isEmpty(), qPrintable(error));
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(PdfTools::pageCount(pdf, &error), 1);

        const QString text = PdfTools::text(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &expected :
             {SampleDocuments::kCaseNumber, SampleDocuments::kServiceName,
              QStringLiteral("110105********002X"), QStringLiteral("张**"),
              QStringLiteral("徐汇区田林街道社区事务受理服务中心"), QStringLiteral("申请摘要"),
              QStringLiteral("房屋租赁合同"), QStringLiteral("138****5678"),
              QStringLiteral("2026-11-27 09:30"), QStringLiteral("第 1 页 / 共 1 页")})
            QVERIFY2(text.contains(PdfTools::compact(expected)),
                     qPrintable(QStringLiteral("'%1' missing from:\n%2").arg(expected, text)));
        QVERIFY(!text.contains(SampleDocuments::kFullIdNumber));
        QVERIFY(!text.contains(SampleDocuments::kFullName));
        QVERIFY(!pdf.contains(SampleDocuments::kFullIdNumber.toLatin1()));
        QCOMPARE(PdfTools::imageCount(pdf, &error), 1); // the tracking QR
        checkFonts(pdf, QStringLiteral("NotoSansCJK"));
    }

    void summaryEnglish()
    {
        QString error;
        const QByteArray pdf =
            ApplicationSummaryDocument::render(SampleDocuments::summary(QStringLiteral("en")), &error);
        QVERIFY2(!pdf.isEmpty(), qPrintable(error));
        const QString text = PdfTools::text(pdf, &error);
        for (const QString &expected : {QStringLiteral("Application summary"), QStringLiteral("Case number"),
                                        QStringLiteral("Page 1 of 1"), SampleDocuments::kServiceName})
            QVERIFY2(text.contains(PdfTools::compact(expected)),
                     qPrintable(QStringLiteral("'%1' missing from:\n%2").arg(expected, text)));
    }

    // A long form runs over several pages; every page has its number and the case number in the footer.
    void summaryPages()
    {
        QString error;
        const QByteArray pdf =
            ApplicationSummaryDocument::render(SampleDocuments::summary(QStringLiteral("zh_CN"), 90), &error);
        QVERIFY2(!pdf.isEmpty(), qPrintable(error));
        const int pages = PdfTools::pageCount(pdf, &error);
        QVERIFY2(pages >= 3, qPrintable(QStringLiteral("%1 page(s) %2").arg(pages).arg(error)));
        const QString text = PdfTools::text(pdf, &error);
        for (int p = 1; p <= pages; ++p)
            QVERIFY2(text.contains(QStringLiteral("第%1页/共%2页").arg(p).arg(pages)),
                     qPrintable(text.right(400)));
        QCOMPARE(text.count(QStringLiteral("受理编号") + SampleDocuments::kCaseNumber),
                 pages + 1); // + the table row
        QVERIFY(text.contains(QStringLiteral("附加项目90")));
        checkFonts(pdf, QStringLiteral("NotoSansCJK"));
    }

    void summaryErrors()
    {
        ApplicationSummaryContent c = SampleDocuments::summary();
        c.caseNumber.clear();
        QString error;
        QVERIFY(ApplicationSummaryDocument::render(c, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("application summary: no case number"));
        c = SampleDocuments::summary();
        c.trackingUrl = QString(8000, QLatin1Char('x')); // more than a QR code holds
        QVERIFY(ApplicationSummaryDocument::render(c, &error).isEmpty());
        QVERIFY2(
            error.startsWith(QStringLiteral("application summary: QR code: 8000 bytes cannot be encoded")),
            qPrintable(error));
    }

    void certificateZh()
    {
        QString error;
        const QByteArray pdf =
            CertificateDocument::render(residenceTemplate(), SampleDocuments::certificate(), &error);
        QVERIFY2(!pdf.isEmpty(), qPrintable(error));
        QCOMPARE(PdfTools::pageCount(pdf, &error), 1);
        const QString text = PdfTools::text(pdf, &error);
        for (const QString &expected :
             {QStringLiteral("居住证明"), QStringLiteral("有关单位"), QStringLiteral("张**"),
              QStringLiteral("110105********002X"), QStringLiteral("田林路 100 弄 5 号"),
              QStringLiteral("子女入学"), QStringLiteral("特此证明"), QStringLiteral("2026年11月27日"),
              QStringLiteral("编号：") + SampleDocuments::kCaseNumber})
            QVERIFY2(text.contains(PdfTools::compact(expected)),
                     qPrintable(QStringLiteral("'%1' missing from:\n%2").arg(expected, text)));
        QVERIFY(!text.contains(QLatin1Char('{'))); // every placeholder filled
        checkFonts(pdf, QStringLiteral("NotoSerifCJK"));
    }

    void certificateEnglish()
    {
        QString error;
        const QByteArray pdf = CertificateDocument::render(
            residenceTemplate(), SampleDocuments::certificate(QStringLiteral("en")), &error);
        QVERIFY2(!pdf.isEmpty(), qPrintable(error));
        const QString text = PdfTools::text(pdf, &error);
        for (const QString &expected :
             {QStringLiteral("Certificate of Residence"), QStringLiteral("To whom it may concern"),
              QStringLiteral("school enrolment"), QStringLiteral("27 November 2026"),
              QStringLiteral("Tianlin Subdistrict")})
            QVERIFY2(text.contains(PdfTools::compact(expected)),
                     qPrintable(QStringLiteral("'%1' missing from:\n%2").arg(expected, text)));
    }

    void certificateMissingValue()
    {
        CertificateContent c = SampleDocuments::certificate();
        c.values.remove(QStringLiteral("address"));
        QString error;
        QVERIFY(CertificateDocument::render(residenceTemplate(), c, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("certificate residence-certificate: no value for {address}"));
        c = SampleDocuments::certificate();
        c.issuingCenter.clear();
        QVERIFY(CertificateDocument::render(residenceTemplate(), c, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("certificate residence-certificate: no issuing centre"));
    }
};

QTEST_MAIN(TestDocumentsPdf)
#include "tst_documents_pdf.moc"
