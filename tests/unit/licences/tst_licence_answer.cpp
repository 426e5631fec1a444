// parseLicences: the platform's e-licence answer (docs/platform-api.md, "E-licences") is taken only when every
// entry is well formed and of a type the kiosk asked for; anything else is garbage, the reason names the
// entry and the field, never a value.
#include "Licence.h"
#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QStringList kAsked{QStringLiteral("property_certificate"), QStringLiteral("business_licence")};

QJsonObject goodLicence()
{
    return QJsonObject{{QStringLiteral("licence_id"), QStringLiteral("L-2019-0001")},
                       {QStringLiteral("type"), QStringLiteral("property_certificate")},
                       {QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("不动产权证书")},
                                                            {QStringLiteral("en"), QStringLiteral("Property certificate")}}},
                       {QStringLiteral("issuer"), QStringLiteral("上海市不动产登记局")},
                       {QStringLiteral("number_masked"), QStringLiteral("沪(2019)徐汇区不动产权第****321号")},
                       {QStringLiteral("valid_until"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("status"), QStringLiteral("valid")}};
}

QJsonObject answerWith(const QJsonArray &licences)
{
    return QJsonObject{{QStringLiteral("licences"), licences}};
}

} // namespace

class TestLicenceAnswer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void aWellFormedAnswerIsTaken()
    {
        QJsonObject expired = goodLicence();
        expired.insert(QStringLiteral("licence_id"), QStringLiteral("L-2010-0002"));
        expired.insert(QStringLiteral("type"), QStringLiteral("business_licence"));
        expired.insert(QStringLiteral("valid_until"), QStringLiteral("2020-12-31"));
        expired.insert(QStringLiteral("status"), QStringLiteral("expired"));
        QJsonObject answer = answerWith({goodLicence(), expired});
        answer.insert(QStringLiteral("something_new"), 1); // fields a later platform adds are ignored
        QList<Licence> licences;
        QString error;
        QVERIFY2(parseLicences(answer, kAsked, &licences, &error), qPrintable(error));
        QCOMPARE(licences.size(), 2);
        QCOMPARE(licences[0].licenceId, QStringLiteral("L-2019-0001"));
        QCOMPARE(licences[0].name.zh, QStringLiteral("不动产权证书"));
        QVERIFY(!licences[0].validUntil.isValid());
        QVERIFY(licences[0].isSelectable());
        QCOMPARE(licences[1].status, Licence::Status::Expired);
        QCOMPARE(licences[1].validUntil, QDate(2020, 12, 31));
        QVERIFY(!licences[1].isSelectable());
        QVERIFY(parseLicences(answerWith({}), kAsked, &licences, &error));
        QVERIFY(licences.isEmpty());
    }

    void garbageIsRefusedWithItsReason_data()
    {
        QTest::addColumn<QJsonObject>("answer");
        QTest::addColumn<QString>("reason");
        const auto with = [](const char *key, const QJsonValue &value) {
            QJsonObject l = goodLicence();
            if (value.isUndefined())
                l.remove(QLatin1String(key));
            else
                l.insert(QLatin1String(key), value);
            return answerWith({l});
        };
        QTest::newRow("no array") << QJsonObject{{QStringLiteral("licences"), 3}} << "no \"licences\" array";
        QTest::newRow("empty object") << QJsonObject() << "no \"licences\" array";
        QJsonArray many;
        for (int i = 0; i < 51; ++i) {
            QJsonObject l = goodLicence();
            l.insert(QStringLiteral("licence_id"), QStringLiteral("L-%1").arg(i));
            many.append(l);
        }
        QTest::newRow("too many") << answerWith(many) << "51 licences";
        QTest::newRow("not an object") << answerWith({QStringLiteral("L-1")}) << "licence 0: licence_id";
        QTest::newRow("bad id") << with("licence_id", QStringLiteral("../etc")) << "licence 0: licence_id";
        QTest::newRow("no id") << with("licence_id", QJsonValue::Undefined) << "licence 0: licence_id";
        QTest::newRow("twice") << answerWith({goodLicence(), goodLicence()}) << "licence 1: licence_id listed twice";
        QTest::newRow("type not asked") << with("type", QStringLiteral("driving_licence")) << "not asked for";
        QTest::newRow("no name") << with("name", QJsonValue::Undefined) << "licence 0: name";
        QTest::newRow("name one language")
            << with("name", QJsonObject{{QStringLiteral("zh"), QStringLiteral("证")}}) << "licence 0: name";
        QTest::newRow("issuer blank") << with("issuer", QStringLiteral("  ")) << "licence 0: issuer";
        QTest::newRow("number too long") << with("number_masked", QString(101, QLatin1Char('x'))) << "number_masked";
        QTest::newRow("bad date") << with("valid_until", QStringLiteral("soon")) << "valid_until";
        QTest::newRow("unknown status") << with("status", QStringLiteral("maybe")) << "licence 0: status";
    }
    void garbageIsRefusedWithItsReason()
    {
        QFETCH(QJsonObject, answer);
        QFETCH(QString, reason);
        QList<Licence> licences{Licence()};
        QString error;
        QVERIFY(!parseLicences(answer, kAsked, &licences, &error));
        QVERIFY2(error.startsWith(QStringLiteral("garbage: ")) && error.contains(reason), qPrintable(error));
        QCOMPARE(licences.size(), 1); // untouched: nothing of a bad answer is used
    }
};

QTEST_MAIN(TestLicenceAnswer)
#include "tst_licence_answer.moc"
