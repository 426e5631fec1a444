// UsbReceiptPrinter behind ReceiptJobQueue, through real libusb, against an emulated USB receipt printer
// (0416:5011 with its OUT endpoint on 0x03, found from the descriptors): a receipt prints and decodes to
// the expected text; paper runs out mid-job -> the job is kept -> paper back -> printed exactly once
// (with a REPRINT line, one cut on the paper); cover open before the job -> held -> printed without a
// REPRINT line; unplugged mid-job -> Unavailable, kept -> plugged back -> printed once.
#include "EscPosDecoder.h"
#include "EscPosEncoder.h"
#include "PrinterUsbModel.h"
#include "ReceiptJobQueue.h"
#include "ReceiptTemplate.h"
#include "StrictWarnings.h"
#include "UsbContext.h"
#include "UsbEmulator.h"
#include "UsbReceiptPrinter.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using Status = Device::Status;
using State = PrinterUsbModel::State;

namespace {
EmulatedUsbDeviceSpec posPrinter()
{
    EmulatedUsbDeviceSpec spec = EmulatedUsbDeviceSpec::bulkPair(0x0416, 0x5011, 0x03, 0x81, 64);
    spec.interfaces[0].interfaceClass = 0x07; // printer, bidirectional
    spec.interfaces[0].interfaceSubClass = 0x01;
    spec.interfaces[0].interfaceProtocol = 0x02;
    spec.manufacturer = QStringLiteral("Test");
    spec.product = QStringLiteral("POS-5890");
    return spec;
}

QByteArray receipt(const QString &caseId)
{
    QString error;
    const ReceiptTemplate t = ReceiptTemplate::load(QStringLiteral("test-receipt"), QStringLiteral("zh"), &error);
    const QHash<QString, QString> f{{QStringLiteral("center_name"), QStringLiteral("田林街道")},
                                    {QStringLiteral("printed_at"), QStringLiteral("2026-11-27 10:00")},
                                    {QStringLiteral("tracking_qr"), QStringLiteral("https://example.gov.cn/c/") + caseId},
                                    {QStringLiteral("barcode"), caseId},
                                    {QStringLiteral("test_line"), caseId}};
    const QByteArray bytes = t.render(f, ReceiptPaper::forColumns(32, ReceiptTemplate::builtInLogo()), &error);
    if (bytes.isEmpty())
        qWarning("receipt: %s", qPrintable(error));
    return bytes;
}

struct Paper
{
    QStringList text;
    int cuts = 0;
    int images = 0;
    QStringList barcodes;
};

Paper read(const QByteArray &bytes)
{
    Paper p;
    for (const EscPosElement &e : EscPosDecoder::decode(bytes)) {
        if (e.kind == EscPosElement::Kind::TextLine && !e.text.isEmpty())
            p.text.append(e.text);
        p.cuts += e.kind == EscPosElement::Kind::Cut;
        p.images += e.kind == EscPosElement::Kind::Image;
        if (e.kind == EscPosElement::Kind::Barcode)
            p.barcodes.append(QString::fromLatin1(e.data));
    }
    return p;
}
} // namespace

class TestPrinterUsb : public QObject
{
    Q_OBJECT

    std::unique_ptr<UsbEmulator> emulator;
    std::unique_ptr<PrinterUsbModel> model;
    std::unique_ptr<UsbContext> context;
    std::unique_ptr<UsbReceiptPrinter> usb;
    std::unique_ptr<ReceiptJobQueue> queue;
    QString key;

    void startPrinter()
    {
        UsbReceiptPrinterConfig config;
        config.vendorId = 0x0416;
        config.productId = 0x5011;
        config.paperWidthMm = 58;
        config.statusAnswerMs = 1000;
        config.statusPollMs = 100;
        config.reopenFirstMs = 100;
        config.reopenMaxMs = 400;
        usb = std::make_unique<UsbReceiptPrinter>(QStringLiteral("receipt"), context.get(), config);
        queue = std::make_unique<ReceiptJobQueue>(usb.get());
        queue->start();
        QTRY_COMPARE_WITH_TIMEOUT(queue->status(), Status::Ready, 5000);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QString why;
        QVERIFY2(UsbEmulator::isAvailable(&why), qPrintable(why));
    }

    void init()
    {
        emulator = std::make_unique<UsbEmulator>();
        model = std::make_unique<PrinterUsbModel>();
        QString error;
        key = emulator->addDevice(posPrinter(), model.get(), &error);
        QVERIFY2(!key.isEmpty(), qPrintable(error));
        context = std::make_unique<UsbContext>();
        QVERIFY2(context->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        queue.reset();
        usb.reset();
        context.reset();
        emulator.reset();
        model.reset();
    }

    void printsAndFindsTheEndpoints()
    {
        startPrinter();
        QCOMPARE(usb->outEndpoint(), quint8(0x03));
        QCOMPARE(usb->inEndpoint(), quint8(0x81));
        QVERIFY(emulator->isClaimed(key, 0));
        QSignalSpy done(queue.get(), &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue.get(), &ReceiptPrinter::jobFailed);
        const QByteArray bytes = receipt(QStringLiteral("C-0001"));
        QVERIFY(bytes.size() > UsbReceiptPrinterConfig::chunkBytes / 2);
        queue->print(QStringLiteral("C-0001"), bytes);
        QVERIFY(done.wait(10000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(model->paper(), bytes); // every byte, in order, once
        const Paper p = read(model->paper());
        QVERIFY2(p.text.contains(QStringLiteral("中文：社区事务受理服务中心")), qPrintable(p.text.join(QLatin1Char('|'))));
        QVERIFY(p.text.contains(QStringLiteral("C-0001")));
        QCOMPARE(p.barcodes, QStringList{QStringLiteral("{BC-0001")});
        QCOMPARE(p.images, 1);
        QCOMPARE(p.cuts, 1);
        QCOMPARE(usb->lastStatus().canPrint(), true);
    }

    void paperLowStillPrints()
    {
        model->setState(State::PaperNearEnd);
        startPrinter();
        QCOMPARE(queue->reason(), QStringLiteral("paper low"));
        QCOMPARE(queue->paper(), ReceiptPrinter::PaperState::NearEnd);
        QSignalSpy done(queue.get(), &ReceiptPrinter::jobCompleted);
        queue->print(QStringLiteral("a"), receipt(QStringLiteral("A")));
        QVERIFY(done.wait(10000));
    }

    void paperOutMidJobIsKeptAndPrintedOnce()
    {
        startPrinter();
        QSignalSpy done(queue.get(), &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy waiting(queue.get(), &ReceiptJobQueue::jobWaiting);
        model->setPaperOutAfter(200);
        queue->print(QStringLiteral("C-0002"), receipt(QStringLiteral("C-0002")));
        QVERIFY(waiting.wait(10000));
        QCOMPARE(waiting.first().at(1).toString(), QStringLiteral("paper out"));
        QTRY_COMPARE_WITH_TIMEOUT(queue->status(), Status::Unavailable, 5000);
        QCOMPARE(queue->reason(), QStringLiteral("paper out"));
        QCOMPARE(queue->paper(), ReceiptPrinter::PaperState::Out);
        QCOMPARE(queue->waitingJobs(), 1);
        QTest::qWait(300); // polls keep saying paper out: nothing is sent
        QCOMPARE(done.size() + failed.size(), 0);
        QCOMPARE(model->paper().size(), 200);

        model->setState(State::Ready); // paper loaded
        QVERIFY(done.wait(10000));
        QTest::qWait(300);
        QCOMPARE(done.size(), 1);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(read(model->paper()).cuts, 1); // one complete receipt on the paper
        // The reprint starts after the 200 bytes that made it before the paper ran out (decoded on its
        // own: the first part ends inside the logo's raster data).
        const Paper p = read(model->paper().mid(200));
        QCOMPARE(p.cuts, 1);
        QCOMPARE(p.text.value(0), QStringLiteral("*** 重打 / REPRINT ***"));
        QCOMPARE(p.text.count(QStringLiteral("C-0002")), 1);
    }

    void coverOpenHoldsTheJob()
    {
        model->setState(State::CoverOpen);
        startPrinterAllowingUnavailable();
        QSignalSpy done(queue.get(), &ReceiptPrinter::jobCompleted);
        QSignalSpy waiting(queue.get(), &ReceiptJobQueue::jobWaiting);
        queue->print(QStringLiteral("C-0003"), receipt(QStringLiteral("C-0003")));
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.first().at(1).toString(), QStringLiteral("cover open"));
        QTest::qWait(300);
        QCOMPARE(model->jobBytesReceived(), 0);
        model->setState(State::Ready);
        QVERIFY(done.wait(10000));
        const Paper p = read(model->paper());
        QCOMPARE(p.cuts, 1);
        QCOMPARE(p.text.count(QStringLiteral("*** 重打 / REPRINT ***")), 0);
    }

    void unplugMidJobKeepsTheJob()
    {
        startPrinter();
        QSignalSpy done(queue.get(), &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy waiting(queue.get(), &ReceiptJobQueue::jobWaiting);
        const QByteArray bytes = receipt(QStringLiteral("C-0004"));
        model->setSilentAfterJobData(true); // the job goes in, then the printer stops answering ...
        queue->print(QStringLiteral("C-0004"), bytes);
        QTRY_COMPARE_WITH_TIMEOUT(model->jobBytesReceived(), int(bytes.size()), 5000);
        emulator->removeDevice(key); // ... and is unplugged while the status after the job is pending
        QVERIFY(waiting.wait(5000));
        QVERIFY2(waiting.first().at(1).toString().contains(QStringLiteral("unplugged")),
                 qPrintable(waiting.first().at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(queue->status(), Status::Unavailable, 5000);
        QCOMPARE(done.size() + failed.size(), 0);

        auto replugged = std::make_unique<PrinterUsbModel>();
        QString error;
        key = emulator->addDevice(posPrinter(), replugged.get(), &error);
        QVERIFY2(!key.isEmpty(), qPrintable(error));
        QVERIFY(done.wait(10000));
        QTest::qWait(300);
        QCOMPARE(done.size(), 1);
        QCOMPARE(failed.size(), 0);
        const Paper p = read(replugged->paper());
        QCOMPARE(p.cuts, 1);
        QCOMPARE(p.text.count(QStringLiteral("*** 重打 / REPRINT ***")), 1); // it may have printed before
        queue.reset();
        usb.reset();
        context.reset();
        emulator.reset(); // before replugged goes away
    }

private:
    void startPrinterAllowingUnavailable()
    {
        UsbReceiptPrinterConfig config;
        config.vendorId = 0x0416;
        config.productId = 0x5011;
        config.paperWidthMm = 58;
        config.statusPollMs = 100;
        config.reopenFirstMs = 100;
        usb = std::make_unique<UsbReceiptPrinter>(QStringLiteral("receipt"), context.get(), config);
        queue = std::make_unique<ReceiptJobQueue>(usb.get());
        queue->start();
        QTRY_COMPARE_WITH_TIMEOUT(queue->status(), Status::Unavailable, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(queue->reason(), QStringLiteral("cover open"), 5000);
    }
};

QTEST_MAIN(TestPrinterUsb)
#include "tst_printer_usb.moc"
