#include "StrictWarnings.h"
#include "UsbDeviceTable.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestUsbTable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void shippedTableLoads()
    {
        QStringList errors;
        const auto table = UsbDeviceTable::load(
            sourcePath(QStringLiteral("kiosk-config/devices/usb-devices.json")), &errors);
        QVERIFY2(table, qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(errors.isEmpty());
        QVERIFY(table->entries().size() >= 9);

        const auto sam = table->find(0x0400, 0xc35a);
        QVERIFY(sam);
        QCOMPARE(sam->driver, QStringLiteral("sam-usb"));
        QCOMPARE(sam->transport, QStringLiteral("usb-bulk"));
        QCOMPARE(sam->interfaceNumber, 0);
        QCOMPARE(sam->endpointAddress(QStringLiteral("out_header")), std::optional<quint8>(0x02));
        QCOMPARE(sam->endpointAddress(QStringLiteral("out_body")), std::optional<quint8>(0x06));
        QCOMPARE(sam->endpointAddress(QStringLiteral("in_header")), std::optional<quint8>(0x81));
        QCOMPARE(sam->endpointAddress(QStringLiteral("in_body")), std::optional<quint8>(0x85));

        const auto printer = table->find(0x0416, 0x5011);
        QVERIFY(printer);
        QCOMPARE(printer->kind, QStringLiteral("receipt_printer"));
        QCOMPARE(printer->endpoints.value(QStringLiteral("out")), QStringLiteral("descriptors"));
        QCOMPARE(printer->endpointAddress(QStringLiteral("out")), std::nullopt);
        QCOMPARE(printer->endpointAddress(QStringLiteral("in")), std::optional<quint8>(0x81));

        const auto ch340 = table->findAll(0x1a86, 0x7523);
        QCOMPARE(ch340.size(), 1);
        QCOMPARE(ch340.at(0).driver, QStringLiteral("sam-serial"));
        QCOMPARE(ch340.at(0).interfaceNumber, -1);
        QVERIFY(!table->find(0x1234, 0x5678));
    }

    void errorsNamePlace_data()
    {
        QTest::addColumn<QByteArray>("device");
        QTest::addColumn<QString>("expected");
        const QByteArray ok = R"("kind":"idcard","driver":"sam-serial","transport":"serial")";
        QTest::newRow("short vid") << QByteArray(R"({"vid":"400","pid":"c35a",)" + ok + "}")
                                   << QStringLiteral(
                                          "t.json: /devices/0/vid: expected 4 lower-case hex digits");
        QTest::newRow("missing pid") << QByteArray(R"({"vid":"0400",)" + ok + "}")
                                     << QStringLiteral("t.json: /devices/0: missing \"pid\"");
        QTest::newRow("unknown kind")
            << QByteArray(
                   R"({"vid":"0400","pid":"c35a","kind":"modem","driver":"sam-serial","transport":"serial"})")
            << QStringLiteral("t.json: /devices/0/kind: expected one of idcard, receipt_printer");
        QTest::newRow("unknown key") << QByteArray(R"({"vid":"0400","pid":"c35a","colour":"red",)" + ok + "}")
                                     << QStringLiteral("t.json: /devices/0/colour: unknown key");
        QTest::newRow("bulk without endpoints")
            << QByteArray(
                   R"({"vid":"0400","pid":"c35a","kind":"idcard","driver":"sam-usb","transport":"usb-bulk","interface":0})")
            << QStringLiteral("t.json: /devices/0: missing \"endpoints\"");
        QTest::newRow("in without bit 7")
            << QByteArray(
                   R"({"vid":"0400","pid":"c35a","kind":"idcard","driver":"sam-usb","transport":"usb-bulk","interface":0,"endpoints":{"in":"0x01"}})")
            << QStringLiteral("t.json: /devices/0/endpoints/in: an IN endpoint needs bit 7 set");
        QTest::newRow("bad endpoint")
            << QByteArray(
                   R"({"vid":"0400","pid":"c35a","kind":"idcard","driver":"sam-usb","transport":"usb-bulk","interface":0,"endpoints":{"out":"2"}})")
            << QStringLiteral("t.json: /devices/0/endpoints/out: expected \"0xNN\" or \"descriptors\"");
        QTest::newRow("endpoints on serial")
            << QByteArray(R"({"vid":"0400","pid":"c35a","endpoints":{"out":"0x02"},)" + ok + "}")
            << QStringLiteral("t.json: /devices/0/endpoints: only usb-bulk devices have endpoints");
        QTest::newRow("twice") << QByteArray(R"({"vid":"0400","pid":"c35a",)" + ok +
                                             R"(},{"vid":"0400","pid":"c35a",)" + ok + "}")
                               << QStringLiteral(
                                      "t.json: /devices/1: 0400:c35a is listed twice for driver sam-serial");
    }

    void errorsNamePlace()
    {
        QFETCH(QByteArray, device);
        QFETCH(QString, expected);
        QStringList errors;
        const auto table =
            UsbDeviceTable::parse(R"({"devices":[)" + device + "]}", QStringLiteral("t.json"), &errors);
        QVERIFY(!table);
        QVERIFY2(!errors.isEmpty() && errors.join(QLatin1Char('\n')).contains(expected),
                 qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void syntaxErrorAndMissingFile()
    {
        QStringList errors;
        QVERIFY(!UsbDeviceTable::parse("{\"devices\": [", QStringLiteral("t.json"), &errors));
        QVERIFY2(errors.value(0).startsWith(QStringLiteral("t.json: offset ")), qPrintable(errors.value(0)));
        errors.clear();
        QVERIFY(!UsbDeviceTable::load(QStringLiteral("/nonexistent/usb-devices.json"), &errors));
        QVERIFY2(errors.value(0).startsWith(QStringLiteral("/nonexistent/usb-devices.json: /: cannot read")),
                 qPrintable(errors.value(0)));
    }

    // The committed rules are what the generator makes from the committed table.
    void udevRulesDoNotDrift()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QVERIFY2(!python.isEmpty(), "python3 not found");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(QStringLiteral("60-onestop-kiosk.rules"));
        const QString committed = sourcePath(QStringLiteral("packaging/udev/60-onestop-kiosk.rules"));
        QProcess generator;
        generator.start(python, {sourcePath(QStringLiteral("packaging/udev/generate-udev-rules")),
                                 QStringLiteral("--table"),
                                 sourcePath(QStringLiteral("kiosk-config/devices/usb-devices.json")),
                                 QStringLiteral("--output"), fresh});
        QVERIFY(generator.waitForFinished(30000));
        QVERIFY2(generator.exitCode() == 0, generator.readAllStandardError().constData());
        QFile a(committed), b(fresh);
        QVERIFY2(a.open(QIODevice::ReadOnly), qPrintable(committed + QStringLiteral(": ") + a.errorString()));
        QVERIFY(b.open(QIODevice::ReadOnly));
        const QByteArray expected = b.readAll();
        const QByteArray actual = a.readAll();
        if (actual != expected) {
            QProcess diff;
            diff.start(QStringLiteral("diff"), {QStringLiteral("-u"), committed, fresh});
            diff.waitForFinished(10000);
            QFAIL(qPrintable(
                QStringLiteral("%1 drifted from the table; run packaging/udev/generate-udev-rules\n%2")
                    .arg(committed, QString::fromUtf8(diff.readAllStandardOutput()))));
        }
        // And every table entry has its rule (the generator and the C++ loader read the same file).
        QStringList errors;
        const auto table = UsbDeviceTable::load(
            sourcePath(QStringLiteral("kiosk-config/devices/usb-devices.json")), &errors);
        QVERIFY(table);
        for (const UsbDeviceEntry &entry : table->entries()) {
            const QByteArray match =
                QStringLiteral("{idVendor}==\"%1\", ATTR%2{idProduct}==\"%3\"")
                    .arg(entry.vidPid().left(4),
                         entry.transport == QLatin1String("usb-bulk") ? QString() : QStringLiteral("S"),
                         entry.vidPid().mid(5))
                    .toUtf8();
            QVERIFY2(actual.contains(match), qPrintable(entry.vidPid() + QStringLiteral(" has no rule")));
        }
    }
};

QTEST_GUILESS_MAIN(TestUsbTable)
#include "tst_usb_table.moc"
