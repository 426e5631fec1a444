// NetworkReceiptPrinter over loopback TCP against PrinterPeer, a scripted "port 9100" printer: the status
// rounds around each job, what reaches the printer, jobCompleted / jobFailed with their reasons, the device
// state, timeouts, a dropped connection and reconnecting to a printer that comes back on the same port.
#include "EscPosDecoder.h"
#include "EscPosEncoder.h"
#include "NetworkReceiptPrinter.h"
#include "PrinterPeer.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using Status = Device::Status;
using Paper = ReceiptPrinter::PaperState;
using State = PrinterPeer::State;

namespace {

QByteArray receipt(const QString &line)
{
    EscPosBuilder b;
    b.initialize().chineseMode(true).line(line).qrCode("https://example.org/c/1").cut(EscPosCut::Partial);
    return b.bytes();
}

QByteArray withoutStatusRequests(QByteArray bytes)
{
    for (int n = 1; n <= 4; ++n)
        bytes.replace(EscPosStatus::request(n), QByteArray());
    return bytes;
}

QList<int> rounds(int count)
{
    QList<int> out;
    for (int i = 0; i < count; ++i)
        out << 1 << 2 << 3 << 4;
    return out;
}

NetworkPrinterTimeouts smallTimeouts()
{
    NetworkPrinterTimeouts t;
    t.connectMs = 2000;
    t.statusAnswerMs = 1000;
    t.writeStallMs = 2000;
    t.reconnectFirstMs = 50;
    t.reconnectMaxMs = 200;
    t.statusPollMs = 0; // only around jobs: the request counts below are exact
    return t;
}

} // namespace

class TestPrinterTcp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrinterPeer> peer;
    std::unique_ptr<NetworkReceiptPrinter> printer;

    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(peer->port()); }

    // A printer on the peer's port, started; returns once its first status round is done.
    bool startPrinter(const NetworkPrinterTimeouts &timeouts = smallTimeouts())
    {
        printer = std::make_unique<NetworkReceiptPrinter>(QStringLiteral("counter"),
                                                          QStringLiteral("127.0.0.1"), peer->port(), 80);
        printer->setTimeouts(timeouts);
        printer->start();
        return QTest::qWaitFor([&] { return printer->status() != Status::Busy; }, 5000);
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
        printer.reset();
        peer.reset();
    }

    void identity()
    {
        NetworkReceiptPrinter narrow(QStringLiteral("n"), QStringLiteral("127.0.0.1"), 9100, 58);
        QCOMPARE(narrow.kind(), QStringLiteral("receipt_printer"));
        QVERIFY(!narrow.isSimulated());
        QCOMPARE(narrow.paperWidthDots(), 384);
        QCOMPARE(narrow.charactersPerLine(), 32);
        QCOMPARE(narrow.address(), QStringLiteral("127.0.0.1:9100"));
        QCOMPARE(narrow.status(), Status::Unavailable);
        QCOMPARE(narrow.reason(), QStringLiteral("not started"));
        NetworkReceiptPrinter odd(QStringLiteral("o"), QStringLiteral("127.0.0.1"), 9100, 70);
        odd.start();
        QCOMPARE(odd.reason(), QStringLiteral("unsupported paper width 70 mm"));
        QCOMPARE(odd.phase(), NetworkReceiptPrinter::Phase::Disconnected);
    }

    void printsAJob()
    {
        QVERIFY(startPrinter());
        QCOMPARE(printer->status(), Status::Ready);
        QCOMPARE(printer->reason(), QString());
        QCOMPARE(printer->paper(), Paper::Ok);
        QCOMPARE(printer->phase(), NetworkReceiptPrinter::Phase::Idle);
        QCOMPARE(peer->requests, rounds(1));

        QSignalSpy completed(printer.get(), &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        const QByteArray job = receipt(QStringLiteral("社区服务中心"));
        printer->print(QStringLiteral("case-1"), job);
        QCOMPARE(printer->status(), Status::Busy);
        QCOMPARE(completed.count(), 0); // never from inside print()
        QTRY_COMPARE(completed.count(), 1);
        QCOMPARE(completed.at(0).at(0).toString(), QStringLiteral("case-1"));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(printer->status(), Status::Ready);

        // a status round before and after the job, and the job's bytes exactly
        QCOMPARE(peer->requests, rounds(3));
        QCOMPARE(withoutStatusRequests(peer->received), job);
        QCOMPARE(peer->jobData, job);
        bool found = false;
        for (const EscPosElement &e : EscPosDecoder::decode(peer->jobData))
            found = found ||
                    (e.kind == EscPosElement::Kind::TextLine && e.text == QStringLiteral("社区服务中心"));
        QVERIFY(found);
        QCOMPARE(peer->connections, 1);
    }

    void jobsPrintInOrder()
    {
        QVERIFY(startPrinter());
        QSignalSpy completed(printer.get(), &ReceiptPrinter::jobCompleted);
        const QByteArray a = receipt(QStringLiteral("first"));
        const QByteArray b = receipt(QStringLiteral("second"));
        printer->print(QStringLiteral("a"), a);
        printer->print(QStringLiteral("b"), b);
        QTRY_COMPARE(completed.count(), 2);
        QCOMPARE(completed.at(0).at(0).toString(), QStringLiteral("a"));
        QCOMPARE(completed.at(1).at(0).toString(), QStringLiteral("b"));
        QCOMPARE(peer->jobData, a + b);
        QCOMPARE(peer->requests, rounds(5));
    }

    void paperNearEndStillPrints()
    {
        peer->state = State::PaperNearEnd;
        QVERIFY(startPrinter());
        QCOMPARE(printer->status(), Status::Ready);
        QCOMPARE(printer->paper(), Paper::NearEnd);
        QCOMPARE(printer->reason(), QStringLiteral("paper low"));
        QSignalSpy completed(printer.get(), &ReceiptPrinter::jobCompleted);
        printer->print(QStringLiteral("case-2"), receipt(QStringLiteral("low")));
        QTRY_COMPARE(completed.count(), 1);
        QCOMPARE(printer->reason(), QStringLiteral("paper low"));
    }

    void paperOutBeforeTheJob()
    {
        peer->state = State::PaperOut;
        QVERIFY(startPrinter());
        QCOMPARE(printer->status(), Status::Unavailable);
        QCOMPARE(printer->reason(), QStringLiteral("paper out"));
        QCOMPARE(printer->paper(), Paper::Out);

        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy completed(printer.get(), &ReceiptPrinter::jobCompleted);
        printer->print(QStringLiteral("case-3"), receipt(QStringLiteral("nothing")));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("case-3"));
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("paper out"));
        QCOMPARE(completed.count(), 0);
        QVERIFY(peer->jobData.isEmpty());    // nothing printed
        QCOMPARE(peer->requests, rounds(2)); // it asked again before the job
        QCOMPARE(printer->reason(), QStringLiteral("paper out"));

        // paper loaded: the next job asks again and prints
        peer->state = State::Ready;
        QSignalSpy done(printer.get(), &ReceiptPrinter::jobCompleted);
        printer->print(QStringLiteral("case-4"), receipt(QStringLiteral("now")));
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(printer->status(), Status::Ready);
        QCOMPARE(printer->paper(), Paper::Ok);
    }

    void paperRunsOutDuringTheJob()
    {
        QVERIFY(startPrinter());
        peer->stateOnJobData = State::PaperOut;
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy completed(printer.get(), &ReceiptPrinter::jobCompleted);
        const QByteArray job = receipt(QStringLiteral("half"));
        printer->print(QStringLiteral("case-5"), job);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("paper out"));
        QCOMPARE(completed.count(), 0);
        QCOMPARE(peer->jobData, job); // it was sent; the status after it says it did not all come out
        QCOMPARE(printer->status(), Status::Unavailable);
        QCOMPARE(printer->reason(), QStringLiteral("paper out"));
        QCOMPARE(printer->paper(), Paper::Out);
    }

    void idlePollSeesThePaperRunOut()
    {
        NetworkPrinterTimeouts t = smallTimeouts();
        t.statusPollMs = 50;
        QVERIFY(startPrinter(t));
        QCOMPARE(printer->status(), Status::Ready);
        peer->state = State::PaperOut;
        QTRY_COMPARE(printer->reason(), QStringLiteral("paper out"));
        QCOMPARE(printer->status(), Status::Unavailable);
        peer->state = State::Ready;
        QTRY_COMPARE(printer->status(), Status::Ready);
        QVERIFY(peer->jobData.isEmpty());
        QCOMPARE(peer->connections, 1);
    }

    void coverOpen()
    {
        peer->state = State::CoverOpen;
        QVERIFY(startPrinter());
        QCOMPARE(printer->status(), Status::Unavailable);
        QCOMPARE(printer->reason(), QStringLiteral("cover open"));
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        printer->print(QStringLiteral("case-6"), receipt(QStringLiteral("x")));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("cover open"));
        QVERIFY(peer->jobData.isEmpty());
    }

    void offline()
    {
        peer->state = State::Offline;
        QVERIFY(startPrinter());
        QCOMPARE(printer->status(), Status::Unavailable);
        QCOMPARE(printer->reason(), QStringLiteral("offline"));
    }

    void noAnswerTimesOut()
    {
        peer->silentFrom = 4;
        NetworkPrinterTimeouts t = smallTimeouts();
        t.statusAnswerMs = 150;
        t.reconnectFirstMs = 60000; // no retry during the test
        printer = std::make_unique<NetworkReceiptPrinter>(QStringLiteral("counter"),
                                                          QStringLiteral("127.0.0.1"), peer->port(), 80);
        printer->setTimeouts(t);
        QSignalSpy errors(printer.get(), &Device::errorOccurred);
        printer->start();
        const QString reason = QStringLiteral("status: no answer to DLE EOT 4 within 150 ms");
        QTRY_COMPARE(printer->reason(), reason);
        QCOMPARE(printer->status(), Status::Unavailable);
        QCOMPARE(printer->phase(), NetworkReceiptPrinter::Phase::Disconnected);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("read status"));
        QCOMPARE(errors.at(0).at(1).toString(), reason);

        // a job while the printer is away fails at once, from the event loop, with that reason
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        printer->print(QStringLiteral("case-7"), receipt(QStringLiteral("x")));
        QCOMPARE(failed.count(), 0);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), reason);
    }

    void noAnswerBeforeTheJob()
    {
        NetworkPrinterTimeouts t = smallTimeouts();
        t.statusAnswerMs = 150;
        QVERIFY(startPrinter(t));
        QCOMPARE(printer->status(), Status::Ready);
        peer->silentFrom = 1;
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        printer->print(QStringLiteral("case-8"), receipt(QStringLiteral("x")));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(),
                 QStringLiteral("status: no answer to DLE EOT 1 within 150 ms"));
        QVERIFY(peer->jobData.isEmpty());
        QCOMPARE(printer->status(), Status::Unavailable);
    }

    void malformedAnswer()
    {
        peer->malformedAnswer = 0x00;
        QVERIFY(startPrinter());
        QCOMPARE(printer->status(), Status::Unavailable);
        QCOMPARE(printer->reason(),
                 QStringLiteral(
                     "status: DLE EOT 1: answer 0x00 is not a status byte (bits 1 and 4 set, bit 7 clear)"));
    }

    void connectionClosedMidJob()
    {
        QVERIFY(startPrinter());
        peer->closeOnJobData = true;
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy completed(printer.get(), &ReceiptPrinter::jobCompleted);
        printer->print(QStringLiteral("case-9"), receipt(QStringLiteral("cut off")));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(completed.count(), 0);
        const QString reason = failed.at(0).at(1).toString();
        QVERIFY2(reason.startsWith(QStringLiteral("connection to %1 lost: ").arg(address())),
                 qPrintable(reason));
        QCOMPARE(printer->status(), Status::Unavailable);
        // the peer still listens: the printer reconnects and is Ready again
        QTRY_COMPARE(printer->status(), Status::Ready);
        QCOMPARE(peer->connections, 2);
    }

    void reconnectsWhenThePrinterComesBack()
    {
        QVERIFY(startPrinter());
        QCOMPARE(printer->status(), Status::Ready);
        const quint16 port = peer->port();
        const QString addr = address();
        peer->closeAll();
        QTRY_COMPARE(printer->status(), Status::Unavailable);
        QCOMPARE(printer->reason(), QStringLiteral("connection to %1 lost: closed by the printer").arg(addr));
        QTRY_COMPARE(printer->reason(), QStringLiteral("connect %1: connection refused").arg(addr));

        // a job while it is away fails
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        printer->print(QStringLiteral("case-10"), receipt(QStringLiteral("x")));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("connect %1: connection refused").arg(addr));

        PrinterPeer back;
        QVERIFY(back.listen(port));
        QTRY_COMPARE(printer->status(), Status::Ready);
        QCOMPARE(back.connections, 1);
        QSignalSpy completed(printer.get(), &ReceiptPrinter::jobCompleted);
        const QByteArray job = receipt(QStringLiteral("again"));
        printer->print(QStringLiteral("case-11"), job);
        QTRY_COMPARE(completed.count(), 1);
        QCOMPARE(back.jobData, job);
        printer.reset(); // before `back` goes
    }

    void refusedAtStart()
    {
        const quint16 port = peer->port();
        peer->closeAll();
        printer = std::make_unique<NetworkReceiptPrinter>(QStringLiteral("counter"),
                                                          QStringLiteral("127.0.0.1"), port, 58);
        printer->setTimeouts(smallTimeouts());
        printer->start();
        QTRY_COMPARE(printer->reason(), QStringLiteral("connect 127.0.0.1:%1: connection refused").arg(port));
        QCOMPARE(printer->status(), Status::Unavailable);
    }

    void stopFailsJobsInHand()
    {
        QVERIFY(startPrinter());
        peer->silentFrom = 1; // the job waits for an answer that does not come
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        printer->print(QStringLiteral("case-12"), receipt(QStringLiteral("x")));
        printer->stop();
        QCOMPARE(printer->status(), Status::Unavailable);
        QCOMPARE(printer->reason(), QStringLiteral("stopped"));
        QCOMPARE(failed.count(), 0);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("stopped"));
        QTest::qWait(100);
        QCOMPARE(failed.count(), 1); // exactly once
        QCOMPARE(printer->phase(), NetworkReceiptPrinter::Phase::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestPrinterTcp)
#include "tst_printer_tcp.moc"
