// The certificate's A4 path through a real print system: the journey's controller against platform-sim,
// printing on CupsDocumentPrinter -> a private cupsd -> ippeveprinter (CupsPeer). What reached the printer is
// read back: its text with pdftotext (the certificate number, the resident's details as the template says,
// the purpose), its verification QR with ZXing, and the platform confirms that code is genuine. A stopped
// queue (paper out) and a queue that does not exist send the resident to the counter with the number; the
// session's end while the job is at the server cancels it there.
#include "CatalogLoader.h"
#include "CertificateClient.h"
#include "CertificateController.h"
#include "CertificateFixtures.h"
#include "CupsDocumentPrinter.h"
#include "CupsPeer.h"
#include "PdfTools.h"
#include "PlatformSimProcess.h"
#include "StrictWarnings.h"

#include <QDir>
#include <QSignalSpy>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QtTest>

using State = CertificateController::State;
using namespace CertificateFixtures;

class TestCertificateCups : public QObject
{
    Q_OBJECT

    CupsPeer m_peer;
    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;
    QNetworkAccessManager m_nam;
    Catalog m_catalog;
    std::unique_ptr<CertificateClient> m_client;

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
    std::unique_ptr<CertificateController> controller(DocumentPrinter &printer)
    {
        return std::make_unique<CertificateController>(
            CertificateController::Settings{QStringLiteral("徐汇区行政服务中心"), QStringLiteral("Xuhui Center"),
                                            sourcePath(QStringLiteral("kiosk-config/documents"))},
            m_catalog, *m_client, &printer);
    }
    static void issue(CertificateController &c, const QString &language)
    {
        QVERIFY(c.takesService(QStringLiteral("residence-certificate-print")));
        c.enter(language);
        c.residentIdentified(resident(kEligibleId, kEligibleName));
        QCOMPARE(c.state(), State::ChoosePurpose);
        c.choosePurpose(QStringLiteral("social-security"));
        QTRY_VERIFY_WITH_TIMEOUT(c.state() != State::Issuing, 15000);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY2(m_peer.start(), qPrintable(m_peer.error()));
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("p.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QVERIFY2(seedResidents(m_sim->port(), &error), qPrintable(error));
        m_nam.setProxy(QNetworkProxy::NoProxy);
        SyncSettings sync;
        sync.allowInsecureHttp = true;
        sync.requestTimeoutMs = 3000;
        m_client = std::make_unique<CertificateClient>(m_nam, sync, m_sim->baseUrl());
        const auto catalog = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(catalog.ok(), qPrintable(catalog.errorText()));
        m_catalog = catalog.value();
    }
    void cleanupTestCase() { m_peer.stop(); }

    void printedOnA4WithAGenuineQr()
    {
        CupsDocumentPrinter printer(QStringLiteral("A4"), settings());
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Ready, 10000);
        auto c = controller(printer);
        issue(*c, QStringLiteral("zh_CN"));
        QTRY_VERIFY_WITH_TIMEOUT(c->state() != State::Printing, 40000);
        QVERIFY2(c->state() == State::Printed, qPrintable(c->message() + m_peer.cupsdEnd()));

        const QDir spool(m_peer.printerSpool());
        const QStringList received = spool.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name);
        QCOMPARE(received.size(), 1);
        QVERIFY2(received.first().contains(QStringLiteral("onestop")), qPrintable(received.first()));
        QVERIFY(!received.first().contains(kEligibleId)); // the job name carries nothing personal
        QFile file(spool.filePath(received.first()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QString error;
        const QString text = PdfTools::text(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &expected : {QStringLiteral("居住证明"), kEligibleName, kEligibleId, kEligibleAddress,
                                        QStringLiteral("本证明用于社会保障"), c->certificateNumber()})
            QVERIFY2(text.contains(PdfTools::compact(expected)), qPrintable(expected + QStringLiteral(" in ") + text));

        const QImage page = firstPage(pdf, &error);
        QVERIFY2(!page.isNull(), qPrintable(error));
        const QStringList codes = qrTexts(page);
        QCOMPARE(codes.size(), 1);
        int status = 0;
        const QJsonObject verified = verify(m_sim->port(), codes.first().section(QLatin1Char('/'), -1), &status);
        QCOMPARE(status, 200);
        QCOMPARE(verified.value(QStringLiteral("certificate_number")).toString(), c->certificateNumber());

        for (const QString &f : CupsPeer::files(m_peer.printerSpool()))
            QVERIFY(QFile::remove(spool.filePath(f)));
    }

    void stoppedQueueSendsToTheCounter()
    {
        CupsDocumentPrinter printer(QStringLiteral("A4"), settings());
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Ready, 10000);
        QVERIFY2(m_peer.runTool(QStringLiteral("cupsdisable"),
                                {QStringLiteral("-r"), QStringLiteral("media-empty"), QStringLiteral("doc")}),
                 qPrintable(m_peer.error()));
        printer.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Unavailable, 10000);
        auto c = controller(printer);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^certificate JZ-\\S+ not printed, resident sent to the "
                                                               "counter: the A4 printer is not ready: .*stopped: media-empty")));
        issue(*c, QStringLiteral("en"));
        QCOMPARE(c->state(), State::AtCounter);
        QVERIFY2(c->message().contains(c->certificateNumber()), qPrintable(c->message()));
        QVERIFY(m_peer.runTool(QStringLiteral("cupsenable"), {QStringLiteral("doc")}));
    }

    void missingQueueSendsToTheCounter()
    {
        CupsDocumentPrinter printer(QStringLiteral("A4"), settings(QStringLiteral("no-such-queue")));
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Unavailable, 10000);
        auto c = controller(printer);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^certificate JZ-\\S+ not printed, resident sent to the "
                                                               "counter: the A4 printer is not ready: .*does not exist$")));
        issue(*c, QStringLiteral("zh_CN"));
        QCOMPARE(c->state(), State::AtCounter);
        QVERIFY(c->message().contains(c->certificateNumber()));
        QCOMPARE(QDir(m_peer.printerSpool()).entryList({QStringLiteral("*.pdf")}, QDir::Files), QStringList());
    }

    // The session ends while the certificate is at the print server, not yet on paper (a queue whose
    // printer does not answer): the job is canceled there, so it cannot come out later into the next
    // resident's hands.
    void sessionEndCancelsTheJobAtTheServer()
    {
        const QDateTime started = QDateTime::currentDateTime();
        QVERIFY2(m_peer.addQueue(QStringLiteral("dead"),
                                 QStringLiteral("ipp://localhost:%1/ipp/print").arg(CupsPeer::freePort()), false),
                 qPrintable(m_peer.error()));
        CupsDocumentPrinter printer(QStringLiteral("A4"), settings(QStringLiteral("dead")));
        printer.start();
        QTRY_COMPARE_WITH_TIMEOUT(printer.status(), Device::Status::Ready, 10000);
        QSignalSpy finished(&printer, &DocumentPrinter::jobFinished);
        auto c = controller(printer);
        issue(*c, QStringLiteral("zh_CN"));
        QCOMPARE(c->state(), State::Printing);
        // Sent: the job is in the server's spool.
        QTRY_VERIFY_WITH_TIMEOUT(!CupsPeer::files(m_peer.requestRoot(), started, true).isEmpty(), 15000);
        QVERIFY(finished.isEmpty());
        c->reset();
        QCOMPARE(c->state(), State::NeedIdentity);
        QVERIFY(c->certificateNumber().isEmpty());
        QVERIFY(finished.wait(10000));
        const auto result = finished.takeFirst().at(0).value<DocumentJobResult>();
        QCOMPARE(result.state, DocumentJobResult::State::Canceled);
        QVERIFY2(result.reason.endsWith(QStringLiteral("; job %1 canceled").arg(result.jobId)),
                 qPrintable(result.reason));
        QTRY_COMPARE_WITH_TIMEOUT(CupsPeer::files(m_peer.requestRoot(), started, true), QSet<QString>(), 20000);
        QVERIFY(m_peer.runTool(QStringLiteral("lpadmin"), {QStringLiteral("-x"), QStringLiteral("dead")}));
    }
};

QTEST_MAIN(TestCertificateCups)
#include "tst_certificate_cups.moc"
