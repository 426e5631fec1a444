// UsbContext + UsbBulkDevice through real libusb against the umockdev usbfs emulator.
#include "LoopbackUsbModel.h"
#include "StrictWarnings.h"
#include "UsbBulkDevice.h"
#include "UsbContext.h"
#include "UsbEmulator.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
EmulatedUsbDeviceSpec loopbackSpec()
{
    EmulatedUsbDeviceSpec spec = EmulatedUsbDeviceSpec::bulkPair(0x0400, 0xc35a, 0x02, 0x81, 64);
    spec.manufacturer = QStringLiteral("Test Vendor");
    spec.product = QStringLiteral("Loopback Reader");
    spec.serialNumber = QStringLiteral("SN0001");
    return spec;
}

UsbDeviceInfo findDevice(const UsbContext &context, const QString &key)
{
    for (const UsbDeviceInfo &device : context.devices()) {
        if (device.key() == key)
            return device;
    }
    return UsbDeviceInfo();
}

// Waits for the transfer `id` and returns its result (Error with a text if it never came).
UsbTransferResult waitFor(UsbBulkDevice &device, quint64 id, int timeoutMs = 5000)
{
    QSignalSpy spy(&device, &UsbBulkDevice::transferFinished);
    QDeadlineTimer deadline(timeoutMs);
    int seen = 0;
    while (!deadline.hasExpired()) {
        for (; seen < spy.size(); ++seen) {
            if (spy.at(seen).at(0).toULongLong() == id)
                return spy.at(seen).at(1).value<UsbTransferResult>();
        }
        spy.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    for (; seen < spy.size(); ++seen) {
        if (spy.at(seen).at(0).toULongLong() == id)
            return spy.at(seen).at(1).value<UsbTransferResult>();
    }
    UsbTransferResult missing;
    missing.errorText = QStringLiteral("no transferFinished for id %1").arg(id);
    return missing;
}
} // namespace

class TestUsbCore : public QObject
{
    Q_OBJECT

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
        model = std::make_unique<LoopbackUsbModel>();
        QString error;
        key = emulator->addDevice(loopbackSpec(), model.get(), &error);
        QVERIFY2(!key.isEmpty(), qPrintable(error));
        context = std::make_unique<UsbContext>();
        QVERIFY2(context->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        context.reset(); // stops: closes open devices, joins the event thread
        emulator.reset();
        model.reset();
    }

    void enumeratesWithStrings()
    {
        const UsbDeviceInfo device = findDevice(*context, key);
        QVERIFY2(device.isValid(), qPrintable(QStringLiteral("device %1 not enumerated").arg(key)));
        QCOMPARE(device.vidPid(), QStringLiteral("0400:c35a"));
        QCOMPARE(device.product, QStringLiteral("Loopback Reader"));
        QCOMPARE(device.manufacturer, QStringLiteral("Test Vendor"));
        QCOMPARE(device.serialNumber, QStringLiteral("SN0001"));
        QCOMPARE(device.interfaceClasses, QList<quint8>{0xff});
        QString why;
        QVERIFY2(UsbContext::canOpen(device, &why), qPrintable(why));
    }

    void openClaimsAndCloseReleases()
    {
        UsbBulkDevice device(context.get());
        QString error;
        QVERIFY2(device.open(findDevice(*context, key), 0, &error), qPrintable(error));
        QVERIFY(emulator->isClaimed(key, 0));
        const QList<UsbEndpointInfo> endpoints = device.endpoints(0, &error);
        QCOMPARE(endpoints.size(), 2);
        QCOMPARE(endpoints[0].address, quint8(0x02));
        QCOMPARE(endpoints[1].address, quint8(0x81));
        QVERIFY(endpoints[1].isIn());
        QCOMPARE(endpoints[1].type, UsbEndpointInfo::Type::Bulk);
        QCOMPARE(endpoints[1].maxPacketSize, 64);
        device.close();
        QVERIFY(!device.isOpen());
        QVERIFY(!emulator->isClaimed(key, 0));
    }

    void openFailuresSayWhatFailed()
    {
        UsbBulkDevice device(context.get());
        QString error;
        QVERIFY(!device.open(findDevice(*context, key), 5, &error));
        QVERIFY2(error.contains(QStringLiteral("claim interface 5")), qPrintable(error));
        QVERIFY(!device.isOpen());

        UsbDeviceInfo absent;
        absent.busNumber = 3;
        absent.deviceAddress = 77;
        QVERIFY(!device.open(absent, 0, &error));
        QVERIFY2(error.contains(QStringLiteral("no such device")), qPrintable(error));
    }

    void writeThenReadBack()
    {
        UsbBulkDevice device(context.get());
        QString error;
        QVERIFY2(device.open(findDevice(*context, key), 0, &error), qPrintable(error));
        const UsbTransferResult written =
            waitFor(device, device.write(0x02, QByteArrayLiteral("hello"), 2000));
        QVERIFY2(written.ok(), qPrintable(written.errorText));
        QCOMPARE(written.actualLength, 5);
        QCOMPARE(model->written(), QByteArrayLiteral("hello"));
        const UsbTransferResult read = waitFor(device, device.read(0x81, 64, 2000));
        QVERIFY2(read.ok(), qPrintable(read.errorText));
        QCOMPARE(read.data, QByteArrayLiteral("hello"));
    }

    void multiPacketAnswer()
    {
        UsbBulkDevice device(context.get());
        QString error;
        QVERIFY2(device.open(findDevice(*context, key), 0, &error), qPrintable(error));
        QByteArray answer(1295, '\0');
        for (int i = 0; i < answer.size(); ++i)
            answer[i] = char(i * 7 + 3);
        // One big read takes the whole answer (multi-packet, ends short).
        model->pushIn(answer);
        const UsbTransferResult big = waitFor(device, device.read(0x81, 2048, 2000));
        QVERIFY2(big.ok(), qPrintable(big.errorText));
        QCOMPARE(big.data, answer);
        // 64-byte reads: 21 packets, the last one 15 bytes.
        model->pushIn(answer);
        QByteArray collected;
        int reads = 0;
        while (collected.size() < answer.size() && reads < 40) {
            const UsbTransferResult chunk = waitFor(device, device.read(0x81, 64, 2000));
            QVERIFY2(chunk.ok(), qPrintable(chunk.errorText));
            QVERIFY(chunk.data.size() <= 64);
            collected += chunk.data;
            ++reads;
        }
        QCOMPARE(reads, 21);
        QCOMPARE(collected, answer);
    }

    void readTimesOut()
    {
        UsbBulkDevice device(context.get());
        QString error;
        QVERIFY2(device.open(findDevice(*context, key), 0, &error), qPrintable(error));
        const UsbTransferResult result = waitFor(device, device.read(0x81, 64, 300));
        QCOMPARE(result.status, UsbTransferResult::TimedOut);
        QVERIFY2(
            result.errorText.contains(QStringLiteral("read 0x81 on %1: timed out after 300 ms").arg(key)),
            qPrintable(result.errorText));
        QCOMPARE(device.pendingCount(), 0);
    }

    void cancelPendingRead()
    {
        UsbBulkDevice device(context.get());
        QString error;
        QVERIFY2(device.open(findDevice(*context, key), 0, &error), qPrintable(error));
        const quint64 id = device.read(0x81, 64, 20000);
        QTRY_COMPARE(emulator->urbsInFlight(key), 1);
        QVERIFY(device.cancel(id));
        const UsbTransferResult result = waitFor(device, id);
        QCOMPARE(result.status, UsbTransferResult::Cancelled);
        QVERIFY(!device.cancel(id));
        // The device still works after a cancel.
        model->pushIn(QByteArrayLiteral("after"));
        const UsbTransferResult next = waitFor(device, device.read(0x81, 64, 2000));
        QVERIFY2(next.ok(), qPrintable(next.errorText));
        QCOMPARE(next.data, QByteArrayLiteral("after"));
    }

    void stallAndClearHalt()
    {
        UsbBulkDevice device(context.get());
        QString error;
        QVERIFY2(device.open(findDevice(*context, key), 0, &error), qPrintable(error));
        emulator->setStalled(key, 0x81, true);
        const UsbTransferResult stalled = waitFor(device, device.read(0x81, 64, 2000));
        QCOMPARE(stalled.status, UsbTransferResult::Stall);
        QVERIFY2(device.clearHalt(0x81, &error), qPrintable(error));
        model->pushIn(QByteArrayLiteral("ok"));
        const UsbTransferResult next = waitFor(device, device.read(0x81, 64, 2000));
        QVERIFY2(next.ok(), qPrintable(next.errorText));
    }

    void unplugWhileReading()
    {
        QSignalSpy left(context.get(), &UsbContext::deviceLeft);
        UsbBulkDevice device(context.get());
        QSignalSpy disconnected(&device, &UsbBulkDevice::disconnected);
        QString error;
        QVERIFY2(device.open(findDevice(*context, key), 0, &error), qPrintable(error));
        const quint64 id = device.read(0x81, 64, 20000);
        QTRY_COMPARE(emulator->urbsInFlight(key), 1);
        emulator->removeDevice(key);
        const UsbTransferResult result = waitFor(device, id, 2000);
        QCOMPARE(result.status, UsbTransferResult::NoDevice);
        QVERIFY(device.isGone());
        QVERIFY(disconnected.size() == 1 || disconnected.wait(2000));
        QVERIFY2(context->hasHotplug(), "Debian's libusb has hotplug on Linux: the kiosk relies on it");
        QVERIFY(left.size() == 1 || left.wait(2000));
        QCOMPARE(left.at(0).at(0).value<UsbDeviceInfo>().key(), key);
        QCOMPARE(left.at(0).at(0).value<UsbDeviceInfo>().product, QStringLiteral("Loopback Reader"));
        // Further transfers fail at once, with a reason.
        const UsbTransferResult after = waitFor(device, device.write(0x02, QByteArrayLiteral("x"), 1000));
        QCOMPARE(after.status, UsbTransferResult::NoDevice);
        device.close();
        QVERIFY(!device.isOpen());
    }

    void plugInArrives()
    {
        QVERIFY2(context->hasHotplug(), "Debian's libusb has hotplug on Linux: the kiosk relies on it");
        QSignalSpy arrived(context.get(), &UsbContext::deviceArrived);
        EmulatedUsbDeviceSpec spec = EmulatedUsbDeviceSpec::bulkPair(0x0416, 0x5011, 0x03, 0x81);
        spec.product = QStringLiteral("POS58 Printer");
        spec.interfaces[0].interfaceClass = 0x07;
        LoopbackUsbModel printer;
        QString error;
        const QString printerKey = emulator->addDevice(spec, &printer, &error);
        QVERIFY2(!printerKey.isEmpty(), qPrintable(error));
        QVERIFY(arrived.wait(2000));
        const UsbDeviceInfo info = arrived.at(0).at(0).value<UsbDeviceInfo>();
        QCOMPARE(info.key(), printerKey);
        QCOMPARE(info.vidPid(), QStringLiteral("0416:5011"));
        QCOMPARE(info.product, QStringLiteral("POS58 Printer"));
        QCOMPARE(info.interfaceClasses, QList<quint8>{0x07});
        QVERIFY(findDevice(*context, printerKey).isValid());
        // And it can be used at once.
        UsbBulkDevice device(context.get());
        QVERIFY2(device.open(info, 0, &error), qPrintable(error));
        const UsbTransferResult written =
            waitFor(device, device.write(0x03, QByteArrayLiteral("\x1b@"), 2000));
        QVERIFY2(written.ok(), qPrintable(written.errorText));
        device.close();
        emulator->removeDevice(printerKey);
    }

    void stopClosesOpenDevicesAndCancels()
    {
        auto device = std::make_unique<UsbBulkDevice>(context.get());
        QSignalSpy finished(device.get(), &UsbBulkDevice::transferFinished);
        QString error;
        QVERIFY2(device->open(findDevice(*context, key), 0, &error), qPrintable(error));
        device->read(0x81, 64, 20000);
        QTRY_COMPARE(emulator->urbsInFlight(key), 1);
        context->stop();
        QVERIFY(!context->isRunning());
        QVERIFY(!device->isOpen());
        QVERIFY(!emulator->isClaimed(key, 0));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(1).value<UsbTransferResult>().status, UsbTransferResult::Cancelled);
        // Using a device of a stopped context is an error, not a crash.
        QVERIFY(!device->open(findDevice(*context, key), 0, &error));
        QVERIFY2(error.contains(QStringLiteral("not started")), qPrintable(error));
    }

private:
    std::unique_ptr<UsbEmulator> emulator;
    std::unique_ptr<LoopbackUsbModel> model;
    std::unique_ptr<UsbContext> context;
    QString key;
};

QTEST_GUILESS_MAIN(TestUsbCore)
#include "tst_usb_core.moc"
