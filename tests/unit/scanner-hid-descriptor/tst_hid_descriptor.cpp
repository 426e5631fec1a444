// HID report descriptors: which application collections a device has, and which hidraw nodes are HID POS
// scanners. Descriptors are written out item by item (USB HID 1.11 §6.2.2) so each test says what it holds.
#include "hidraw/HidReportDescriptor.h"
#include "hidraw/HidrawDiscovery.h"

#include "StrictWarnings.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace HidDescriptor;

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text).replace(' ', ""));
}

// A HID POS scanner as Honeywell / Zebra describe it: usage page 0x8C, usage 0x02 (bar code scanner),
// application collection, input report 0x02 of 63 bytes with a scanned-data-report logical collection.
const char *const kScanner = "05 8C 09 02 A1 01"     // Usage Page (Bar Code Scanner), Usage (0x02), App
                             " 85 02 09 12 A1 02"    // Report ID 2, Usage (Scanned Data Report), Logical
                             " 15 00 26 FF 00 75 08" // Logical Min 0, Logical Max 255 (2 bytes), Size 8
                             " 95 3F 09 FE 81 02"    // Count 63, Usage (Decoded Data), Input
                             " C0 C0";               // End Collection x2
// A boot keyboard: Generic Desktop / Keyboard.
const char *const kKeyboard = "05 01 09 06 A1 01 05 07 19 E0 29 E7 15 00 25 01 75 01 95 08 81 02 C0";
} // namespace

class TestHidDescriptor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void scannerCollections()
    {
        const ParseResult r = parse(hex(kScanner));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.collections.size(), 2);
        QCOMPARE(r.collections[0].usagePage, quint16(0x8C));
        QCOMPARE(r.collections[0].usage, quint16(0x02));
        QCOMPARE(r.collections[0].type, 0x01);
        QCOMPARE(r.collections[0].depth, 0);
        QCOMPARE(r.collections[1].usage, quint16(0x12));
        QCOMPARE(r.collections[1].type, 0x02);
        QCOMPARE(r.collections[1].depth, 1);
    }

    void detection_data()
    {
        QTest::addColumn<QByteArray>("descriptor");
        QTest::addColumn<bool>("scanner");
        QTest::newRow("HID POS scanner") << hex(kScanner) << true;
        QTest::newRow("keyboard") << hex(kKeyboard) << false;
        QTest::newRow("keyboard then scanner") << hex(kKeyboard) + hex(kScanner) << true;
        // 32-bit usage 0x008C0002 under the Generic Desktop page: the page comes from the usage itself.
        QTest::newRow("extended usage") << hex("05 01 0B 02 00 8C 00 A1 01 C0") << true;
        // A short usage takes the page in effect at the main item.
        QTest::newRow("page after usage") << hex("09 02 05 8C A1 01 C0") << true;
        QTest::newRow("push/pop restores page") << hex("05 8C A4 05 01 B4 09 02 A1 01 C0") << true;
        QTest::newRow("pushed page used") << hex("05 8C A4 05 01 09 02 A1 01 C0 B4") << false;
        QTest::newRow("physical, not application") << hex("05 8C 09 02 A1 00 C0") << false;
        QTest::newRow("nested, not top-level app")
            << hex("05 01 09 06 A1 01 05 8C 09 02 A1 02 C0 C0") << false;
        // Local state ends with every main item: the usage before Input does not name the collection.
        QTest::newRow("usage cleared by main item") << hex("05 8C 09 02 81 02 A1 01 C0") << false;
        QTest::newRow("long item skipped") << hex("FE 02 10 AA BB") + hex(kScanner) << true;
        QTest::newRow("4-byte data item") << hex("27 FF FF 00 00") + hex(kScanner) << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("truncated") << hex("05 8C 09 02 A1") << false;
        QTest::newRow("unbalanced") << hex("05 8C 09 02 A1 01") << false;
    }

    void detection()
    {
        QFETCH(QByteArray, descriptor);
        QFETCH(bool, scanner);
        QCOMPARE(isHidPosScanner(descriptor), scanner);
    }

    void errorsSayWhere_data()
    {
        QTest::addColumn<QByteArray>("descriptor");
        QTest::addColumn<QString>("error");
        QTest::newRow("item past end")
            << hex("05 8C 26 FF")
            << QStringLiteral("item 0x26 at offset 2 runs past the end (needs 3 bytes, 2 left)");
        QTest::newRow("long item past end")
            << hex("FE 05 10 AA")
            << QStringLiteral("long item at offset 0 runs past the end (needs 8 bytes, 4 left)");
        QTest::newRow("open collection")
            << hex("05 8C 09 02 A1 01") << QStringLiteral("descriptor ends inside 1 open collection(s)");
        QTest::newRow("end without collection")
            << hex("C0") << QStringLiteral("End Collection without a collection at offset 0");
        QTest::newRow("pop without push")
            << hex("05 8C B4") << QStringLiteral("Pop without Push at offset 2");
    }

    void errorsSayWhere()
    {
        QFETCH(QByteArray, descriptor);
        QFETCH(QString, error);
        QCOMPARE(parse(descriptor).error, error);
    }

    void garbageNeverCrashes()
    {
        QRandomGenerator random(20261127);
        for (int i = 0; i < 5000; ++i) {
            QByteArray bytes(int(random.bounded(200)), Qt::Uninitialized);
            for (char &b : bytes)
                b = char(random.bounded(256));
            const ParseResult r = parse(bytes);
            for (const Collection &c : r.collections)
                QVERIFY(c.depth >= 0 && c.depth < 64);
        }
        // Deep nesting is refused, not followed.
        QVERIFY(!parse(QByteArray(1000, char(0xA1)).append(QByteArray(1000, char(0x01)))).ok());
        QByteArray deep;
        for (int i = 0; i < 100; ++i)
            deep += hex("A1 01");
        QVERIFY(parse(deep).error.startsWith(QStringLiteral("collections nested deeper than 64")));
    }

    // Discovery reads <class dir>/hidrawN/device/report_descriptor, as sysfs lays it out.
    void discoveryPicksScannersOnly()
    {
        QTemporaryDir sys;
        QVERIFY(sys.isValid());
        auto addNode = [&](const QString &name, const QByteArray &descriptor) {
            QVERIFY(QDir(sys.path()).mkpath(name + QStringLiteral("/device")));
            QFile f(sys.path() + QLatin1Char('/') + name + QStringLiteral("/device/report_descriptor"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(descriptor);
        };
        addNode(QStringLiteral("hidraw0"), hex(kKeyboard));
        addNode(QStringLiteral("hidraw1"), hex(kScanner));
        addNode(QStringLiteral("hidraw2"), hex("05 8C 09 02 A1")); // damaged: not a scanner
        addNode(QStringLiteral("hidraw3"), hex(kScanner));

        const QList<HidrawDiscovery::HidrawNode> nodes =
            HidrawDiscovery::listNodes(sys.path(), QStringLiteral("/dev"));
        QCOMPARE(nodes.size(), 4);
        QCOMPARE(nodes[1].descriptor, hex(kScanner));
        QCOMPARE(HidrawDiscovery::findHidPosScanners(sys.path(), QStringLiteral("/dev")),
                 (QStringList{QStringLiteral("/dev/hidraw1"), QStringLiteral("/dev/hidraw3")}));
        QVERIFY(HidrawDiscovery::findHidPosScanners(sys.path() + QStringLiteral("/missing")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHidDescriptor)
#include "tst_hid_descriptor.moc"
