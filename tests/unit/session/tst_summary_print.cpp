// The A4 application summary after submission (SummaryPrintController): a service with a4_summary prints
// the committed case on the document printer (the real renderer; the paper's text read back with
// pdftotext): masked name, ID number and phone, the case number, never the full values. A missing, stopped
// or failing A4 printer sends the resident to the counter with the case number; other services print
// nothing; the session's end forgets it.

#include "PdfTools.h"
#include "SessionFixture.h"
#include "SimulatedDocumentPrinter.h"
#include "StrictWarnings.h"
#include "SubmissionController.h"
#include "SummaryPrintController.h"

#include <QSignalSpy>
#include <QTest>

namespace {

Catalog summaryCatalog()
{
    Catalog catalog = testCatalog();
    catalog.services[0].a4Summary = true; // social-security-card; needs-camera gives none
    FormFieldSpec address;
    address.id = QStringLiteral("address");
    address.label = text("居住地址", "Address");
    address.type = QStringLiteral("text");
    address.personal = true;
    catalog.services[0].fields.append(address);
    catalog.services[0].guide.materials = {text("居民身份证", "Resident ID card")};
    return catalog;
}

CommittedCase committedCase(const QString &serviceId)
{
    CommittedCase c;
    c.caseId = QStringLiteral("5d2c8f0e-1111-4a6b-9c3d-000000000001");
    c.caseNumber = QStringLiteral("SH-TEST-K01-20261203-ABCD-0007");
    c.serviceId = serviceId;
    c.language = QStringLiteral("zh_CN");
    c.submittedAt = QDateTime(QDate(2026, 12, 3), QTime(9, 30), Qt::UTC);
    c.resident = testCard();
    c.form = QJsonObject{{QStringLiteral("name"), testCard().name},
                         {QStringLiteral("id_number"), testCard().idNumber},
                         {QStringLiteral("phone"), QStringLiteral("13812345678")},
                         {QStringLiteral("reason"), QStringLiteral("lost")},
                         {QStringLiteral("address"), QStringLiteral("上海市徐汇区田林路100弄1号")}};
    return c;
}

} // namespace

class TestSummaryPrint : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void printsTheMaskedSummaryOfTheCommittedCase()
    {
        const SiteConfig site = testSite();
        const Catalog catalog = summaryCatalog();
        SimulatedDocumentPrinter printer(QStringLiteral("A4"));
        printer.start();
        SummaryPrintController summary(site, catalog, &printer);
        summary.onCaseCommitted(committedCase(QStringLiteral("social-security-card")));
        QCOMPARE(summary.state(), SummaryPrintController::State::Printing);
        QTRY_COMPARE(summary.state(), SummaryPrintController::State::Printed);

        QString error;
        const QString paper = PdfTools::text(printer.lastDocument(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &shown : {QStringLiteral("SH-TEST-K01-20261203-ABCD-0007"), QStringLiteral("王**"),
                                     QStringLiteral("310104********0029"), QStringLiteral("138****5678"),
                                     QStringLiteral("遗失"), QStringLiteral("居民身份证")})
            QVERIFY2(paper.contains(PdfTools::compact(shown)), qPrintable(shown + QStringLiteral(" in ") + paper));
        for (const QString &hidden : {testCard().idNumber, QStringLiteral("13812345678"), QStringLiteral("王秀英"),
                                      QStringLiteral("田林路100弄")})
            QVERIFY2(!paper.contains(PdfTools::compact(hidden)), qPrintable(hidden));

        summary.clear(); // the session's end
        QCOMPARE(summary.state(), SummaryPrintController::State::None);
        QVERIFY(summary.caseNumber().isEmpty());
    }

    void aServiceWithoutASummaryPrintsNothing()
    {
        const SiteConfig site = testSite();
        const Catalog catalog = summaryCatalog();
        SimulatedDocumentPrinter printer(QStringLiteral("A4"));
        printer.start();
        SummaryPrintController summary(site, catalog, &printer);
        summary.onCaseCommitted(committedCase(QStringLiteral("needs-camera")));
        QCOMPARE(summary.state(), SummaryPrintController::State::None);
        QVERIFY(printer.lastDocument().isEmpty());
    }

    // No A4 printer, a stopped queue, a job that fails: the counter, with the case number, at once or when
    // the job ends; never a screen that waits.
    void withoutAWorkingPrinterTheResidentIsSentToTheCounter()
    {
        const SiteConfig site = testSite();
        const Catalog catalog = summaryCatalog();
        const CommittedCase committed = committedCase(QStringLiteral("social-security-card"));
        {
            SummaryPrintController summary(site, catalog, nullptr);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no A4 printer in this hall")));
            summary.onCaseCommitted(committed);
            QCOMPARE(summary.state(), SummaryPrintController::State::AtCounter);
            QCOMPARE(summary.caseNumber(), committed.caseNumber);
        }
        {
            SimulatedDocumentPrinter printer(QStringLiteral("A4"));
            printer.start();
            printer.setQueueStopped(QStringLiteral("queue 'doc' is stopped: paper jam"));
            SummaryPrintController summary(site, catalog, &printer);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not ready: .*paper jam")));
            summary.onCaseCommitted(committed);
            QCOMPARE(summary.state(), SummaryPrintController::State::AtCounter);
            QVERIFY(printer.lastDocument().isEmpty());
        }
    }

    // Wired as main.cpp wires it: a committed case of the session's journey reaches the summary.
    void aCommitInTheSessionPrintsItsSummary()
    {
        SessionFixture f;
        f.catalog = summaryCatalog();
        SimulatedDocumentPrinter printer(QStringLiteral("A4"));
        printer.start();
        SummaryPrintController summary(f.site, f.catalog, &printer);
        QObject::connect(f.submission.get(), &SubmissionController::caseCommitted, &summary,
                         &SummaryPrintController::onCaseCommitted);
        QVERIFY(f.submission->submit(QStringLiteral("social-security-card"),
                                     QJsonObject{{QStringLiteral("phone"), QStringLiteral("13812345678")}},
                                     QStringLiteral("en"), testCard()));
        QCOMPARE(summary.state(), SummaryPrintController::State::None); // not before the commit
        f.settleStore();
        QCOMPARE(f.submission->state(), SubmissionController::State::Saved);
        QTRY_COMPARE(summary.state(), SummaryPrintController::State::Printed);
        QCOMPARE(summary.caseNumber(), f.submission->caseNumber());
    }
};

QTEST_MAIN(TestSummaryPrint)
#include "tst_summary_print.moc"
