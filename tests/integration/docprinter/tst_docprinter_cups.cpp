// CupsDocumentPrinter against a private cupsd + ippeveprinter (CupsPeer): both A4 documents printed and
// followed to "completed"; what reached the printer is a PDF with the case number, the service name and the
// masked ID and without the full ID; nothing left in cupsd's spool, the printer's spool (beyond the files
// inspected) or our TMPDIR. Failure paths: stopped queue, unknown queue, server down, a printer that never
// answers (job timeout -> canceled). Each ends with a reason and without hanging.
#include "ApplicationSummaryDocument.h"
#include "CertificateDocument.h"
#include "CupsDocumentPrinter.h"
#include "CupsPeer.h"
#include "PdfTools.h"
#include "SampleDocuments.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QtTest>

class TestDocPrinterCups : public QObject
{
    Q_OBJECT

private:
    CupsPeer m_peer;
    QTemporaryDir m_privateTmp{QStringLiteral("/tmp/onestop-docprinter-tmpdir-XXXXXX")};

    CupsPrinterSettings settings(const QString &queue = QStringLiteral("doc")) const
    {
        CupsPrinterSettings s;
        s.server = m_peer.server();
        s.queue = queue;
        s.jobTimeoutMs = 30000;
        s.pollIntervalMs = 100;
        s.statePollMs = 0;
        return s;
    }

    // Prints and waits for the one jobFinished.
    // A failure says how cupsd ended if it did not survive (its behaviour differs between Debian point
    // releases: 2.4.2-3+deb12u10 crashes on a document-name with a space).
    DocumentJobResult printAndWait(DocumentPrinter &printer, const QString &requestId, const QByteArray &pdf,
                                   int timeoutMs = 40000, const QString &jobName = QString())
    {
        QSignalSpy finished(&printer, &DocumentPrinter::jobFinished);
        printer.print(requestId, jobName.isNull() ? DocumentPrinter::jobNameFor(requestId) : jobName, pdf);
        DocumentJobResult result{requestId, 0, DocumentJobResult::State::Unknown,
                                 QStringLiteral("no jobFinished")};
        if (finished.wait(timeoutMs) || !finished.isEmpty())
            result = finished.takeFirst().at(0).value<DocumentJobResult>();
        if (!result.ok() && !m_peer.cupsdEnd().isEmpty())
            result.reason += QStringLiteral(" [%1]").arg(m_peer.cupsdEnd());
        return result;
    }

    QByteArray summaryPdf()
    {
        QString error;
        const QByteArray pdf = ApplicationSummaryDocument::render(SampleDocuments::summary(), &error);
        if (pdf.isEmpty())
            qFatal("summary: %s", qPrintable(error));
        return pdf;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY2(m_peer.start(), qPrintable(m_peer.error()));
        // Everything of ours that could land in a temporary file lands here; it must stay empty.
        QVERIFY(m_privateTmp.isValid());
        qputenv("TMPDIR", m_privateTmp.path().toLocal8Bit());
        QCOMPARE(QDir::tempPath(), m_privateTmp.path());
    }

    void cleanupTestCase() { m_peer.stop(); }

    void printsBothDocuments()
    {
        const QDateTime started = QDateTime::currentDateTime();
        CupsDocumentPrinter printer(QStringLiteral("A4"), settings());
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Ready, 10000);

        QString error;
        const auto certificate = CertificateTemplate::load(
            sourcePath(QStringLiteral("kiosk-config/documents/residence-certificate.json")), &error);
        QVERIFY2(certificate, qPrintable(error));
        const QByteArray certificatePdf =
            CertificateDocument::render(*certificate, SampleDocuments::certificate(), &error);
        QVERIFY2(!certificatePdf.isEmpty(), qPrintable(error));

        const DocumentJobResult summary =
            printAndWait(printer, QStringLiteral("c0ffee42-summary"), summaryPdf());
        QVERIFY2(summary.ok(), qPrintable(summary.reason));
        QVERIFY(summary.jobId > 0);
        QCOMPARE(summary.requestId, QStringLiteral("c0ffee42-summary"));
        const DocumentJobResult cert = printAndWait(printer, QStringLiteral("c0ffee42-cert"), certificatePdf);
        QVERIFY2(cert.ok(), qPrintable(cert.reason));
        QVERIFY(cert.jobId > summary.jobId);
        QCOMPARE(printer.status(), Device::Status::Ready);

        // What the printer received: ippeveprinter keeps "<job id>-<job name>.pdf".
        const QDir spool(m_peer.printerSpool());
        const QStringList received = spool.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name);
        QCOMPARE(received.size(), 2);
        QStringList texts;
        for (const QString &file : received) {
            QVERIFY2(file.contains(QStringLiteral("onestop")),
                     qPrintable(file)); // our job name, no personal data
            QFile f(spool.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray pdf = f.readAll();
            QVERIFY(pdf.startsWith("%PDF-"));
            texts.append(PdfTools::text(pdf, &error));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        for (const QString &text : texts) {
            QVERIFY2(text.contains(PdfTools::compact(SampleDocuments::kCaseNumber)), qPrintable(text));
            QVERIFY2(text.contains(PdfTools::compact(QStringLiteral("110105********002X"))),
                     qPrintable(text));
            QVERIFY2(!text.contains(SampleDocuments::kFullIdNumber), qPrintable(text));
            QVERIFY2(!text.contains(SampleDocuments::kFullName), qPrintable(text));
        }
        QVERIFY(texts.join(QString()).contains(SampleDocuments::kServiceName));
        QVERIFY(texts.join(QString()).contains(QStringLiteral("居住证明")));

        // Delete what we inspected; then nothing else may remain at the printer.
        for (const QString &file : CupsPeer::files(m_peer.printerSpool()))
            QVERIFY(QFile::remove(spool.filePath(file)));
        // cupsd: PreserveJobFiles No removes the document at once; the job's control file goes when its
        // (short) history ends.
        QTRY_COMPARE_WITH_TIMEOUT(CupsPeer::files(m_peer.requestRoot(), started, true), QSet<QString>(),
                                  20000);
        QCOMPARE(QDir(m_privateTmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList());
        printer.stop();
        QCOMPARE(printer.status(), Device::Status::Unavailable);
    }

    // Regression (issue 9): names with spaces, tabs and Chinese text print, and cupsd survives them. The
    // readable name reaches the queue as job-name; document-name is a token.
    void namesWithSpacesTabsAndChinese()
    {
        CupsDocumentPrinter printer(QStringLiteral("A4"), settings());
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Ready, 10000);
        const QStringList requestIds{QStringLiteral("onestop document x"),
                                     QStringLiteral("case\tid\twith tabs"),
                                     QStringLiteral("户籍 证明 c0ffee42")};
        const QStringList jobNames{QStringLiteral("onestop document x"),
                                   QStringLiteral("onestop\tdocument\t\tx"),
                                   QStringLiteral("户籍证明 居住 c0ffee42")};
        for (int i = 0; i < requestIds.size(); ++i) {
            const DocumentJobResult result =
                printAndWait(printer, requestIds.at(i), summaryPdf(), 40000, jobNames.at(i));
            QVERIFY2(result.ok(), qPrintable(QStringLiteral("%1: %2").arg(jobNames.at(i), result.reason)));
            QVERIFY2(m_peer.cupsdRunning(), qPrintable(m_peer.cupsdEnd()));
        }
        // ippeveprinter names what it kept after the job name (its own way: "3-onestop_document_x.pdf"):
        // the readable name went through, with the tabs turned into spaces.
        const QStringList received =
            QDir(m_peer.printerSpool()).entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name);
        QCOMPARE(received.size(), 3);
        QCOMPARE(received.filter(QStringLiteral("-onestop_document_x.pdf")).size(), 2);
        for (const QString &file : CupsPeer::files(m_peer.printerSpool()))
            QVERIFY(QFile::remove(QDir(m_peer.printerSpool()).filePath(file)));
        printer.stop();
    }

    void stoppedQueue()
    {
        CupsDocumentPrinter printer(QStringLiteral("A4"), settings());
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Ready, 10000);
        QVERIFY2(m_peer.runTool(QStringLiteral("cupsdisable"),
                                {QStringLiteral("-r"), QStringLiteral("paper jam"), QStringLiteral("doc")}),
                 qPrintable(m_peer.error()));
        QSignalSpy errors(&printer, &Device::errorOccurred);
        printer.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Unavailable, 10000);
        QVERIFY2(printer.reason().startsWith(
                     QStringLiteral("queue 'doc' on %1 is stopped: paper jam").arg(m_peer.server())),
                 qPrintable(printer.reason()));
        QCOMPARE(errors.size(), 1);

        const DocumentJobResult result =
            printAndWait(printer, QStringLiteral("stopped-1"), summaryPdf(), 15000);
        QCOMPARE(result.state, DocumentJobResult::State::Failed);
        QCOMPARE(result.jobId, 0); // nothing was queued to print later
        QVERIFY2(result.reason.contains(QStringLiteral("is stopped: paper jam")), qPrintable(result.reason));

        QVERIFY2(m_peer.runTool(QStringLiteral("cupsenable"), {QStringLiteral("doc")}),
                 qPrintable(m_peer.error()));
        printer.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Ready, 10000);
    }

    void unknownQueue()
    {
        CupsDocumentPrinter printer(QStringLiteral("A4"), settings(QStringLiteral("nosuchqueue")));
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Unavailable, 10000);
        QCOMPARE(printer.reason(),
                 QStringLiteral("queue 'nosuchqueue' on %1 does not exist").arg(m_peer.server()));
        const DocumentJobResult result =
            printAndWait(printer, QStringLiteral("unknown-1"), summaryPdf(), 15000);
        QCOMPARE(result.state, DocumentJobResult::State::Failed);
        QCOMPARE(result.reason, printer.reason());
    }

    void serverDown()
    {
        CupsPrinterSettings s = settings();
        s.server = QStringLiteral("localhost:%1").arg(CupsPeer::freePort()); // nothing listens there
        CupsDocumentPrinter printer(QStringLiteral("A4"), s);
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Unavailable, 10000);
        QVERIFY2(printer.reason().startsWith(QStringLiteral("CUPS server %1 unreachable: ").arg(s.server)),
                 qPrintable(printer.reason()));
        const DocumentJobResult result = printAndWait(printer, QStringLiteral("down-1"), summaryPdf(), 15000);
        QCOMPARE(result.state, DocumentJobResult::State::Failed);
        QVERIFY2(result.reason.startsWith(QStringLiteral("CUPS server %1 unreachable: ").arg(s.server)),
                 qPrintable(result.reason));
    }

    // A queue whose printer never answers: the job stays "processing" until the job timeout, then it is
    // canceled at the server (so it cannot print later) and its document is gone from the spool.
    void jobTimeoutCancels()
    {
        const QDateTime started = QDateTime::currentDateTime();
        const quint16 deadPort = CupsPeer::freePort();
        QVERIFY2(m_peer.addQueue(QStringLiteral("dead"),
                                 QStringLiteral("ipp://localhost:%1/ipp/print").arg(deadPort), false),
                 qPrintable(m_peer.error()));
        CupsPrinterSettings s = settings(QStringLiteral("dead"));
        s.jobTimeoutMs = 3000;
        CupsDocumentPrinter printer(QStringLiteral("A4"), s);
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Ready, 10000);
        const DocumentJobResult result = printAndWait(printer, QStringLiteral("dead-1"), summaryPdf(), 20000);
        QCOMPARE(result.state, DocumentJobResult::State::TimedOut);
        QVERIFY(result.jobId > 0);
        QVERIFY2(
            result.reason.startsWith(QStringLiteral("not finished within 3 s (job %1 ").arg(result.jobId)),
            qPrintable(result.reason));
        QVERIFY2(result.reason.endsWith(QStringLiteral("; job %1 canceled").arg(result.jobId)),
                 qPrintable(result.reason));
        QTRY_COMPARE_WITH_TIMEOUT(CupsPeer::files(m_peer.requestRoot(), started, true), QSet<QString>(),
                                  20000);
    }

    // The technician's check: kioskctl print-test document against the same queue.
    void kioskctlPrintTest()
    {
        const QString kioskctl = binaryPath(QStringLiteral("app/kioskctl/kioskctl"));
        QVERIFY2(QFile::exists(kioskctl), qPrintable(kioskctl + QStringLiteral(" is not built")));
        QProcess process;
        process.start(kioskctl,
                      {QStringLiteral("print-test"), QStringLiteral("document"), QStringLiteral("--printer"),
                       QStringLiteral("doc"), QStringLiteral("--server"), m_peer.server(),
                       QStringLiteral("--timeout"), QStringLiteral("30")});
        QVERIFY(process.waitForFinished(45000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0,
                 qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
        QVERIFY2(
            out.startsWith(
                QStringLiteral("document print test on queue 'doc' at %1: completed\n").arg(m_peer.server())),
            qPrintable(out));
        const QStringList received =
            QDir(m_peer.printerSpool()).entryList({QStringLiteral("*.pdf")}, QDir::Files);
        QCOMPARE(received.size(), 1);
        for (const QString &file : CupsPeer::files(m_peer.printerSpool()))
            QVERIFY(QFile::remove(QDir(m_peer.printerSpool()).filePath(file)));

        // A stopped queue: exit 1 and the reason.
        QVERIFY(m_peer.runTool(QStringLiteral("cupsdisable"), {QStringLiteral("doc")}));
        process.start(kioskctl,
                      {QStringLiteral("print-test"), QStringLiteral("document"), QStringLiteral("--printer"),
                       QStringLiteral("doc"), QStringLiteral("--server"), m_peer.server()});
        QVERIFY(process.waitForFinished(45000));
        const QString failed = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY(m_peer.runTool(QStringLiteral("cupsenable"), {QStringLiteral("doc")}));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(
            failed.contains(QStringLiteral(": failed\nqueue 'doc' on %1 is stopped").arg(m_peer.server())),
            qPrintable(failed));
    }

    // stop() while a job is being followed: it ends as Canceled, canceled at the server, and its result
    // still arrives.
    void stopCancelsJob()
    {
        const QDateTime started = QDateTime::currentDateTime();
        CupsPrinterSettings s = settings(QStringLiteral("dead")); // made by jobTimeoutCancels
        CupsDocumentPrinter printer(QStringLiteral("A4"), s);
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Ready, 10000);
        QSignalSpy finished(&printer, &DocumentPrinter::jobFinished);
        printer.print(QStringLiteral("dead-2"), DocumentPrinter::jobNameFor(QStringLiteral("dead-2")),
                      summaryPdf());
        QTest::qWait(1500); // sent, and followed while the backend cannot reach the printer
        QVERIFY(finished.isEmpty());
        printer.stop();
        QVERIFY(finished.wait(10000));
        const auto result = finished.takeFirst().at(0).value<DocumentJobResult>();
        QCOMPARE(result.state, DocumentJobResult::State::Canceled);
        QVERIFY2(result.reason.startsWith(QStringLiteral("canceled by the kiosk while ")),
                 qPrintable(result.reason));
        QVERIFY2(result.reason.endsWith(QStringLiteral("; job %1 canceled").arg(result.jobId)),
                 qPrintable(result.reason));
        QTRY_COMPARE_WITH_TIMEOUT(CupsPeer::files(m_peer.requestRoot(), started, true), QSet<QString>(),
                                  20000);
        QVERIFY(m_peer.runTool(QStringLiteral("lpadmin"), {QStringLiteral("-x"), QStringLiteral("dead")}));
    }

    // The print server dies mid-job (SIGKILL): the job is reported failed, never printed; the printer goes
    // unavailable with the reason; when the server is back the printer is ready again by itself, and the
    // job the server restored from its spool is canceled so it cannot print into a later resident's hands.
    // Runs last: it restarts cupsd.
    void serverDiesMidJob()
    {
        const QDateTime started = QDateTime::currentDateTime();
        QVERIFY2(m_peer.addQueue(QStringLiteral("dying"),
                                 QStringLiteral("ipp://localhost:%1/ipp/print").arg(CupsPeer::freePort()),
                                 false),
                 qPrintable(m_peer.error()));
        CupsPrinterSettings s = settings(QStringLiteral("dying"));
        s.recoveryPollMs = 300;
        s.ioTimeoutMs = 3000;
        CupsDocumentPrinter printer(QStringLiteral("A4"), s);
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Ready, 10000);
        QSignalSpy finished(&printer, &DocumentPrinter::jobFinished);
        printer.print(QStringLiteral("dying-1"), DocumentPrinter::jobNameFor(QStringLiteral("dying-1")),
                      summaryPdf());
        // Sent, and followed while the backend cannot reach its printer.
        QTRY_VERIFY_WITH_TIMEOUT(!CupsPeer::files(m_peer.requestRoot(), started, true).isEmpty(), 10000);
        QTest::qWait(500);
        QVERIFY(finished.isEmpty());

        QVERIFY2(m_peer.killCupsd(), qPrintable(m_peer.error()));
        QVERIFY(finished.wait(20000));
        const auto result = finished.takeFirst().at(0).value<DocumentJobResult>();
        QCOMPARE(result.state, DocumentJobResult::State::Failed);
        QVERIFY(!result.ok());
        QVERIFY(result.jobId > 0);
        QVERIFY(result.orphaned);
        QVERIFY2(result.reason.startsWith(QStringLiteral("lost CUPS server %1 while following job %2")
                                              .arg(m_peer.server())
                                              .arg(result.jobId)),
                 qPrintable(result.reason));
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Unavailable, 10000);
        QVERIFY2(
            printer.reason().startsWith(QStringLiteral("CUPS server %1 unreachable: ").arg(m_peer.server())),
            qPrintable(printer.reason()));

        // The server comes back with the job it had in its spool; the kiosk cancels it and is ready again.
        QVERIFY2(m_peer.restartCupsd(), qPrintable(m_peer.error()));
        QTRY_VERIFY2_WITH_TIMEOUT(printer.status() == Device::Status::Ready, qPrintable(printer.reason()), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(CupsPeer::files(m_peer.requestRoot(), started, true), QSet<QString>(),
                                  20000);
        QVERIFY(finished.isEmpty()); // exactly one jobFinished for the one print()

        // And it prints again.
        printer.stop();
        CupsDocumentPrinter again(QStringLiteral("A4"), settings());
        again.start();
        QTRY_COMPARE_WITH_TIMEOUT(again.status(), Device::Status::Ready, 10000);
        const DocumentJobResult next = printAndWait(again, QStringLiteral("after-restart"), summaryPdf());
        QVERIFY2(next.ok(), qPrintable(next.reason));
        for (const QString &file : CupsPeer::files(m_peer.printerSpool()))
            QVERIFY(QFile::remove(QDir(m_peer.printerSpool()).filePath(file)));
        QVERIFY(m_peer.runTool(QStringLiteral("lpadmin"), {QStringLiteral("-x"), QStringLiteral("dying")}));
    }
};

QTEST_MAIN(TestDocPrinterCups)
#include "tst_docprinter_cups.moc"
