// The queue-ticket journey's controller against a real platform-sim process over HTTPS with mutual TLS
// (the kiosk's client certificate, the pinned platform CA): an online ticket printed with its number and
// QR, offline tickets from the kiosk's range when the network is marked down and when the platform is
// gone, the range running out, reconciliation counted exactly once (also after a kiosk that lost its record
// of the report), a crash between persisting a number and printing it (a child process aborts there), the
// printer not ready, and the slip through a real network printer's transport and the ESC/POS decoder.
#include "EscPosDecoder.h"
#include "NetworkReceiptPrinter.h"
#include "PlatformSimProcess.h"
#include "PrinterPeer.h"
#include "QueueClient.h"
#include "QueueRangeStore.h"
#include "QueueTicketController.h"
#include "ReceiptJobQueue.h"
#include "SimulatedReceiptPrinter.h"
#include "StrictWarnings.h"
#include "TestPki.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

const QString centerId = QStringLiteral("SH-XH-TLQ");

QueueTicketController::Settings controllerSettings(int rangeSize = 20, int lowWater = 5)
{
    QueueTicketController::Settings s;
    s.centerId = centerId;
    s.centerNameZh = QStringLiteral("田林街道社区事务受理服务中心");
    s.centerNameEn = QStringLiteral("Tianlin Community Affairs Center");
    s.rangeSize = rangeSize;
    s.lowWater = lowWater;
    return s;
}

SyncSettings tlsSettings(const TestPki &pki, const QString &identity)
{
    SyncSettings s;
    s.requestTimeoutMs = 3000;
    s.requestDeadlineMs = 6000;
    s.platformCaFile = pki.caFile();
    if (!identity.isEmpty()) {
        s.clientCertificateFile = pki.certificateFile(identity);
        s.clientKeyFile = pki.keyFile(identity);
    }
    return s;
}

// One kiosk: its ranges file, client, printer (the simulator behind the job queue) and controller.
struct Kiosk
{
    Kiosk(const QString &stateFile, const TestPki &pki, const QUrl &url,
          const QString &identity = QStringLiteral("K01"), int rangeSize = 20, int lowWater = 5)
        : ranges(stateFile), printer(QStringLiteral("sim"), 80), queue(&printer)
    {
        nam.setProxy(QNetworkProxy::NoProxy);
        QString error;
        loaded = ranges.load(&error);
        client = std::make_unique<QueueClient>(nam, tlsSettings(pki, identity), url, centerId);
        printer.setPrintDurationMs(0);
        queue.start();
        controller = std::make_unique<QueueTicketController>(controllerSettings(rangeSize, lowWater), *client,
                                                             ranges, queue);
    }
    // start() and wait for its round (services, ranges, reconciliation).
    bool startAndSettle()
    {
        QSignalSpy settled(controller.get(), &QueueTicketController::reconciled);
        controller->start();
        return settled.wait(15000);
    }

    QNetworkAccessManager nam;
    QueueRangeStore ranges;
    bool loaded = false;
    std::unique_ptr<QueueClient> client;
    SimulatedReceiptPrinter printer;
    ReceiptJobQueue queue;
    std::unique_ptr<QueueTicketController> controller;
};

QStringList textOf(const EscPosElements &elements)
{
    QStringList text;
    for (const EscPosElement &e : elements)
        if (e.kind == EscPosElement::Kind::TextLine && !e.text.isEmpty())
            text << e.text;
    return text;
}

QByteArray qrOf(const EscPosElements &elements)
{
    for (const EscPosElement &e : elements)
        if (e.kind == EscPosElement::Kind::Qr)
            return e.data;
    return {};
}

bool bigNumber(const EscPosElements &elements, const QString &number)
{
    for (const EscPosElement &e : elements)
        if (e.kind == EscPosElement::Kind::TextLine && e.text == number && e.style.width == 3)
            return true;
    return false;
}

int platformCount(const QString &db, const QString &where)
{
    // platformRowCount counts the rows of a table expression.
    return platformRowCount(db, QStringLiteral("(SELECT * FROM queue_tickets WHERE %1)").arg(where));
}

// The child of crashBetweenPersistingAndPrinting: issues one offline ticket and aborts as soon as the
// number is on screen, before the slip is printed (the controller prints right after announcing it).
int crashChild(const QString &stateFile)
{
    QueueRangeStore ranges(stateFile);
    QString error;
    if (!ranges.load(&error))
        return 3;
    QNetworkAccessManager nam;
    SyncSettings insecure;
    insecure.allowInsecureHttp = true;
    QueueClient client(nam, insecure, QUrl(QStringLiteral("http://127.0.0.1:9")), centerId);
    SimulatedReceiptPrinter printer(QStringLiteral("sim"), 80);
    printer.start();
    QueueTicketController controller(controllerSettings(), client, ranges, printer);
    controller.setNetworkAvailable(false);
    QObject::connect(&controller, &QueueTicketController::changed, [&] {
        if (controller.state() == QueueTicketController::State::IssuedOffline) {
            std::fprintf(stdout, "%s\n", qPrintable(controller.ticketNumber()));
            std::fflush(stdout);
            std::abort(); // a crash: the number is recorded and shown, never printed
        }
    });
    controller.enter(QStringLiteral("zh_CN"));
    controller.chooseService(QStringLiteral("general"));
    return 4; // not reached when a number was issued
}

} // namespace

class TestQueueTicketController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
    std::unique_ptr<PlatformSimProcess> m_sim;
    int m_kiosks = 0;

    QString stateFile()
    {
        const QString dir = m_dir.filePath(QStringLiteral("kiosk-%1").arg(++m_kiosks));
        QDir().mkpath(dir);
        return dir + QStringLiteral("/queue-tickets.json");
    }
    QString db() const { return m_sim->dbPath(); }
    bool restartSim()
    {
        QString error;
        const quint16 port = m_sim->port();
        if (!m_sim->start(port, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.filePath(QStringLiteral("pki")));
        m_pki = std::make_unique<TestPki>(m_dir.filePath(QStringLiteral("pki")));
        QString error;
        QVERIFY2(m_pki->create(&error), qPrintable(error));
        QVERIFY2(m_pki->issueClient(QStringLiteral("K01"), &error), qPrintable(error));
        QVERIFY2(m_pki->issueClient(QStringLiteral("K02"), &error), qPrintable(error));
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("platform.sqlite")),
                                                     m_pki->platformArguments()
                                                         << QStringLiteral("--test-hooks"));
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QCOMPARE(m_sim->baseUrl().scheme(), QStringLiteral("https"));
    }

    void onlineTicketIsPrintedWithItsNumberAndQr()
    {
        Kiosk k(stateFile(), *m_pki, m_sim->baseUrl());
        QVERIFY(k.loaded);
        QVERIFY(k.startAndSettle());
        QCOMPARE(k.controller->services().size(), 3);
        // Offline numbers were reserved for every service while online.
        QTRY_COMPARE_WITH_TIMEOUT(k.ranges.ranges().size(), 3, 10000);
        QVERIFY(k.ranges.numbersLeft(QStringLiteral("general"), QDate::currentDate()) >= 5);
        const QFileDevice::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                                QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFile::permissions(k.ranges.filePath()) & others, QFileDevice::Permissions());
        QVERIFY(QFile::permissions(k.ranges.filePath()) & QFile::WriteOwner);

        k.controller->enter(QStringLiteral("zh_CN"));
        k.controller->chooseService(QStringLiteral("general"));
        QCOMPARE(k.controller->state(), QueueTicketController::State::Requesting);
        QTRY_COMPARE_WITH_TIMEOUT(k.controller->state(), QueueTicketController::State::Issued, 10000);
        const QString number = k.controller->ticketNumber();
        QVERIFY2(number.startsWith(QLatin1Char('A')) && number.size() == 4, qPrintable(number));
        QCOMPARE(k.controller->waiting(), 0);
        QCOMPARE(k.controller->serviceName(), QStringLiteral("综合受理"));
        QVERIFY(k.controller->qrText().endsWith(QLatin1Char(':') + number));
        QTRY_COMPARE_WITH_TIMEOUT(k.controller->printState(), QueueTicketController::PrintState::Printed,
                                  5000);
        const EscPosElements slip = k.printer.lastJobElements();
        QVERIFY(bigNumber(slip, number));
        QCOMPARE(qrOf(slip), k.controller->qrText().toUtf8());
        QVERIFY2(textOf(slip).contains(QStringLiteral("综合受理")),
                 qPrintable(textOf(slip).join(QLatin1Char('|'))));
        QVERIFY(textOf(slip).contains(QStringLiteral("您前面还有 0 人")));
        QCOMPARE(platformCount(db(), QStringLiteral("source = 'online'")), 1);

        // The session's end forgets the ticket.
        k.controller->reset();
        QCOMPARE(k.controller->state(), QueueTicketController::State::ChoosingService);
        QVERIFY(k.controller->ticketNumber().isEmpty());
        QVERIFY(k.controller->qrText().isEmpty());
    }

    void offlineTicketsComeFromTheRangeAndAreCountedExactlyOnce()
    {
        const QString file = stateFile();
        QString numberWhileDown, numberWithoutPlatform;
        QString rangeId;
        {
            Kiosk k(file, *m_pki, m_sim->baseUrl());
            QVERIFY(k.startAndSettle());
            QTRY_COMPARE_WITH_TIMEOUT(k.ranges.ranges().size(), 3, 10000);

            // The network marked down: a number from the range at once, in English.
            k.controller->setNetworkAvailable(false);
            k.controller->enter(QStringLiteral("en"));
            k.controller->chooseService(QStringLiteral("household"));
            QCOMPARE(k.controller->state(), QueueTicketController::State::IssuedOffline);
            numberWhileDown = k.controller->ticketNumber();
            QVERIFY2(numberWhileDown.startsWith(QLatin1Char('C')), qPrintable(numberWhileDown));
            QTRY_COMPARE_WITH_TIMEOUT(k.controller->printState(), QueueTicketController::PrintState::Printed,
                                      5000);
            QVERIFY(textOf(k.printer.lastJobElements())
                        .contains(QStringLiteral("Household registration and certificates")));
            QCOMPARE(k.controller->unreportedCount(), 1);

            // The platform gone while the network looks fine: the request fails, then a range number.
            QCOMPARE(m_sim->terminate(), 0);
            k.controller->setNetworkAvailable(true);
            k.controller->enter(QStringLiteral("en"));
            k.controller->chooseService(QStringLiteral("household"));
            QTRY_COMPARE_WITH_TIMEOUT(k.controller->state(), QueueTicketController::State::IssuedOffline,
                                      15000);
            numberWithoutPlatform = k.controller->ticketNumber();
            QVERIFY(numberWithoutPlatform != numberWhileDown);
            QCOMPARE(k.controller->unreportedCount(), 2);
            for (const QueueRangeStore::Range &r : k.ranges.ranges())
                if (r.serviceId == QLatin1String("household"))
                    rangeId = r.rangeId;
        }
        // The file holds both numbers, not yet reported; kept as it is now (before reconciliation).
        QFile::remove(file + QStringLiteral(".before"));
        QVERIFY(QFile::copy(file, file + QStringLiteral(".before")));
        QCOMPARE(platformCount(m_sim->dbPath(), QStringLiteral("source = 'offline'")), 0);

        QVERIFY(restartSim());
        {
            Kiosk k(file, *m_pki, m_sim->baseUrl());
            QCOMPARE(k.controller->unreportedCount(), 2);
            QVERIFY(k.startAndSettle());
            QTRY_COMPARE_WITH_TIMEOUT(k.controller->unreportedCount(), 0, 10000);
        }
        QCOMPARE(platformCount(db(), QStringLiteral("source = 'offline'")), 2);
        for (const QString &n : {numberWhileDown, numberWithoutPlatform})
            QCOMPARE(platformCount(
                         db(), QStringLiteral("ticket_number = '%1' AND service_id = 'household'").arg(n)),
                     1);

        // A kiosk that lost its record of the report (the file from before) reports again: counted once.
        QVERIFY(QFile::remove(file));
        QVERIFY(QFile::rename(file + QStringLiteral(".before"), file));
        {
            Kiosk k(file, *m_pki, m_sim->baseUrl());
            QCOMPARE(k.controller->unreportedCount(), 2);
            QVERIFY(k.startAndSettle());
            QTRY_COMPARE_WITH_TIMEOUT(k.controller->unreportedCount(), 0, 10000);
        }
        QCOMPARE(platformCount(db(), QStringLiteral("source = 'offline'")), 2);

        // Another kiosk may not report this kiosk's range, and no certificate gets nothing.
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        QueueClient other(nam, tlsSettings(*m_pki, QStringLiteral("K02")), m_sim->baseUrl(), centerId);
        QueueClient::Answer answer;
        bool done = false;
        other.reportIssued(rangeId,
                           {{numberWhileDown.mid(1).toInt(), QStringLiteral("2026-12-03T09:00:00.000Z")}},
                           [&](const QueueClient::Answer &a) {
                               answer = a;
                               done = true;
                           });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(answer.status, 403);
        QCOMPARE(answer.body.value(QStringLiteral("error")).toString(), QStringLiteral("not_owner"));
        QNetworkAccessManager anonymousNam;
        anonymousNam.setProxy(QNetworkProxy::NoProxy);
        QueueClient anonymous(anonymousNam, tlsSettings(*m_pki, QString()), m_sim->baseUrl(), centerId);
        done = false;
        anonymous.listServices([&](const QueueClient::Answer &a) {
            answer = a;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(answer.status, 401);
    }

    void anExhaustedRangeSaysSoClearly()
    {
        Kiosk k(stateFile(), *m_pki, m_sim->baseUrl(), QStringLiteral("K01"), 2, 1);
        QVERIFY(k.startAndSettle());
        QTRY_COMPARE_WITH_TIMEOUT(k.ranges.ranges().size(), 3, 10000);
        k.controller->setNetworkAvailable(false);
        for (int i = 0; i < 2; ++i) {
            k.controller->enter(QStringLiteral("en"));
            k.controller->chooseService(QStringLiteral("social-insurance"));
            QCOMPARE(k.controller->state(), QueueTicketController::State::IssuedOffline);
        }
        k.controller->enter(QStringLiteral("en"));
        QTest::ignoreMessage(QtWarningMsg, "no offline ticket numbers left for social-insurance");
        k.controller->chooseService(QStringLiteral("social-insurance"));
        QCOMPARE(k.controller->state(), QueueTicketController::State::Failed);
        QVERIFY2(k.controller->message().contains(QStringLiteral("no ticket numbers left")),
                 qPrintable(k.controller->message()));
        QVERIFY(k.controller->ticketNumber().isEmpty());
        k.controller->tryAgain();
        QCOMPARE(k.controller->state(), QueueTicketController::State::ChoosingService);
    }

    void aCrashBetweenPersistingAndPrintingNeverGivesADuplicate()
    {
        const QString file = stateFile();
        {
            Kiosk k(file, *m_pki, m_sim->baseUrl());
            QVERIFY(k.startAndSettle());
            QTRY_COMPARE_WITH_TIMEOUT(k.ranges.ranges().size(), 3, 10000);
        }
        QStringList issued;
        for (int run = 0; run < 2; ++run) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QUEUE_TICKET_CRASH_CHILD"), file);
            child.setProcessEnvironment(env);
            child.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY(child.waitForFinished(30000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            issued << QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        }
        QCOMPARE(issued.size(), 2);
        QVERIFY2(issued.at(0).startsWith(QLatin1Char('A')) && issued.at(0) != issued.at(1),
                 qPrintable(issued.join(QLatin1Char(' '))));
        // After the crashes, the kiosk goes on after both numbers.
        QueueRangeStore reopened(file);
        QString error;
        QVERIFY2(reopened.load(&error), qPrintable(error));
        const auto next = reopened.issueOffline(QStringLiteral("general"), QDate::currentDate(),
                                                QStringLiteral("2026-12-03T09:00:00.000Z"), &error);
        QVERIFY(next);
        QVERIFY(!issued.contains(next->ticketNumber));
        QCOMPARE(next->number, issued.at(1).mid(1).toInt() + 1);
    }

    void aPrinterOutOfPaperLeavesTheTicketOnScreen()
    {
        Kiosk k(stateFile(), *m_pki, m_sim->baseUrl());
        QVERIFY(k.startAndSettle());
        k.printer.setPaper(ReceiptPrinter::PaperState::Out);
        QTRY_VERIFY_WITH_TIMEOUT(!k.queue.isReady(), 5000);
        const int jobsBefore = k.printer.jobCount();
        k.controller->enter(QStringLiteral("en"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^queue ticket slip not printed: ")));
        k.controller->chooseService(QStringLiteral("general"));
        QTRY_COMPARE_WITH_TIMEOUT(k.controller->state(), QueueTicketController::State::Issued, 10000);
        QCOMPARE(k.controller->printState(), QueueTicketController::PrintState::NotPrinted);
        QVERIFY2(k.controller->message().contains(QStringLiteral("out of paper")),
                 qPrintable(k.controller->message()));
        QVERIFY(!k.controller->qrText().isEmpty());
        QCOMPARE(k.printer.jobCount(), jobsBefore);
    }

    void theSlipThroughANetworkPrinter()
    {
        // The real transport (DLE EOT status rounds, TCP 9100) behind the job queue, decoded on the other
        // side.
        PrinterPeer peer;
        QVERIFY(peer.listen());
        NetworkReceiptPrinter network(QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), peer.port(), 58);
        ReceiptJobQueue queue(&network);
        queue.start();
        QTRY_VERIFY_WITH_TIMEOUT(queue.isReady(), 10000);
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        QueueRangeStore ranges(stateFile());
        QString error;
        QVERIFY(ranges.load(&error));
        QueueClient client(nam, tlsSettings(*m_pki, QStringLiteral("K01")), m_sim->baseUrl(), centerId);
        QueueTicketController controller(controllerSettings(), client, ranges, queue);
        QSignalSpy settled(&controller, &QueueTicketController::reconciled);
        controller.start();
        QVERIFY(settled.wait(15000));
        controller.enter(QStringLiteral("zh_CN"));
        controller.chooseService(QStringLiteral("social-insurance"));
        QTRY_COMPARE_WITH_TIMEOUT(controller.printState(), QueueTicketController::PrintState::Printed, 15000);
        const EscPosElements slip = EscPosDecoder::decode(peer.jobData);
        QVERIFY(bigNumber(slip, controller.ticketNumber()));
        QCOMPARE(qrOf(slip), controller.qrText().toUtf8());
        QVERIFY(textOf(slip).contains(QStringLiteral("社保医保")));
        queue.stop();
    }

    void cleanupTestCase()
    {
        if (m_sim && m_sim->isRunning())
            QCOMPARE(m_sim->terminate(), 0);
    }
};

int main(int argc, char *argv[])
{
    const QByteArray crashFile = qgetenv("QUEUE_TICKET_CRASH_CHILD");
    if (!crashFile.isEmpty()) {
        QCoreApplication app(argc, argv);
        return crashChild(QString::fromLocal8Bit(crashFile));
    }
    QGuiApplication app(argc, argv);
    TestQueueTicketController test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_queue_ticket_controller.moc"
