// The built `kioskctl devices` against emulated USB devices: one the table knows, one it does not.
#include "LoopbackUsbModel.h"
#include "StrictWarnings.h"
#include "UsbEmulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestKioskctlDevices : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QString why;
        QVERIFY2(UsbEmulator::isAvailable(&why), qPrintable(why));
        QString error;
        EmulatedUsbDeviceSpec reader = EmulatedUsbDeviceSpec::bulkPair(0x0400, 0xc35a);
        reader.product = QStringLiteral("SAM Reader");
        readerKey = emulator.addDevice(reader, &model, &error);
        QVERIFY2(!readerKey.isEmpty(), qPrintable(error));
        EmulatedUsbDeviceSpec unknown = EmulatedUsbDeviceSpec::bulkPair(0x1234, 0x5678);
        unknown.product = QStringLiteral("Mystery Gadget");
        unknownKey = emulator.addDevice(unknown, &model, &error);
        QVERIFY2(!unknownKey.isEmpty(), qPrintable(error));
    }

    void jsonNamesDrivers()
    {
        const QByteArray out = run({QStringLiteral("devices"), QStringLiteral("--json")}, 0);
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(out, &parseError);
        QVERIFY2(doc.isObject(),
                 qPrintable(parseError.errorString() + QLatin1Char('\n') + QString::fromUtf8(out)));
        QVERIFY(doc.object().value(QStringLiteral("table_ok")).toBool());
        const QJsonArray devices = doc.object().value(QStringLiteral("devices")).toArray();
        QCOMPARE(devices.size(), 2);
        QJsonObject reader, unknown;
        for (const QJsonValue &v : devices) {
            if (v.toObject().value(QStringLiteral("key")).toString() == readerKey)
                reader = v.toObject();
            if (v.toObject().value(QStringLiteral("key")).toString() == unknownKey)
                unknown = v.toObject();
        }
        QCOMPARE(reader.value(QStringLiteral("vid")).toString(), QStringLiteral("0400"));
        QCOMPARE(reader.value(QStringLiteral("product")).toString(), QStringLiteral("SAM Reader"));
        const QJsonArray drivers = reader.value(QStringLiteral("drivers")).toArray();
        QCOMPARE(drivers.size(), 1);
        QCOMPARE(drivers.at(0).toObject().value(QStringLiteral("driver")).toString(),
                 QStringLiteral("sam-usb"));
        QCOMPARE(drivers.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("idcard"));
        QVERIFY(reader.value(QStringLiteral("can_open")).isBool());
        QCOMPARE(unknown.value(QStringLiteral("pid")).toString(), QStringLiteral("5678"));
        QVERIFY(unknown.value(QStringLiteral("drivers")).toArray().isEmpty());
        QCOMPARE(unknown.value(QStringLiteral("interface_classes")).toArray(), QJsonArray{255});
    }

    void textSaysNoDriver()
    {
        const QString out = QString::fromUtf8(run({QStringLiteral("devices")}, 0));
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.filter(readerKey).value(0).contains(QStringLiteral("idcard sam-usb (usb-bulk)")),
                 qPrintable(out));
        QVERIFY2(lines.filter(unknownKey).value(0).contains(QStringLiteral("no driver")), qPrintable(out));
        QVERIFY2(lines.filter(unknownKey).value(0).contains(QStringLiteral("1234:5678")), qPrintable(out));
    }

    void brokenTableIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"devices":[{"vid":"0400"}]})");
        file.close();
        QProcess p;
        p.start(QStringLiteral(KIOSKCTL_PATH), {QStringLiteral("devices"), QStringLiteral("--table"), path});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(path + QStringLiteral(": /devices/0: missing \"pid\"")), qPrintable(err));
        // The devices are still listed, as having no driver.
        QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("no driver")));
    }

private:
    QByteArray run(const QStringList &arguments, int expectedExit)
    {
        QProcess p;
        p.start(QStringLiteral(KIOSKCTL_PATH), arguments);
        if (!p.waitForFinished(30000))
            return QByteArray("kioskctl did not finish");
        const QByteArray err = p.readAllStandardError();
        if (p.exitCode() != expectedExit)
            qInfo("kioskctl exit %d, stderr: %s", p.exitCode(), err.constData());
        return p.exitCode() == expectedExit ? p.readAllStandardOutput() : QByteArray("unexpected exit code");
    }

    UsbEmulator emulator;
    LoopbackUsbModel model;
    QString readerKey;
    QString unknownKey;
};

QTEST_GUILESS_MAIN(TestKioskctlDevices)
#include "tst_kioskctl_devices.moc"
