#include "IdentityToken.h"
#include "IdentityTokenVerifier.h"
#include "StrictWarnings.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sodium.h>

using Problem = IdentityTokenVerifier::Problem;

namespace {

// The platform-sim's test keys are derived the same way (tests/platform-sim/IdentityTokenIssuer.cpp):
// seed = SHA-256("onestop platform-sim identity token test key <kid>").
struct TestKey
{
    QString kid;
    QByteArray publicKey;
    QByteArray secretKey;
};

TestKey testKey(const QString &kid)
{
    const QByteArray seed = QCryptographicHash::hash(
        "onestop platform-sim identity token test key " + kid.toLatin1(), QCryptographicHash::Sha256);
    TestKey k{kid, QByteArray(crypto_sign_PUBLICKEYBYTES, 0), QByteArray(crypto_sign_SECRETKEYBYTES, 0)};
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(k.publicKey.data()),
                             reinterpret_cast<unsigned char *>(k.secretKey.data()),
                             reinterpret_cast<const unsigned char *>(seed.constData()));
    return k;
}

QString sign(const TestKey &key, const QByteArray &payloadJson)
{
    const QByteArray input = "OSK1." + IdentityToken::toBase64Url(payloadJson);
    QByteArray signature(crypto_sign_BYTES, 0);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(input.constData()), quint64(input.size()),
                         reinterpret_cast<const unsigned char *>(key.secretKey.constData()));
    return QString::fromLatin1(input + '.' + IdentityToken::toBase64Url(signature));
}

constexpr qint64 kNow = 1796299900; // 2026-12-03T12:11:40Z

QJsonObject claims(const QString &kid = QStringLiteral("sim-2026a"))
{
    return QJsonObject{{QStringLiteral("kid"), kid},
                       {QStringLiteral("jti"), QStringLiteral("token-id-0000000001")},
                       {QStringLiteral("typ"), QStringLiteral("resident")},
                       {QStringLiteral("sub"), QStringLiteral("310104194803120025")},
                       {QStringLiteral("name"), QStringLiteral("王秀英")},
                       {QStringLiteral("iat"), kNow - 20},
                       {QStringLiteral("exp"), kNow + 100}};
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

// Personal identity codes: a valid one passes once; every kind of bad one is refused with its own problem.
class TestIdentityToken : public QObject
{
    Q_OBJECT

    TestKey m_a;
    TestKey m_b;
    TestKey m_rogue;

    IdentityTokenSettings settings() const
    {
        IdentityTokenSettings s;
        s.keys = {{m_a.kid, m_a.publicKey, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC),
                   QDateTime(QDate(2027, 6, 30), QTime(23, 59, 59), Qt::UTC)},
                  {m_b.kid, m_b.publicKey, QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC), QDateTime()}};
        s.maxLifetimeSeconds = 300;
        s.clockSkewSeconds = 60;
        return s;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(sodium_init() >= 0);
        m_a = testKey(QStringLiteral("sim-2026a"));
        m_b = testKey(QStringLiteral("sim-2027b"));
        m_rogue = testKey(QStringLiteral("rogue"));
        // The public keys in kiosk-config/site.json.
        QCOMPARE(m_a.publicKey.toBase64(), QByteArray("XsGhAzVgWQ+uLORD9kWNyRmWVgTr/9ddbDjfHFqEQZs="));
        QCOMPARE(m_b.publicKey.toBase64(), QByteArray("dZYpGoe19yPElZoWI69wPyzfrkDPj3xIsLbl+GMUmfQ="));
    }

    // The vector printed in docs/platform-api.md, made with libsodium outside this code base.
    void documentedVector()
    {
        const QString vector =
            QStringLiteral("OSK1."
                           "eyJleHAiOjE3OTYzMDAwMDAsImlhdCI6MTc5NjI5OTg4MCwianRpIjoidmVjdG9yLTAwMDEtYWJjZGVmZ"
                           "2giLCJraWQiOiJzaW0tMjAy"
                           "NmEiLCJuYW1lIjoi546L56eA6IuxIiwic3ViIjoiMzEwMTA0MTk0ODAzMTIwMDI1IiwidHlwIjoicmVza"
                           "WRlbnQifQ.4kKyLkaLL_e6NPOcMtw"
                           "uZ9h1nUOpZV302W98PG2yq_-_M4DvG-IUwygu0rBlzbz-OHJzf52Ka1ADc77NEkZtAA");
        IdentityTokenVerifier verifier(settings());
        const auto result = verifier.verify(vector, kNow);
        QVERIFY2(result.ok(), qPrintable(result.detail));
        QCOMPARE(result.claims.subject, QStringLiteral("310104194803120025"));
        QCOMPARE(result.claims.name, QStringLiteral("王秀英"));
        QCOMPARE(result.claims.idType, QStringLiteral("resident"));
        QCOMPARE(result.claims.expiresAt, 1796300000);
        QCOMPARE(
            sign(
                m_a,
                R"({"exp":1796300000,"iat":1796299880,"jti":"vector-0001-abcdefgh","kid":"sim-2026a","name":"王秀英","sub":"310104194803120025","typ":"resident"})"),
            vector); // Ed25519 is deterministic
    }

    void validTokenPassesOnceThenIsAReplay()
    {
        IdentityTokenVerifier verifier(settings());
        const QString token = sign(m_a, json(claims()));
        QVERIFY(IdentityToken::isIdentityToken(token));
        QVERIFY(verifier.verify(token, kNow).ok());
        const auto again = verifier.verify(token, kNow + 30);
        QCOMPARE(again.problem, Problem::Replayed);
        QCOMPARE(IdentityTokenVerifier::problemCode(again.problem), QStringLiteral("replayed"));
        // Still refused at the end of its lifetime: the id is never forgotten while the token lives.
        QCOMPARE(verifier.verify(token, kNow + 100 + 59).problem, Problem::Replayed);
        // After it (and the skew), it is expired rather than replayed.
        QCOMPARE(verifier.verify(token, kNow + 100 + 60).problem, Problem::Expired);
    }

    void rotationAcceptsEveryValidKeyAndRefusesUnknownOrRetiredOnes()
    {
        IdentityTokenVerifier verifier(settings());
        QJsonObject b = claims(QStringLiteral("sim-2027b"));
        b.insert(QStringLiteral("jti"), QStringLiteral("token-id-0000000002"));
        QVERIFY(verifier.verify(sign(m_b, json(b)), kNow).ok());

        const auto unknown = verifier.verify(sign(m_rogue, json(claims(QStringLiteral("rogue")))), kNow);
        QCOMPARE(unknown.problem, Problem::UnknownKey);
        QCOMPARE(unknown.detail, QStringLiteral("kid rogue is not configured"));

        // sim-2026a retires at the end of 2027-06-30.
        const qint64 afterRetirement =
            QDateTime(QDate(2027, 7, 1), QTime(0, 0, 10), Qt::UTC).toSecsSinceEpoch();
        QJsonObject late = claims();
        late.insert(QStringLiteral("iat"), afterRetirement - 5);
        late.insert(QStringLiteral("exp"), afterRetirement + 100);
        QCOMPARE(verifier.verify(sign(m_a, json(late)), afterRetirement).problem, Problem::UnknownKey);
        // sim-2027b is not valid before 2026-10-01.
        const qint64 early = QDateTime(QDate(2026, 9, 1), QTime(12, 0), Qt::UTC).toSecsSinceEpoch();
        QJsonObject before = b;
        before.insert(QStringLiteral("iat"), early - 5);
        before.insert(QStringLiteral("exp"), early + 100);
        QCOMPARE(verifier.verify(sign(m_b, json(before)), early).problem, Problem::UnknownKey);
    }

    void forgedTokensAreRefused()
    {
        IdentityTokenVerifier verifier(settings());
        // Signed by another key under a configured kid.
        QCOMPARE(verifier.verify(sign(m_rogue, json(claims())), kNow).problem, Problem::BadSignature);
        // A valid token whose payload was changed (another resident's number).
        const QString token = sign(m_a, json(claims()));
        QJsonObject other = claims();
        other.insert(QStringLiteral("sub"), QStringLiteral("310110197604203013"));
        const QStringList parts = token.split(QLatin1Char('.'));
        const QString swapped = parts.at(0) + QLatin1Char('.') +
                                QString::fromLatin1(IdentityToken::toBase64Url(json(other))) +
                                QLatin1Char('.') + parts.at(2);
        const auto result = verifier.verify(swapped, kNow);
        QCOMPARE(result.problem, Problem::BadSignature);
        QVERIFY(!result.detail.contains(QLatin1String("3101")));
        // One bit of the signature flipped.
        QByteArray signature = QByteArray::fromBase64(parts.at(2).toLatin1(), QByteArray::Base64UrlEncoding);
        signature[10] = char(signature.at(10) ^ 0x01);
        const QString flipped = parts.at(0) + QLatin1Char('.') + parts.at(1) + QLatin1Char('.') +
                                QString::fromLatin1(IdentityToken::toBase64Url(signature));
        QCOMPARE(verifier.verify(flipped, kNow).problem, Problem::BadSignature);
        // The untouched token still passes: the forgeries did not use it up.
        QVERIFY(verifier.verify(token, kNow).ok());
    }

    void expiredAndNotYetValid()
    {
        IdentityTokenVerifier verifier(settings());
        const QString token = sign(m_a, json(claims()));
        const auto expired = verifier.verify(token, kNow + 100 + 60);
        QCOMPARE(expired.problem, Problem::Expired);
        QCOMPARE(expired.detail, QStringLiteral("expired 60 s ago"));
        const auto early = verifier.verify(token, kNow - 20 - 61);
        QCOMPARE(early.problem, Problem::NotYetValid);
        QCOMPARE(early.detail, QStringLiteral("issued 61 s in the future"));
        // Within the skew both ways, it is fine.
        QVERIFY(verifier.verify(token, kNow - 20 - 60).ok());
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("detail");
        const QString sig = QString::fromLatin1(IdentityToken::toBase64Url(QByteArray(64, 'x')));
        const auto payload = [](const QByteArray &j) {
            return QString::fromLatin1(IdentityToken::toBase64Url(j));
        };
        QJsonObject noName = claims();
        noName.remove(QStringLiteral("name"));
        QJsonObject badType = claims();
        badType.insert(QStringLiteral("typ"), QStringLiteral("passport"));
        QJsonObject shortJti = claims();
        shortJti.insert(QStringLiteral("jti"), QStringLiteral("abc"));
        QJsonObject backwards = claims();
        backwards.insert(QStringLiteral("exp"), kNow - 30);
        QJsonObject fractional = claims();
        fractional.insert(QStringLiteral("iat"), 1.5);
        QTest::newRow("other version")
            << QStringLiteral("OSK2.abc.def") << QStringLiteral("version: not OSK1");
        QTest::newRow("two parts") << (QStringLiteral("OSK1.") + payload(json(claims())))
                                   << QStringLiteral("structure: 2 parts, expected 3");
        QTest::newRow("four parts") << QStringLiteral("OSK1.a.b.c")
                                    << QStringLiteral("structure: 4 parts, expected 3");
        QTest::newRow("payload not base64url")
            << (QStringLiteral("OSK1.e30+.") + sig) << QStringLiteral("payload: not base64url");
        QTest::newRow("payload padded")
            << (QStringLiteral("OSK1.e30=.") + sig) << QStringLiteral("payload: not base64url");
        QTest::newRow("empty payload")
            << (QStringLiteral("OSK1..") + sig) << QStringLiteral("payload: not base64url");
        QTest::newRow("signature not base64url")
            << (QStringLiteral("OSK1.e30.a*b")) << QStringLiteral("signature: not base64url");
        QTest::newRow("short signature") << (QStringLiteral("OSK1.e30.") + payload(QByteArray(63, 's')))
                                         << QStringLiteral("signature: 63 bytes, expected 64");
        QTest::newRow("not JSON") << (QStringLiteral("OSK1.") + payload("{nope") + QLatin1Char('.') + sig)
                                  << QStringLiteral("payload: not a JSON object");
        QTest::newRow("JSON array") << (QStringLiteral("OSK1.") + payload("[1]") + QLatin1Char('.') + sig)
                                    << QStringLiteral("payload: not a JSON object");
        QTest::newRow("no name") << (QStringLiteral("OSK1.") + payload(json(noName)) + QLatin1Char('.') + sig)
                                 << QStringLiteral("payload: \"name\" missing or not a string");
        QTest::newRow("unknown type")
            << (QStringLiteral("OSK1.") + payload(json(badType)) + QLatin1Char('.') + sig)
            << QStringLiteral("payload: \"typ\" is not a known card type");
        QTest::newRow("short jti") << (QStringLiteral("OSK1.") + payload(json(shortJti)) + QLatin1Char('.') +
                                       sig)
                                   << QStringLiteral("payload: \"jti\" is not 16..64 of [A-Za-z0-9_-]");
        QTest::newRow("exp before iat")
            << (QStringLiteral("OSK1.") + payload(json(backwards)) + QLatin1Char('.') + sig)
            << QStringLiteral("payload: \"exp\" is not after \"iat\"");
        QTest::newRow("fractional iat")
            << (QStringLiteral("OSK1.") + payload(json(fractional)) + QLatin1Char('.') + sig)
            << QStringLiteral("payload: \"iat\" missing or not whole Unix seconds");
        QTest::newRow("too long") << (QStringLiteral("OSK1.") + QString(1100, QLatin1Char('A')) +
                                      QLatin1Char('.') + sig)
                                  << QStringLiteral("length: 1192 characters, at most 1024");
    }
    void malformed()
    {
        QFETCH(QString, code);
        QFETCH(QString, detail);
        IdentityTokenVerifier verifier(settings());
        const auto result = verifier.verify(code, kNow);
        QCOMPARE(result.problem, Problem::Malformed);
        QCOMPARE(result.detail, detail);
        QVERIFY(!result.detail.contains(QStringLiteral("王")));
    }

    void signedButUnusableContentIsMalformed()
    {
        IdentityTokenVerifier verifier(settings());
        QJsonObject badNumber = claims();
        badNumber.insert(QStringLiteral("sub"), QStringLiteral("310104194803120026"));
        auto result = verifier.verify(sign(m_a, json(badNumber)), kNow);
        QCOMPARE(result.problem, Problem::Malformed);
        QCOMPARE(result.detail, QStringLiteral("payload: \"sub\" is not a valid resident number"));
        QJsonObject wrongKind = claims();
        wrongKind.insert(QStringLiteral("typ"), QStringLiteral("foreign_2017"));
        QCOMPARE(verifier.verify(sign(m_a, json(wrongKind)), kNow).problem, Problem::Malformed);
        QJsonObject longLived = claims();
        longLived.insert(QStringLiteral("exp"), kNow + 3600);
        result = verifier.verify(sign(m_a, json(longLived)), kNow);
        QCOMPARE(result.problem, Problem::Malformed);
        QCOMPARE(result.detail, QStringLiteral("lifetime 3620 s exceeds 300 s"));
    }

    void foreignerCardsByToken()
    {
        IdentityTokenVerifier verifier(settings());
        QJsonObject c = claims();
        c.insert(QStringLiteral("typ"), QStringLiteral("foreign_2017"));
        c.insert(QStringLiteral("sub"), QStringLiteral("usa310085051511"));
        const auto result = verifier.verify(sign(m_a, json(c)), kNow);
        QVERIFY2(result.ok(), qPrintable(result.detail));
        QCOMPARE(result.claims.subject, QStringLiteral("USA310085051511"));
    }

    void otherCodesAreNotIdentityTokens()
    {
        QVERIFY(!IdentityToken::isIdentityToken(
            QStringLiteral("https://zwdt.sh.gov.cn/appointment?code=A20261128-0815")));
        QVERIFY(!IdentityToken::isIdentityToken(QStringLiteral("OSKAR")));
        QVERIFY(IdentityToken::isIdentityToken(QStringLiteral("OSK2.x")));
    }

    void replayCacheIsBoundedAndForgetsOnlyExpiredIds()
    {
        TokenReplayCache cache(2);
        const QByteArray a = TokenReplayCache::idFor(QStringLiteral("k"), QStringLiteral("a"));
        const QByteArray b = TokenReplayCache::idFor(QStringLiteral("k"), QStringLiteral("b"));
        const QByteArray c = TokenReplayCache::idFor(QStringLiteral("k"), QStringLiteral("c"));
        QCOMPARE(a.size(), 32); // a hash, not the id itself
        QCOMPARE(cache.remember(a, 100, 0), TokenReplayCache::Result::Remembered);
        QCOMPARE(cache.remember(b, 200, 0), TokenReplayCache::Result::Remembered);
        QCOMPARE(cache.remember(c, 300, 50), TokenReplayCache::Result::Full); // nothing forgotten early
        QCOMPARE(cache.remember(a, 100, 100), TokenReplayCache::Result::AlreadySeen);
        QCOMPARE(cache.remember(c, 300, 101), TokenReplayCache::Result::Remembered); // a expired: room
        QCOMPARE(cache.size(), 2);
    }

    void fullCacheRefusesRatherThanForgetting()
    {
        IdentityTokenSettings s = settings();
        s.replayCacheSize = 1;
        IdentityTokenVerifier verifier(s);
        QVERIFY(verifier.verify(sign(m_a, json(claims())), kNow).ok());
        QJsonObject second = claims();
        second.insert(QStringLiteral("jti"), QStringLiteral("token-id-0000000002"));
        QCOMPARE(verifier.verify(sign(m_a, json(second)), kNow).problem, Problem::CacheFull);
    }
};

QTEST_GUILESS_MAIN(TestIdentityToken)
#include "tst_identity_token.moc"
