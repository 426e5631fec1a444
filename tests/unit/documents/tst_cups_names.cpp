// The names sent to CUPS: document-name is always a token (a space in it crashes Debian's cupsd
// 2.4.2-3+deb12u10), job-name stays readable but carries no control characters and fits IPP's 255 octets.
#include "CupsNames.h"
#include "StrictWarnings.h"

#include <QtTest>

class TestCupsNames : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void documentNameIsAToken_data()
    {
        QTest::addColumn<QString>("requestId");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("case id") << QStringLiteral("c0ffee42-5e6f-7a8b")
                                 << QByteArray("onestop-c0ffee42-5e6f-7a8b.pdf");
        QTest::newRow("spaces") << QStringLiteral("onestop document x")
                                << QByteArray("onestop-onestop-document-x.pdf");
        QTest::newRow("tab+newline") << QStringLiteral("a\tb\nc") << QByteArray("onestop-a-b-c.pdf");
        QTest::newRow("chinese") << QStringLiteral("户籍证明") << QByteArray("onestop-----.pdf");
        QTest::newRow("slash and quote") << QStringLiteral("../\"x\"") << QByteArray("onestop-..--x-.pdf");
        QTest::newRow("empty") << QString() << QByteArray("onestop.pdf");
    }
    void documentNameIsAToken()
    {
        QFETCH(QString, requestId);
        QFETCH(QByteArray, expected);
        QCOMPARE(CupsNames::documentName(requestId), expected);
    }

    void documentNameIsBounded()
    {
        const QByteArray name = CupsNames::documentName(QString(500, QLatin1Char('a')));
        QVERIFY(name.size() <= 64);
        QVERIFY(name.startsWith("onestop-aaaa"));
        QVERIFY(name.endsWith(".pdf"));
        for (const char c : name)
            QVERIFY2(
                QByteArray("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-").contains(c),
                name.constData());
    }

    void jobNameStaysReadable_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("onestop document c0ffee42")
                               << QStringLiteral("onestop document c0ffee42");
        QTest::newRow("tabs and breaks")
            << QStringLiteral("\tonestop\t\tdocument\r\nx ") << QStringLiteral("onestop document x");
        QTest::newRow("chinese") << QStringLiteral("户籍证明 c0ffee42")
                                 << QStringLiteral("户籍证明 c0ffee42");
        QTest::newRow("C0, DEL, C1") << QStringLiteral("a\x01"
                                                       "b\x7f"
                                                       "c\u0085d")
                                     << QStringLiteral("a b c d");
        QTest::newRow("empty") << QStringLiteral(" \t ") << QStringLiteral("onestop");
    }
    void jobNameStaysReadable()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromUtf8(CupsNames::jobName(name)), expected);
    }

    // 255 octets at most, and never half a character: 100 Chinese characters are 300 bytes of UTF-8.
    void jobNameIsCutOnCharacters()
    {
        const QByteArray name = CupsNames::jobName(QString(100, QChar(0x6237)));
        QVERIFY(name.size() <= 255);
        QCOMPARE(name.size(), 255);
        QCOMPARE(QString::fromUtf8(name), QString(85, QChar(0x6237)));
    }
};

QTEST_MAIN(TestCupsNames)
#include "tst_cups_names.moc"
