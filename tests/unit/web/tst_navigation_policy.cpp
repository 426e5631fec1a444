// NavigationPolicy and WebOrigin: the web view's rules on where a page may go, case by case.
#include "NavigationPolicy.h"
#include "StrictWarnings.h"
#include "WebOrigin.h"

#include <QTest>

namespace {
NavigationPolicy policy(bool loopbackHttp)
{
    QVector<WebOrigin> allowed;
    for (const char *entry : {"https://allowed.example", "https://static.example:8443",
                              "https://xn--fiqs8s.example", "http://127.0.0.1:8080"})
        allowed << *WebOrigin::parseEntry(QString::fromLatin1(entry));
    return NavigationPolicy(allowed, loopbackHttp);
}
} // namespace

class TestNavigationPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void decide_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("loopbackHttp");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("origin");
        const QString ok = QStringLiteral("allowed");
        const QString home = QStringLiteral("https://allowed.example:443");
        QTest::newRow("plain") << "https://allowed.example/form?x=1" << false << ok << home;
        QTest::newRow("case") << "HTTPS://ALLOWED.Example/Path" << false << ok << home;
        QTest::newRow("default port") << "https://allowed.example:443/" << false << ok << home;
        QTest::newRow("trailing dot") << "https://allowed.example./" << false << ok << home;
        QTest::newRow("percent-encoded host") << "https://%61llowed%2eexample/" << false << ok << home;
        QTest::newRow("fullwidth host")
            << QString::fromUtf8("https://ａｌｌｏｗｅｄ.example/") << false << ok << home;
        QTest::newRow("IDN") << QString::fromUtf8("https://中国.example/") << false << ok
                             << "https://xn--fiqs8s.example:443";
        QTest::newRow("punycode") << "https://XN--FIQS8S.example/" << false << ok
                                  << "https://xn--fiqs8s.example:443";
        QTest::newRow("explicit port")
            << "https://static.example:8443/a.css" << false << ok << "https://static.example:8443";
        QTest::newRow("wrong port") << "https://static.example/a.css" << false << "origin"
                                    << "https://static.example:443";
        QTest::newRow("other port") << "https://allowed.example:8443/" << false << "origin"
                                    << "https://allowed.example:8443";
        QTest::newRow("userinfo") << "https://allowed.example@evil.example/" << false << "user_info"
                                  << "";
        QTest::newRow("userinfo allowed host") << "https://user:pass@allowed.example/" << false << "user_info"
                                               << "";
        QTest::newRow("encoded at") << "https://allowed.example%40evil.example/" << false << "malformed"
                                    << "";
        QTest::newRow("fragment at") << "https://evil.example#@allowed.example" << false << "origin"
                                     << "https://evil.example:443";
        QTest::newRow("suffix") << "https://allowed.example.evil.example/" << false << "origin"
                                << "https://allowed.example.evil.example:443";
        QTest::newRow("cyrillic a") << QString::fromUtf8("https://аllowed.example/") << false << "origin"
                                    << "https://xn--llowed-2nf.example:443";
        QTest::newRow("backslash") << "https://evil.example\\@allowed.example/" << false << "malformed"
                                   << "";
        QTest::newRow("tab") << "https://allo\twed.example/" << false << "malformed"
                             << "";
        QTest::newRow("http remote") << "http://allowed.example/" << false << "insecure_http"
                                     << "http://allowed.example:80";
        QTest::newRow("http loopback off") << "http://127.0.0.1:8080/" << false << "insecure_http"
                                           << "http://127.0.0.1:8080";
        QTest::newRow("http loopback on")
            << "http://127.0.0.1:8080/" << true << ok << "http://127.0.0.1:8080";
        QTest::newRow("loopback decimal")
            << "http://2130706433:8080/" << true << ok << "http://127.0.0.1:8080";
        QTest::newRow("loopback other port") << "http://127.0.0.1:8081/" << true << "origin"
                                             << "http://127.0.0.1:8081";
        QTest::newRow("no host") << "https:allowed.example" << false << "malformed"
                                 << "";
        QTest::newRow("file") << "file:///etc/passwd" << false << "scheme"
                              << "";
        QTest::newRow("view-source") << "view-source:https://allowed.example/" << false << "scheme"
                                     << "";
        QTest::newRow("chrome") << "chrome://settings" << false << "scheme"
                                << "";
        QTest::newRow("devtools") << "devtools://devtools/bundled/inspector.html" << false << "scheme"
                                  << "";
        QTest::newRow("qrc") << "qrc:/qt/qml/OneStop/Screens/KioskWindow.qml" << false << "scheme"
                             << "";
        QTest::newRow("data") << "data:text/html,<script>alert(1)</script>" << false << "scheme"
                              << "";
        QTest::newRow("javascript") << "javascript:alert(1)" << false << "scheme"
                                    << "";
        QTest::newRow("blob") << "blob:https://allowed.example/0c5e6a2e-3c1d-4b8e-9e0f-2f2d6a1b7c3d" << false
                              << "scheme"
                              << "";
        QTest::newRow("about") << "about:srcdoc" << false << "scheme"
                               << "";
        QTest::newRow("mailto") << "mailto:someone@example.com" << false << "external_scheme"
                                << "";
        QTest::newRow("tel") << "tel:+8612345678901" << false << "external_scheme"
                             << "";
        QTest::newRow("custom") << "weixin://dl/business" << false << "external_scheme"
                                << "";
        QTest::newRow("empty") << "" << false << "malformed"
                               << "";
    }

    void decide()
    {
        QFETCH(QString, url);
        QFETCH(bool, loopbackHttp);
        QFETCH(QString, reason);
        QFETCH(QString, origin);
        const NavigationPolicy::Decision d = policy(loopbackHttp).decide(url);
        QCOMPARE(NavigationPolicy::reasonName(d.reason), reason);
        QCOMPARE(d.allowed, reason == QLatin1String("allowed"));
        QCOMPARE(d.origin, origin);
        QVERIFY(!d.explain.isEmpty());
    }

    void emptyPolicyAllowsNothing()
    {
        QVERIFY(!NavigationPolicy().decide(QStringLiteral("https://allowed.example/")).allowed);
    }

    void blankIsTheEmptyDocumentOnly()
    {
        QVERIFY(NavigationPolicy::isBlank(QUrl(QStringLiteral("about:blank"))));
        QVERIFY(!NavigationPolicy::isBlank(QUrl(QStringLiteral("about:blank?x=1"))));
        QVERIFY(!NavigationPolicy::isBlank(QUrl(QStringLiteral("about:srcdoc"))));
    }

    void loggableHasNoPersonalParts()
    {
        QCOMPARE(NavigationPolicy::loggable(
                     QUrl(QStringLiteral("https://user:pw@allowed.example/form?id=310101199001011234#x"))),
                 QStringLiteral("https://allowed.example/form"));
        QCOMPARE(NavigationPolicy::loggable(QUrl(QStringLiteral("mailto:resident@example.com"))),
                 QStringLiteral("mailto:"));
        QCOMPARE(NavigationPolicy::loggable(QUrl(QStringLiteral("data:text/html,secret"))),
                 QStringLiteral("data:"));
    }

    void originEntries_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("normal"); // "" = refused
        QTest::newRow("https") << "https://a.example"
                               << "https://a.example:443";
        QTest::newRow("slash") << "https://a.example/"
                               << "https://a.example:443";
        QTest::newRow("port") << "https://a.example:8443"
                              << "https://a.example:8443";
        QTest::newRow("loopback") << "http://127.0.0.1:8080"
                                  << "http://127.0.0.1:8080";
        QTest::newRow("ipv6 loopback") << "http://[::1]:8080"
                                       << "http://[::1]:8080";
        QTest::newRow("path") << "https://a.example/x"
                              << "";
        QTest::newRow("query") << "https://a.example?x"
                               << "";
        QTest::newRow("upper") << "https://A.example"
                               << "";
        QTest::newRow("userinfo") << "https://u@a.example"
                                  << "";
        QTest::newRow("trailing dot") << "https://a.example."
                                      << "";
        QTest::newRow("space") << " https://a.example"
                               << "";
        QTest::newRow("scheme") << "wss://a.example"
                                << "";
        QTest::newRow("no host") << "https://"
                                 << "";
    }

    void originEntries()
    {
        QFETCH(QString, entry);
        QFETCH(QString, normal);
        QString why;
        const auto origin = WebOrigin::parseEntry(entry, &why);
        QCOMPARE(origin ? origin->toString() : QString(), normal);
        QCOMPARE(why.isEmpty(), !normal.isEmpty());
    }

    void loopbackHosts()
    {
        QVERIFY(WebOrigin::parseEntry(QStringLiteral("http://127.0.0.1:1"))->isLoopback());
        QVERIFY(WebOrigin::parseEntry(QStringLiteral("http://127.9.9.9:1"))->isLoopback());
        QVERIFY(WebOrigin::parseEntry(QStringLiteral("http://[::1]:1"))->isLoopback());
        QVERIFY(WebOrigin::parseEntry(QStringLiteral("http://localhost:1"))->isLoopback());
        QVERIFY(!WebOrigin::parseEntry(QStringLiteral("http://10.0.0.1:1"))->isLoopback());
        QVERIFY(!WebOrigin::parseEntry(QStringLiteral("http://localhost.evil.example:1"))->isLoopback());
    }
};

QTEST_GUILESS_MAIN(TestNavigationPolicy)
#include "tst_navigation_policy.moc"
