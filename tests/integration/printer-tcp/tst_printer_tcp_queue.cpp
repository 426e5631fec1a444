// ReceiptJobQueue in front of NetworkReceiptPrinter, against the PrinterPeer "port 9100" printer: jobs
// kept until they print exactly once. Paper runs out during the job -> kept -> paper back -> reprinted
// once with a REPRINT line; cover open before the job -> held, nothing sent -> closed -> printed once
// without one; the connection drops during the job -> reconnect -> reprinted once.
#include "EscPosDecoder.h"
#include "NetworkReceiptPrinter.h"
#include "PrinterPeer.h"
#include "ReceiptJobQueue.h"
#include "ReceiptTemplate.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using Status = Device::Status;
using State = PrinterPeer::State;

namespace {
QByteArray receipt(const QString &caseId)
{
    QString error;
    const ReceiptTemplate t = ReceiptTemplate::load(QStringLiteral("case-receipt"), QStringLiteral("zh"), &error);
    const QHash<QString, QString> f{{QStringLiteral("center_name"), QStringLiteral("田林街道")},
                                    {QStringLiteral("service"), QStringLiteral("居住证办理")},
                                    {QStringLiteral("case_id"), caseId},
                                    {QStringLiteral("submitted_at"), QStringLiteral("2026-11-27 09:30")},
                                    {QStringLiteral("masked_name"), QStringLiteral("王**")},
                                    {QStringLiteral("masked_id"), QStringLiteral("310104********0029")},
                                    {QStringLiteral("sync_state"), QStringLiteral("synced")},
                                    {QStringLiteral("tracking_qr"), QStringLiteral("https://example.gov.cn/c/") + caseId}};
    // No logo: raster bits could hold 10 04 0n, which the peer would take for a status request.
    const QByteArray bytes = t.render(f, ReceiptPaper::forColumns(48), &error);
    if (bytes.isEmpty())
        qWarning("receipt: %s", qPrintable(error));
    return bytes;
}

struct Paper
{
    QStringList text;
    int cuts = 0;
};

Paper read(const QByteArray &bytes)
{
    Paper p;
    for (const EscPosElement &e : EscPosDecoder::decode(bytes)) {
        if (e.kind == EscPosElement::Kind::TextLine && !e.text.isEmpty())
            p.text.append(e.text);
        p.cuts += e.kind == EscPosElement::Kind::Cut;
    }
    return p;
}

const QString kReprint = QStringLiteral("*** 重打 / REPRINT ***");
} // namespace

class TestPrinterTcpQueue : public QObject
{
    Q_OBJECT

    std::unique_ptr<PrinterPeer> peer;
    std::unique_ptr<NetworkReceiptPrinter> printer;
    std::unique_ptr<ReceiptJobQueue> queue;

    void startPrinter(Status expected = Status::Ready)
    {
        printer = std::make_unique<NetworkReceiptPrinter>(QStringLiteral("receipt"), QStringLiteral("127.0.0.1"),
                                                          peer->port(), 80);
        NetworkPrinterTimeouts t;
        t.connectMs = 2000;
        t.statusAnswerMs = 1000;
        t.writeStallMs = 2000;
        t.reconnectFirstMs = 50;
        t.reconnectMaxMs = 200;
        t.statusPollMs = 100; // idle polling sees the printer come back
        printer->setTimeouts(t);
        queue = std::make_unique<ReceiptJobQueue>(printer.get());
        queue->start();
        QTRY_COMPARE_WITH_TIMEOUT(queue->status(), expected, 5000);
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void init()
    {
        peer = std::make_unique<PrinterPeer>();
        QVERIFY(peer->listen());
    }

    void cleanup()
    {
        queue.reset();
        printer.reset();
        peer.reset();
    }

    void paperOutDuringTheJobReprintsOnce()
    {
        startPrinter();
        QSignalSpy done(queue.get(), &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy waiting(queue.get(), &ReceiptJobQueue::jobWaiting);
        peer->stateOnJobData = State::PaperOut;
        queue->print(QStringLiteral("C-1"), receipt(QStringLiteral("C-1")));
        QVERIFY(waiting.wait(5000));
        QCOMPARE(waiting.first().at(1).toString(), QStringLiteral("paper out"));
        QCOMPARE(queue->status(), Status::Unavailable);
        QCOMPARE(queue->paper(), ReceiptPrinter::PaperState::Out);
        const int firstCopy = int(peer->jobData.size());
        QTest::qWait(300);
        QCOMPARE(int(peer->jobData.size()), firstCopy); // polls only, nothing re-sent while out
        QCOMPARE(done.size() + failed.size(), 0);

        peer->stateOnJobData.reset();
        peer->state = State::Ready;
        QVERIFY(done.wait(5000));
        QTest::qWait(300);
        QCOMPARE(done.size(), 1);
        QCOMPARE(failed.size(), 0);
        const Paper second = read(peer->jobData.mid(firstCopy));
        QCOMPARE(second.text.value(0), kReprint);
        QCOMPARE(second.cuts, 1);
        QCOMPARE(read(peer->jobData).text.count(kReprint), 1); // sent twice in all, never a third time
    }

    void coverOpenHoldsTheJobUntilClosed()
    {
        peer->state = State::CoverOpen;
        startPrinter(Status::Unavailable);
        QCOMPARE(queue->reason(), QStringLiteral("cover open"));
        QSignalSpy done(queue.get(), &ReceiptPrinter::jobCompleted);
        QSignalSpy waiting(queue.get(), &ReceiptJobQueue::jobWaiting);
        queue->print(QStringLiteral("C-2"), receipt(QStringLiteral("C-2")));
        QCOMPARE(waiting.size(), 1);
        QTest::qWait(300);
        QVERIFY(peer->jobData.isEmpty());
        peer->state = State::Ready;
        QVERIFY(done.wait(5000));
        QTest::qWait(200);
        QCOMPARE(done.size(), 1);
        const Paper p = read(peer->jobData);
        QCOMPARE(p.cuts, 1);
        QCOMPARE(p.text.count(kReprint), 0);
        // The case number has a line of its own, under its label (the template never lets it wrap).
        const int label = int(p.text.indexOf(QStringLiteral("受理编号：")));
        QVERIFY(label >= 0);
        QCOMPARE(p.text.value(label + 1), QStringLiteral("C-2"));
    }

    void droppedConnectionReprintsOnce()
    {
        startPrinter();
        QSignalSpy done(queue.get(), &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy waiting(queue.get(), &ReceiptJobQueue::jobWaiting);
        peer->closeOnJobData = true;
        queue->print(QStringLiteral("C-3"), receipt(QStringLiteral("C-3")));
        QVERIFY(waiting.wait(5000));
        peer->closeOnJobData = false;
        QVERIFY(done.wait(5000));
        QTest::qWait(200);
        QCOMPARE(done.size(), 1);
        QCOMPARE(failed.size(), 0);
        QVERIFY(peer->connections >= 2);
        QCOMPARE(read(peer->jobData).text.count(kReprint), 1);
        QCOMPARE(read(peer->jobData).text.count(QStringLiteral("受理编号：")), 2);
        QCOMPARE(read(peer->jobData).text.count(QStringLiteral("C-3")), 2);
    }
};

QTEST_MAIN(TestPrinterTcpQueue)
#include "tst_printer_tcp_queue.moc"
