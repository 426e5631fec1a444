// A generated navigation fuzz: URLs and redirect chains built from parts whose meaning the generator
// knows (hosts written with case, trailing dots, percent-encoding, IDN and look-alikes, user info,
// schemes, ports, backslashes and control characters). The generator's own oracle says which URLs are
// on the allowlist, computed from how each URL was built and never from NavigationPolicy or WebOrigin;
// the test asserts the policy allows nothing the oracle says is off the list (0 off-allowlist allows),
// and, so that it cannot pass by refusing everything, that it allows the plainly written allowed URLs.
// Fixed seed: the same URLs every run.
#include "NavigationPolicy.h"
#include "StrictWarnings.h"
#include "WebOrigin.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

// A way of writing a host, and what host it really names ("" = none, or one the oracle will not vouch
// for: the URL counts as off the allowlist).
struct HostForm
{
    QString text;
    QString names;
};

struct PortForm
{
    QString text; // ":8443", "" for none
    int port;     // the port it means; 0 = default of the scheme; -1 = invalid
};

struct Scheme
{
    QString text; // as written, before "://"
    QString web;  // "https" | "http" | "" (not a web scheme)
};

const QVector<HostForm> &hostForms()
{
    static const QVector<HostForm> forms{
        {QStringLiteral("allowed.example"), QStringLiteral("allowed.example")},
        {QStringLiteral("ALLOWED.EXAMPLE"), QStringLiteral("allowed.example")},
        {QStringLiteral("Allowed.Example."), QStringLiteral("allowed.example")},
        {QStringLiteral("%61llowed.example"), QStringLiteral("allowed.example")},
        {QStringLiteral("allowed%2Eexample"), QStringLiteral("allowed.example")},
        {QString::fromUtf8("ａｌｌｏｗｅｄ.example"), QStringLiteral("allowed.example")},
        {QStringLiteral("static.example"), QStringLiteral("static.example")},
        {QString::fromUtf8("中国.example"), QStringLiteral("idn")},
        {QStringLiteral("xn--fiqs8s.example"), QStringLiteral("idn")},
        {QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("2130706433"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("0x7f.0.0.1"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("127.1"), QStringLiteral("127.0.0.1")},
        // Off the list, however they are written.
        {QStringLiteral("evil.example"), QStringLiteral("evil.example")},
        {QStringLiteral("allowed.example.evil.example"), QStringLiteral("allowed.example.evil.example")},
        {QStringLiteral("evilallowed.example"), QStringLiteral("evilallowed.example")},
        {QStringLiteral("allowed.exampl"), QStringLiteral("allowed.exampl")},
        {QStringLiteral("allowed-example"), QStringLiteral("allowed-example")},
        {QString::fromUtf8("аllowed.example"), QStringLiteral("cyrillic")}, // Cyrillic а
        {QString::fromUtf8("allowed.exаmple"), QStringLiteral("cyrillic")},
        {QStringLiteral("xn--fiqs8s.example.evil.example"), QStringLiteral("idn.evil")},
        {QString::fromUtf8("中国.example.evil.example"), QStringLiteral("idn.evil")},
        {QStringLiteral("127.0.0.2"), QStringLiteral("127.0.0.2")},
        {QStringLiteral("2130706434"), QStringLiteral("127.0.0.2")},
        {QStringLiteral("localhost"), QStringLiteral("localhost")},
        {QStringLiteral("[::1]"), QStringLiteral("::1")},
        {QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.1")},
        {QStringLiteral("allowed.example%2Fevil.example"), QString()},
        {QStringLiteral("allowed.example%40evil.example"), QString()},
        {QStringLiteral("allowed.example%00.evil.example"), QString()},
        {QStringLiteral("evil.example\\allowed.example"), QString()},
        {QStringLiteral("evil.example\\.allowed.example"), QString()},
        {QStringLiteral("allo\twed.example"), QString()},
        {QStringLiteral("allowed.example\n.evil.example"), QString()},
        {QStringLiteral(""), QString()},
    };
    return forms;
}

const QVector<PortForm> &portForms()
{
    static const QVector<PortForm> forms{
        {QString(), 0},
        {QStringLiteral(":"), 0},
        {QStringLiteral(":443"), 443},
        {QStringLiteral(":0443"), 443},
        {QStringLiteral(":8443"), 8443},
        {QStringLiteral(":80"), 80},
        {QStringLiteral(":8080"), 8080},
        {QStringLiteral(":8081"), 8081},
        {QStringLiteral(":99999"), -1},
        {QStringLiteral(":-1"), -1},
    };
    return forms;
}

const QVector<Scheme> &schemes()
{
    static const QVector<Scheme> forms{
        {QStringLiteral("https"), QStringLiteral("https")},
        {QStringLiteral("https"), QStringLiteral("https")},
        {QStringLiteral("HTTPS"), QStringLiteral("https")},
        {QStringLiteral("http"), QStringLiteral("http")},
        {QStringLiteral("HtTp"), QStringLiteral("http")},
        {QStringLiteral("file"), QString()},
        {QStringLiteral("view-source:https"), QString()},
        {QStringLiteral("blob:https"), QString()},
        {QStringLiteral("chrome"), QString()},
        {QStringLiteral("devtools"), QString()},
        {QStringLiteral("qrc"), QString()},
        {QStringLiteral("ftp"), QString()},
        {QStringLiteral("wss"), QString()},
        {QStringLiteral("filesystem:https"), QString()},
        {QStringLiteral("weixin"), QString()},
        {QStringLiteral("intent"), QString()},
    };
    return forms;
}

// Whole URLs of schemes that have no authority: never on the list.
const QStringList &opaqueUrls()
{
    static const QStringList urls{
        QStringLiteral("javascript:location='https://evil.example'"),
        QStringLiteral("javascript://allowed.example/%0Aalert(1)"),
        QStringLiteral("data:text/html,<a href=https://allowed.example>x</a>"),
        QStringLiteral("data:application/pdf;base64,JVBERi0="),
        QStringLiteral("mailto:resident@allowed.example"),
        QStringLiteral("tel:+861234567890"),
        QStringLiteral("sms:10086"),
        QStringLiteral("about:blank#https://allowed.example"),
        QStringLiteral("about:srcdoc"),
        QStringLiteral("https:allowed.example"),
        QStringLiteral("https:/allowed.example/"),
        QStringLiteral("https:///allowed.example/"),
        QStringLiteral("//allowed.example/"),
        QStringLiteral("allowed.example/"),
        QStringLiteral("view-source:allowed.example"),
    };
    return urls;
}

const QStringList &userInfos()
{
    static const QStringList forms{QString(),
                                   QString(),
                                   QString(),
                                   QStringLiteral("allowed.example@"),
                                   QStringLiteral("user:pass@"),
                                   QStringLiteral("@"),
                                   QStringLiteral("allowed.example:443@"),
                                   QStringLiteral("a%40b@")};
    return forms;
}

const QStringList &tails()
{
    static const QStringList forms{QString(),
                                   QStringLiteral("/"),
                                   QStringLiteral("/form?next=https://evil.example"),
                                   QStringLiteral("/#@evil.example"),
                                   QStringLiteral("/@evil.example"),
                                   QStringLiteral("//evil.example/"),
                                   QStringLiteral("?q=%2F%2Fevil.example"),
                                   QStringLiteral("/a/../../b")};
    return forms;
}

// The oracle's allowlist: the same origins the policy is given, as the generator knows them.
bool onList(const QString &webScheme, const QString &names, int port, bool loopbackHttp)
{
    if (webScheme == QLatin1String("https"))
        return (names == QLatin1String("allowed.example") && port == 443) ||
               (names == QLatin1String("static.example") && port == 8443) ||
               (names == QLatin1String("idn") && port == 443);
    if (webScheme == QLatin1String("http"))
        return loopbackHttp && names == QLatin1String("127.0.0.1") && port == 8080;
    return false;
}

struct Generated
{
    QString url;
    bool truth = false;    // on the allowlist by the oracle
    bool plain = false;    // written plainly: the policy must allow it when truth holds
    QString scheme, names; // for relative steps of a chain
    int port = 0;
};

Generated generate(QRandomGenerator &rng, bool loopbackHttp)
{
    Generated g;
    if (rng.bounded(12) == 0) {
        g.url = opaqueUrls().at(int(rng.bounded(opaqueUrls().size())));
        return g;
    }
    // Half of the parts come from the near side (the allowed hosts' forms, https, no user info, the
    // listed ports), so that many URLs are one part away from the list.
    const auto pick = [&rng](int size, int nearCount) {
        return rng.bounded(2) == 0 ? int(rng.bounded(nearCount)) : int(rng.bounded(size));
    };
    const Scheme &scheme = schemes().at(pick(schemes().size(), 3));
    const HostForm &host = hostForms().at(pick(hostForms().size(), 13));
    const PortForm &port = portForms().at(pick(portForms().size(), 5));
    const QString &userInfo = userInfos().at(pick(userInfos().size(), 3));
    const QString &tail = tails().at(int(rng.bounded(tails().size())));
    g.url = scheme.text + QStringLiteral("://") + userInfo + host.text + port.text + tail;
    const int effectivePort = port.port != 0 ? port.port : (scheme.web == QLatin1String("http") ? 80 : 443);
    g.truth = !scheme.web.isEmpty() && userInfo.isEmpty() && !host.names.isEmpty() && port.port >= 0 &&
              onList(scheme.web, host.names, effectivePort, loopbackHttp);
    g.plain = g.truth && scheme.text == scheme.web && host.text == host.text.toLower() &&
              !host.text.contains(QLatin1Char('%')) && !host.text.endsWith(QLatin1Char('.')) &&
              host.text.at(0).unicode() < 0x80;
    g.scheme = scheme.web;
    g.names = userInfo.isEmpty() ? host.names : QString();
    g.port = effectivePort;
    return g;
}

// The next step of a redirect chain: a new absolute URL, or one relative to the current page whose
// meaning the oracle derives from the step before.
Generated nextStep(QRandomGenerator &rng, const Generated &previous, bool loopbackHttp, QUrl *resolved)
{
    const int kind = int(rng.bounded(4));
    if (kind == 0 && !previous.scheme.isEmpty()) { // same origin: a path
        Generated g = previous;
        g.url = QStringLiteral("/next/step?from=redirect");
        *resolved = QUrl(previous.url).resolved(QUrl(g.url));
        return g;
    }
    if (kind == 1 && !previous.scheme.isEmpty()) { // scheme-relative: "//host/..."
        const HostForm &host = hostForms().at(int(rng.bounded(hostForms().size())));
        Generated g;
        g.url = QStringLiteral("//") + host.text + QStringLiteral("/landing");
        const int port = previous.scheme == QLatin1String("http") ? 80 : 443;
        g.truth = !host.names.isEmpty() && onList(previous.scheme, host.names, port, loopbackHttp);
        g.scheme = previous.scheme;
        g.names = host.names;
        g.port = port;
        *resolved = QUrl(previous.url).resolved(QUrl(g.url));
        return g;
    }
    Generated g = generate(rng, loopbackHttp);
    *resolved = QUrl(g.url);
    return g;
}

NavigationPolicy makePolicy(bool loopbackHttp)
{
    QVector<WebOrigin> allowed;
    for (const char *entry : {"https://allowed.example", "https://static.example:8443",
                              "https://xn--fiqs8s.example", "http://127.0.0.1:8080"})
        allowed << *WebOrigin::parseEntry(QString::fromLatin1(entry));
    return NavigationPolicy(allowed, loopbackHttp);
}

} // namespace

class TestNavigationFuzz : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void urls_data()
    {
        QTest::addColumn<bool>("loopbackHttp");
        QTest::newRow("https only") << false;
        QTest::newRow("loopback http allowed") << true;
    }

    void urls()
    {
        QFETCH(bool, loopbackHttp);
        const NavigationPolicy policy = makePolicy(loopbackHttp);
        QRandomGenerator rng(20261203u + (loopbackHttp ? 1 : 0));
        int decisions = 0, allowed = 0, plainAllowed = 0, onListCount = 0;
        QStringList offListAllowed, plainRefused;
        for (int i = 0; i < 1500; ++i) {
            const Generated g = generate(rng, loopbackHttp);
            // As text (a config value, a typed URL) and as the QUrl the engine hands over.
            for (const bool asText : {true, false}) {
                const NavigationPolicy::Decision d =
                    asText ? policy.decide(g.url) : policy.decide(QUrl(g.url));
                ++decisions;
                allowed += d.allowed;
                if (d.allowed && !g.truth)
                    offListAllowed << g.url;
                if (g.plain && !d.allowed)
                    plainRefused << g.url + QStringLiteral(" (") + d.explain + QLatin1Char(')');
                plainAllowed += g.plain && d.allowed;
            }
            onListCount += g.truth;
        }
        qInfo("%d decisions, %d allowed, %d on the list by the oracle", decisions, allowed, onListCount * 2);
        QVERIFY2(offListAllowed.isEmpty(), qPrintable(offListAllowed.mid(0, 10).join(QLatin1Char('\n'))));
        QVERIFY2(plainRefused.isEmpty(), qPrintable(plainRefused.mid(0, 10).join(QLatin1Char('\n'))));
        QVERIFY(decisions >= 1000);
        QVERIFY(plainAllowed > 20); // the fuzz reaches the allowed side too
    }

    void redirectChains()
    {
        const bool loopbackHttp = true;
        const NavigationPolicy policy = makePolicy(loopbackHttp);
        QRandomGenerator rng(77001u);
        int steps = 0, chainsLanded = 0;
        QStringList offListAllowed;
        for (int chain = 0; chain < 500; ++chain) {
            // Every chain starts on the service's start page and is redirected from there.
            Generated current;
            current.url = QStringLiteral("https://allowed.example/start");
            current.truth = true;
            current.scheme = QStringLiteral("https");
            current.names = QStringLiteral("allowed.example");
            current.port = 443;
            QUrl url(current.url);
            const int length = 2 + int(rng.bounded(3));
            bool landed = true;
            for (int step = 0; step < length; ++step) {
                const NavigationPolicy::Decision d = policy.decide(url);
                ++steps;
                if (d.allowed && !current.truth)
                    offListAllowed << QStringLiteral("chain %1 step %2: %3 (%4)")
                                          .arg(chain)
                                          .arg(step)
                                          .arg(url.toString(), current.url);
                if (!d.allowed) {
                    landed = false;
                    break; // the engine stops the chain at the first refused step
                }
                if (step + 1 < length) {
                    QUrl next;
                    current = nextStep(rng, current, loopbackHttp, &next);
                    url = next;
                }
            }
            chainsLanded += landed;
        }
        qInfo("%d redirect steps decided, %d chains landed", steps, chainsLanded);
        QVERIFY2(offListAllowed.isEmpty(), qPrintable(offListAllowed.mid(0, 10).join(QLatin1Char('\n'))));
        QVERIFY(steps >= 1000);
        QVERIFY(chainsLanded > 0);
    }
};

QTEST_GUILESS_MAIN(TestNavigationFuzz)
#include "tst_navigation_fuzz.moc"
