// platform-sim's certificate endpoints (docs/platform-api.md, "Certificates") over real HTTP: a certificate
// issued (201) with its number, the platform's values, dates and verification code; the same key again is
// the same document (200); the key with another body 422; no record 404; not eligible 409 with a reason;
// invalid bodies 400; an unknown type 404; the verify endpoint for genuine, unknown and malformed codes; the
// test hook's own checks; the store's schema version.
#include "CertificateFixtures.h"
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "StrictWarnings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace CertificateFixtures;

class TestPlatformSimCertificates : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;

    std::optional<RawHttpResponse> post(const QByteArray &type, const QJsonObject &body, const QByteArray &key)
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        if (!key.isEmpty())
            headers.append({"Idempotency-Key", key});
        return rawExchange(m_sim->port(), RawHttpClient::request("POST", "/api/v1/certificates/" + type, headers,
                                                                 QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }
    static QJsonObject request(const QString &idNumber, const QString &purpose = QStringLiteral("employment"))
    {
        return {{QStringLiteral("id_type"), QStringLiteral("resident")},
                {QStringLiteral("id_number"), idNumber},
                {QStringLiteral("purpose"), purpose},
                {QStringLiteral("language"), QStringLiteral("zh_CN")}};
    }
    static QJsonObject json(const std::optional<RawHttpResponse> &r)
    {
        return r ? QJsonDocument::fromJson(r->body).object() : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("p.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QVERIFY2(seedResidents(m_sim->port(), &error), qPrintable(error));
    }

    void issuesOnceForAKey()
    {
        const auto first = post("residence", request(kEligibleId), "cert-key-1");
        QVERIFY(first);
        QCOMPARE(first->status, 201);
        const QJsonObject a = json(first);
        QVERIFY(QRegularExpression(QStringLiteral("^JZ-\\d{8}-\\d{6}$"))
                    .match(a.value(QStringLiteral("certificate_number")).toString()).hasMatch());
        QCOMPARE(a.value(QStringLiteral("certificate_type")).toString(), QStringLiteral("residence"));
        const QJsonObject values = a.value(QStringLiteral("values")).toObject();
        QCOMPARE(values.value(QStringLiteral("name")).toString(), kEligibleName);
        QCOMPARE(values.value(QStringLiteral("id_number")).toString(), kEligibleId);
        QCOMPARE(values.value(QStringLiteral("address")).toString(), kEligibleAddress);
        QCOMPARE(values.value(QStringLiteral("since")).toString(), QStringLiteral("2008-05-20"));
        const QDate issued = QDateTime::fromString(a.value(QStringLiteral("issued_at")).toString(), Qt::ISODateWithMs).date();
        QVERIFY(issued.isValid());
        QCOMPARE(QDate::fromString(a.value(QStringLiteral("valid_until")).toString(), Qt::ISODate), issued.addDays(30));
        const QString code = a.value(QStringLiteral("verification_code")).toString();
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Z2-9]{16}$")).match(code).hasMatch());
        QCOMPARE(a.value(QStringLiteral("verification_url")).toString(),
                 QStringLiteral("https://verify.onestop.example/certificates/") + code);

        const auto again = post("residence", request(kEligibleId), "cert-key-1");
        QCOMPARE(again->status, 200);
        QCOMPARE(json(again), a);
        const auto other = post("residence", request(kEligibleId, QStringLiteral("other")), "cert-key-1");
        QCOMPARE(other->status, 422);
        QCOMPARE(json(other).value(QStringLiteral("error")).toString(), QStringLiteral("conflict"));
        // Another key: another certificate, the next number.
        const auto second = post("residence", request(kEligibleId), "cert-key-2");
        QCOMPARE(second->status, 201);
        QVERIFY(json(second).value(QStringLiteral("certificate_number")) != a.value(QStringLiteral("certificate_number")));

        int status = 0;
        const QJsonObject verified = verify(m_sim->port(), code, &status);
        QCOMPARE(status, 200);
        QCOMPARE(verified.value(QStringLiteral("genuine")).toBool(), true);
        QCOMPARE(verified.value(QStringLiteral("certificate_number")), a.value(QStringLiteral("certificate_number")));
        QCOMPARE(verified.value(QStringLiteral("expired")).toBool(), false);
        QVERIFY(!QJsonDocument(verified).toJson().contains(kEligibleId.toUtf8()));
        QCOMPARE(verify(m_sim->port(), QStringLiteral("ZZZZZZZZZZZZZZZZ"), &status).value(QStringLiteral("genuine")).toBool(true), false);
        QCOMPARE(status, 404);
        verify(m_sim->port(), QStringLiteral("bad!"), &status);
        QCOMPARE(status, 400);
    }

    void householdProof()
    {
        const auto r = post("household", request(kEligibleId), "cert-key-h1");
        QCOMPARE(r->status, 201);
        const QJsonObject values = json(r).value(QStringLiteral("values")).toObject();
        QCOMPARE(values.value(QStringLiteral("registered_address")).toString(), kEligibleAddress);
        QCOMPARE(values.value(QStringLiteral("relationship")).toString(), QStringLiteral("户主"));
        QVERIFY(json(r).value(QStringLiteral("certificate_number")).toString().startsWith(QStringLiteral("HJ-")));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QString>("idNumber");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("no record") << QByteArray("residence") << kUnknownId << 404 << "no_record";
        QTest::newRow("not six months") << QByteArray("residence") << kNewcomerId << 409 << "not_eligible";
        QTest::newRow("household elsewhere") << QByteArray("household") << kNewcomerId << 409 << "not_eligible";
        QTest::newRow("unknown type") << QByteArray("marriage") << kEligibleId << 404 << "unknown_certificate_type";
    }
    void refusals()
    {
        QFETCH(QByteArray, type);
        QFETCH(QString, idNumber);
        QFETCH(int, status);
        QFETCH(QString, error);
        const auto r = post(type, request(idNumber), "refusal-" + QByteArray(QTest::currentDataTag()).replace(' ', '-'));
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QCOMPARE(json(r).value(QStringLiteral("error")).toString(), error);
        if (error == QLatin1String("not_eligible"))
            QVERIFY(!json(r).value(QStringLiteral("reason")).toString().isEmpty());
    }

    void invalidRequests_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QByteArray>("key");
        QJsonObject extra = request(kEligibleId);
        extra.insert(QStringLiteral("name"), QStringLiteral("x"));
        QJsonObject badType = request(kEligibleId);
        badType.insert(QStringLiteral("id_type"), QStringLiteral("passport"));
        QJsonObject badPurpose = request(kEligibleId, QStringLiteral("Employment!"));
        QJsonObject badLanguage = request(kEligibleId);
        badLanguage.insert(QStringLiteral("language"), QStringLiteral("fr"));
        QTest::newRow("no key") << request(kEligibleId) << QByteArray();
        QTest::newRow("unknown key") << extra << QByteArray("k-1");
        QTest::newRow("id type") << badType << QByteArray("k-2");
        QTest::newRow("purpose") << badPurpose << QByteArray("k-3");
        QTest::newRow("language") << badLanguage << QByteArray("k-4");
        QTest::newRow("id number") << request(QStringLiteral("12")) << QByteArray("k-5");
    }
    void invalidRequests()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QByteArray, key);
        const auto r = post("residence", body, key);
        QCOMPARE(r->status, 400);
        QCOMPARE(json(r).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
    }

    void theHookChecksRecords()
    {
        const auto r = rawExchange(m_sim->port(),
                                   RawHttpClient::request("POST", "/test/resident-record", {{"Content-Type", "application/json"}},
                                                          R"({"id_type":"resident","id_number":"1","name":"x","since":"soon"})"));
        QCOMPARE(r->status, 400);
    }

    void schemaVersion()
    {
        QString error;
        QVERIFY2(platformExec(m_dir.filePath(QStringLiteral("p.sqlite")), "SELECT 1 FROM certificates LIMIT 1", &error),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPlatformSimCertificates)
#include "tst_platform_sim_certificates.moc"
