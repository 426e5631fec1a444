// Receipts and the session (issue 10): the receipt prints as soon as the case is durable, so ending the
// session one second after the receipt screen, while the platform is slow, still gives exactly one
// receipt; a receipt held for paper when the session ends is cancelled and never comes out into the next
// resident's hands; staff reprint a stored case with the REPRINT line.
#include "EscPosDecoder.h"
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "ReceiptJobQueue.h"
#include "SessionFixture.h" // testSite(), testCatalog(), testCard()
#include "StrictWarnings.h"

#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using Screen = SessionController::Screen;

namespace {

QStringList textOf(const EscPosElements &elements)
{
    QStringList out;
    for (const EscPosElement &e : elements)
        if (e.kind == EscPosElement::Kind::TextLine)
            out.append(e.text);
    return out;
}

// A kiosk as main.cpp wires it, with the simulated printer behind the job queue.
struct ReceiptKiosk
{
    QTemporaryDir dir;
    SiteConfig site = testSite();
    Catalog catalog = testCatalog();
    std::unique_ptr<CaseStore> store;
    std::unique_ptr<StoreExecutor> executor; // on this thread: the test reads `store` between jobs
    QNetworkAccessManager network;
    std::unique_ptr<SyncClient> sync;
    std::unique_ptr<SyncMonitor> syncMonitor;
    SimulatedIdCardReader reader{QStringLiteral("reader")};
    SimulatedCodeScanner scanner{QStringLiteral("scanner")};
    SimulatedReceiptPrinter printer{QStringLiteral("printer"), 80};
    ReceiptJobQueue queue{&printer};
    SimulatedCamera camera{QStringLiteral("camera")};
    DeviceHub devices;
    ManualClock clock;
    std::unique_ptr<ServiceCatalogModel> services;
    FormController form;
    std::unique_ptr<SubmissionController> submission;
    std::unique_ptr<SessionController> session;

    explicit ReceiptKiosk(const QUrl &platform = QUrl())
    {
        QString error;
        store = CaseStore::open(dir.path(), &error);
        Q_ASSERT_X(store, "ReceiptKiosk", qPrintable(error));
        network.setProxy(QNetworkProxy::NoProxy);
        if (platform.isValid())
            site.platformUrl = platform;
        executor = StoreExecutor::onThisThread(*store);
        sync = std::make_unique<SyncClient>(*store, network, site.sync, site.platformUrl);
        sync->setNetworkAvailable(platform.isValid());
        syncMonitor = std::make_unique<SyncMonitor>(*sync, sync->status());
        reader.setReadDelay(0);
        printer.setPrintDurationMs(200);
        for (Device *d : std::initializer_list<Device *>{&reader, &scanner, &queue, &camera})
            devices.add(d);
        devices.startAll();
        services = std::make_unique<ServiceCatalogModel>(catalog, devices);
        submission = std::make_unique<SubmissionController>(site, catalog, *executor, *syncMonitor, queue);
        session = std::make_unique<SessionController>(site, catalog, reader, scanner, *services, form,
                                                      *submission, clock);
        if (platform.isValid())
            sync->start();
    }

    // From attract to the receipt screen: a committed case.
    void walkToReceipt()
    {
        session->begin();
        session->chooseLanguage(QStringLiteral("en"));
        QCOMPARE(session->screen(), Screen::Identify);
        reader.placeCard(testCard());
        QTRY_COMPARE(session->screen(), Screen::Catalog);
        session->chooseService(QStringLiteral("social-security-card"));
        session->startForm();
        form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        form.setValue(QStringLiteral("reason"), QStringLiteral("lost"));
        session->toReview();
        QCOMPARE(session->screen(), Screen::Review);
        session->submit(true);
        QTRY_COMPARE(session->screen(), Screen::Receipt);
    }

    ~ReceiptKiosk()
    {
        session.reset();
        submission.reset();
        syncMonitor.reset();
        executor.reset();
    }
};

} // namespace

class TestPrinterReceipts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void sessionEndOneSecondAfterTheReceiptScreenWithASlowPlatformPrintsOneReceipt()
    {
        QTemporaryDir simDir;
        PlatformSimProcess sim(simDir.filePath(QStringLiteral("platform.sqlite")));
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        const auto hook = rawExchange(
            sim.port(), RawHttpClient::request("POST", "/test/delay-next", {}, R"({"ms": 4000})"));
        QCOMPARE(hook.value_or(RawHttpResponse()).status, 200);

        ReceiptKiosk k(sim.baseUrl());
        QSignalSpy completed(&k.queue, &ReceiptPrinter::jobCompleted);
        k.walkToReceipt();
        const QString caseId = k.submission->caseId();
        const QString caseNumber = k.submission->caseNumber();
        QTest::qWait(1000);      // the resident reads the screen for a second ...
        k.session->endSession(); // ... and taps 结束办理 while the platform has not answered
        QCOMPARE(k.session->screen(), Screen::Attract);
        QCOMPARE(k.store->caseSyncState(caseId), SyncState::Pending); // the platform has not answered yet

        QTRY_COMPARE_WITH_TIMEOUT(k.store->caseSyncState(caseId), SyncState::Synced, 20000);
        QTest::qWait(500); // anything that would still print has had its chance
        QCOMPARE(k.printer.jobCount(), 1);
        QCOMPARE(completed.count(), 1);
        QCOMPARE(k.printer.lastJobId(), caseId);
        const QStringList lines = textOf(k.printer.lastJobElements());
        QVERIFY2(lines.contains(caseNumber), qPrintable(lines.join(QLatin1Char('|'))));
        // Printed before the platform had it: it says so.
        QVERIFY2(lines.join(QLatin1Char(' ')).contains(QStringLiteral("when the network is back")),
                 qPrintable(lines.join(QLatin1Char('|'))));
        QCOMPARE(platformRowCount(sim.dbPath(), QStringLiteral("cases"), caseId), 1);
        QCOMPARE(sim.terminate(), 0);
    }

    void paperOutThenSessionEndThenPaperInPrintsNothing()
    {
        ReceiptKiosk k;
        QSignalSpy waiting(&k.queue, &ReceiptJobQueue::jobWaiting);
        k.walkToReceipt();
        QCOMPARE(k.submission->receiptState(), SubmissionController::ReceiptState::Printing);
        k.printer.setPaper(ReceiptPrinter::PaperState::Out); // runs out under the receipt: it is held
        QVERIFY(waiting.wait(5000));
        QCOMPARE(k.queue.waitingJobs(), 1);

        k.session->endSession();
        QCOMPARE(k.queue.waitingJobs(), 0);
        k.printer.setPaper(ReceiptPrinter::PaperState::Ok); // staff refill it for the next resident
        QTRY_COMPARE(k.queue.status(), Device::Status::Ready);
        QTest::qWait(600); // a held job would have been re-sent and printed (200 ms) by now
        QCOMPARE(k.printer.jobCount(), 0);
        QCOMPARE(k.store->pendingCount(), 1); // the case itself is safe
    }

    void aReceiptAlreadyPrintedIsNotCancelled()
    {
        ReceiptKiosk k;
        k.walkToReceipt();
        QTRY_COMPARE(k.submission->receiptState(), SubmissionController::ReceiptState::Printed);
        k.session->endSession();
        QTest::qWait(300);
        QCOMPARE(k.printer.jobCount(), 1);
    }

    void staffReprintCarriesTheMarker()
    {
        ReceiptKiosk k;
        k.walkToReceipt();
        const QString caseId = k.submission->caseId();
        const QString caseNumber = k.submission->caseNumber();
        QTRY_COMPARE(k.submission->receiptState(), SubmissionController::ReceiptState::Printed);
        k.session->endSession();

        QSignalSpy reprinted(k.submission.get(), &SubmissionController::reprintFinished);
        QString error;
        k.submission->reprint(caseId);
        QVERIFY(reprinted.wait(5000));
        QCOMPARE(reprinted.at(0).at(0).toString(), caseId);
        QCOMPARE(reprinted.at(0).at(1).toBool(), true);
        QCOMPARE(k.printer.jobCount(), 2);
        const QStringList lines = textOf(k.printer.lastJobElements());
        QCOMPARE(lines.value(0), QStringLiteral("*** 重打 / REPRINT ***"));
        QVERIFY2(lines.contains(caseNumber), qPrintable(lines.join(QLatin1Char('|'))));
        // From the store: the name and number masked as on the first receipt.
        QVERIFY2(lines.join(QLatin1Char('|')).contains(QStringLiteral("310104********0029")),
                 qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY(lines.join(QLatin1Char('|')).contains(QStringLiteral("王**")));
        QVERIFY(!lines.join(QLatin1Char('|')).contains(testCard().idNumber));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("receipt not reprinted")));
        reprinted.clear();
        k.submission->reprint(QStringLiteral("no-such-case"));
        QVERIFY(reprinted.wait(5000));
        QCOMPARE(reprinted.at(0).at(1).toBool(), false);
        QCOMPARE(reprinted.at(0).at(2).toString(), QStringLiteral("no case no-such-case in the store"));
    }
};

QTEST_GUILESS_MAIN(TestPrinterReceipts)
#include "tst_printer_receipts.moc"
