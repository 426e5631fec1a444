// Keyboard wedge: the key→character map (US layout, Shift-aware) and the scan state machine (suffix,
// rejection of unmapped keys, bound). Events are written with linux/input-event-codes.h names.
#include "evdev/WedgeDecoder.h"

#include "StrictWarnings.h"

#include <QTest>

#include <linux/input-event-codes.h>

using namespace Wedge;

namespace {
struct Event
{
    int type, code, value;
};

// The key presses a US keyboard (or a scanner in wedge mode) sends for `text`: Shift down/up around
// shifted characters, each key pressed and released, EV_SYN after each. Fails the test for characters a
// US layout cannot type.
QList<Event> typeText(const QByteArray &text)
{
    QList<Event> events;
    for (char ch : text) {
        int code = -1;
        bool shift = false;
        for (int c = 0; c < KEY_MAX && code < 0; ++c) {
            if (c >= KEY_KP7 && c <= KEY_KPDOT)
                continue; // prefer the main block, like a scanner does
            if (usKeyToAscii(c, false) == ch) {
                code = c;
            } else if (usKeyToAscii(c, true) == ch) {
                code = c;
                shift = true;
            }
        }
        if (code < 0)
            qFatal("test cannot type %c", ch);
        if (shift)
            events << Event{EV_KEY, KEY_LEFTSHIFT, 1} << Event{EV_SYN, SYN_REPORT, 0};
        events << Event{EV_MSC, MSC_SCAN, 0x70004} << Event{EV_KEY, code, 1} << Event{EV_SYN, SYN_REPORT, 0};
        events << Event{EV_KEY, code, 0} << Event{EV_SYN, SYN_REPORT, 0};
        if (shift)
            events << Event{EV_KEY, KEY_LEFTSHIFT, 0} << Event{EV_SYN, SYN_REPORT, 0};
    }
    return events;
}

QList<Event> press(int code)
{
    return {{EV_KEY, code, 1}, {EV_SYN, SYN_REPORT, 0}, {EV_KEY, code, 0}, {EV_SYN, SYN_REPORT, 0}};
}

// Feeds events; results as text, errors as "!" + error.
QStringList run(WedgeDecoder &decoder, const QList<Event> &events)
{
    QStringList out;
    for (const Event &e : events) {
        if (const auto r = decoder.feed(e.type, e.code, e.value)) {
            if (!r->complete)
                qFatal("incomplete result");
            out << (r->error.isEmpty() ? r->text : QStringLiteral("!") + r->error);
        }
    }
    return out;
}
} // namespace

class TestWedgeDecoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void keyMap_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("shift");
        QTest::addColumn<QString>("expected"); // empty: no character
        QTest::newRow("a") << KEY_A << false << "a";
        QTest::newRow("A") << KEY_A << true << "A";
        QTest::newRow("1") << KEY_1 << false << "1";
        QTest::newRow("!") << KEY_1 << true << "!";
        QTest::newRow("@") << KEY_2 << true << "@";
        QTest::newRow("/") << KEY_SLASH << false << "/";
        QTest::newRow("?") << KEY_SLASH << true << "?";
        QTest::newRow(":") << KEY_SEMICOLON << true << ":";
        QTest::newRow("\"") << KEY_APOSTROPHE << true << "\"";
        QTest::newRow("~") << KEY_GRAVE << true << "~";
        QTest::newRow("|") << KEY_BACKSLASH << true << "|";
        QTest::newRow("space") << KEY_SPACE << false << " ";
        QTest::newRow("keypad 5") << KEY_KP5 << false << "5";
        QTest::newRow("keypad 5 shift") << KEY_KP5 << true << "5";
        QTest::newRow("Enter") << KEY_ENTER << false << "";
        QTest::newRow("Ctrl") << KEY_LEFTCTRL << false << "";
        QTest::newRow("Shift") << KEY_LEFTSHIFT << false << "";
        QTest::newRow("F1") << KEY_F1 << false << "";
        QTest::newRow("out of range") << 100000 << false << "";
        QTest::newRow("negative") << -1 << false << "";
    }

    void keyMap()
    {
        QFETCH(int, code);
        QFETCH(bool, shift);
        QFETCH(QString, expected);
        const std::optional<char> got = usKeyToAscii(code, shift);
        QCOMPARE(got ? QString(QLatin1Char(*got)) : QString(), expected);
    }

    // Every printable ASCII character can be typed and comes back unchanged.
    void allPrintableAsciiRoundTrip()
    {
        QByteArray all;
        for (char c = 0x20; c < 0x7F; ++c)
            all.append(c);
        WedgeDecoder decoder;
        QCOMPARE(run(decoder, typeText(all) + press(KEY_ENTER)), QStringList{QString::fromLatin1(all)});
    }

    void scansEndOnEnter()
    {
        WedgeDecoder decoder;
        QList<Event> events = typeText("https://ywtb.example/c?id=Ab1!") + press(KEY_ENTER);
        events += typeText("SH-2026-000042") + press(KEY_KPENTER); // keypad Enter ends too
        events += typeText("pending");                             // no suffix yet
        QCOMPARE(run(decoder, events), (QStringList{"https://ywtb.example/c?id=Ab1!", "SH-2026-000042"}));
        QCOMPARE(decoder.pendingBytes(), 7);
    }

    void rightShiftAndRepeat()
    {
        WedgeDecoder decoder;
        const QList<Event> events{
            {EV_KEY, KEY_RIGHTSHIFT, 1}, {EV_KEY, KEY_X, 1},          {EV_KEY, KEY_X, 2},
            {EV_KEY, KEY_X, 0},          {EV_KEY, KEY_RIGHTSHIFT, 0}, {EV_KEY, KEY_X, 1},
            {EV_KEY, KEY_X, 0},          {EV_KEY, KEY_ENTER, 1},      {EV_KEY, KEY_ENTER, 0}};
        QCOMPARE(run(decoder, events), QStringList{"Xx"});
    }

    void configurableSuffix()
    {
        WedgeDecoder decoder(KEY_TAB);
        QCOMPARE(decoder.suffixKey(), int(KEY_TAB));
        QCOMPARE(run(decoder, typeText("A1") + press(KEY_TAB)), QStringList{"A1"});
        // With Tab as suffix, Enter is just an unmapped key: the scan is rejected at the next Tab.
        const QStringList got = run(decoder, typeText("B2") + press(KEY_ENTER) + press(KEY_TAB));
        QCOMPARE(got, QStringList{
                          "!key KEY_ENTER (28) is not a printable ASCII key on a US layout; scan rejected"});
    }

    void unmappedKeyRejectsScanOnce()
    {
        WedgeDecoder decoder;
        QList<Event> events = typeText("SECRET") + press(KEY_LEFTCTRL) + typeText("MORE") + press(KEY_F1);
        events += press(KEY_ENTER);
        events += typeText("next") + press(KEY_ENTER);
        const QStringList got = run(decoder, events);
        QCOMPARE(got, (QStringList{
                          "!key KEY_LEFTCTRL (29) is not a printable ASCII key on a US layout; scan rejected",
                          "next"}));
        QVERIFY(!got.first().contains(QLatin1String("SECRET"), Qt::CaseInsensitive)); // no payload in errors
        QCOMPARE(run(decoder, typeText("x") + press(183 /* KEY_F13 */) + press(KEY_ENTER)),
                 QStringList{"!key code 183 is not a printable ASCII key on a US layout; scan rejected"});
    }

    void boundedLength()
    {
        WedgeDecoder decoder(KEY_ENTER, 8);
        QCOMPARE(run(decoder, typeText("12345678") + press(KEY_ENTER)), QStringList{"12345678"});
        QCOMPARE(run(decoder, typeText("123456789") + press(KEY_ENTER) + typeText("ok") + press(KEY_ENTER)),
                 (QStringList{"!scan too long: over 8 bytes; rejected", "ok"}));
    }

    void nonKeyEventsIgnoredAndClear()
    {
        WedgeDecoder decoder;
        QVERIFY(!decoder.feed(EV_SYN, SYN_REPORT, 0));
        QVERIFY(!decoder.feed(EV_MSC, MSC_SCAN, 0x70028));
        QVERIFY(!decoder.feed(EV_LED, LED_NUML, 1));
        QVERIFY(!decoder.feed(EV_KEY, KEY_LEFTSHIFT, 1));
        run(decoder, typeText("abc"));
        decoder.clear(); // device reopened: Shift released, nothing pending
        QCOMPARE(decoder.pendingBytes(), 0);
        QCOMPARE(run(decoder, press(KEY_A) + press(KEY_ENTER)), QStringList{"a"});
        // Enter alone is an empty scan; the driver refuses it with the payload check.
        QCOMPARE(run(decoder, press(KEY_ENTER)), QStringList{QString()});
    }
};

QTEST_GUILESS_MAIN(TestWedgeDecoder)
#include "tst_wedge_decoder.moc"
