#include "ConfigTestHelpers.h"
#include "IdNumber.h"
#include "SampleResidents.h"
#include "StrictWarnings.h"

#include <QTest>

class TestSampleResidents : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const QString &name)
    {
        return sourcePath(QStringLiteral("tests/fixtures/config/") + name);
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void shippedResidentsAreValidCards()
    {
        const auto result = SampleResidents::load(sourcePath(QStringLiteral("kiosk-config/residents.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        const QVector<IdCardData> &residents = result.value();
        QCOMPARE(residents.size(), 5);
        bool elderly = false, endsInX = false, longTerm = false;
        for (const IdCardData &card : residents) {
            const IdNumberCheck check = IdNumber::check(card.idNumber);
            QVERIFY2(check.isValid(), qPrintable(check.message()));
            QVERIFY(card.idNumber.startsWith(QLatin1String("310"))); // Shanghai region codes
            QCOMPARE(card.birth, IdNumber::birthDate(card.idNumber));
            QCOMPARE(card.sex == IdCardData::Sex::Male, IdNumber::sex(card.idNumber) == IdNumber::Sex::Male);
            QCOMPARE(card.cardType, IdCardData::CardType::Resident);
            QVERIFY(!card.name.isEmpty());
            QVERIFY(!card.ethnicity.isEmpty());
            QVERIFY(card.address.contains(QStringLiteral("徐汇区")));
            QVERIFY(!card.issuer.isEmpty());
            QVERIFY(card.validFrom.isValid());
            QVERIFY(card.longTerm != card.validTo.isValid());
            elderly = elderly || card.birth.year() == 1948;
            endsInX = endsInX || card.idNumber.endsWith(QLatin1Char('X'));
            longTerm = longTerm || card.longTerm;
        }
        QVERIFY(elderly);
        QVERIFY(endsInX);
        QVERIFY(longTerm);
    }

    void badIdNumber()
    {
        const QString path = fixture(QStringLiteral("residents-bad-id-number.json"));
        const auto result = SampleResidents::load(path);
        QVERIFY(!result.ok());
        QVERIFY2(hasError(result.errors(), path, QStringLiteral("/residents/0/id_number"),
                          QStringLiteral("not a valid ID number: bad check character: found 6, expected 5")),
                 qPrintable(errorList(result.errors())));
        QCOMPARE(result.errors().size(), 1);
        QVERIFY(!result.errorText().contains(QStringLiteral("31010419480312"))); // no personal data in errors
        QVERIFY(!result.errorText().contains(QStringLiteral("测试甲")));
    }

    void fieldsMustAgreeWithTheNumber()
    {
        const QString path = fixture(QStringLiteral("residents-mismatch.json"));
        const auto result = SampleResidents::load(path);
        QVERIFY(!result.ok());
        const ConfigErrors &errors = result.errors();
        QVERIFY2(hasError(errors, path, QStringLiteral("/residents/0/birth"),
                          QStringLiteral("does not match the birth date inside id_number")),
                 qPrintable(errorList(errors)));
        QVERIFY(hasError(errors, path, QStringLiteral("/residents/0/sex"),
                         QStringLiteral("does not match the sex digit of id_number")));
        QVERIFY(hasError(errors, path, QStringLiteral("/residents/0/valid_to"),
                         QStringLiteral("must be after valid_from")));
        QCOMPARE(errors.size(), 3); // the second entry, a Hong Kong permit without ethnicity, is fine
    }

    void permitAndLongTermParsing()
    {
        const QByteArray json = R"({"residents": [{"name": "測試", "sex": "male", "birth": "1990-01-01",
            "address": "香港", "id_number": "810000199001010019", "issuer": "出入境管理局", "valid_from": "2019-01-01",
            "valid_to": "长期"}]})";
        const auto result = SampleResidents::parse(json, QStringLiteral("r.json"));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        const IdCardData &card = result.value().at(0);
        QCOMPARE(card.cardType, IdCardData::CardType::HkMoTwPermit);
        QVERIFY(card.longTerm);
        QVERIFY(!card.validTo.isValid());
        QVERIFY(card.ethnicity.isEmpty());
    }

    void residentCardNeedsEthnicity()
    {
        const QByteArray json = R"({"residents": [{"name": "测试", "sex": "female", "birth": "1948-03-12",
            "address": "上海", "id_number": "310104194803120025", "issuer": "分局", "valid_from": "2008-05-20",
            "valid_to": "2028-5-20"}]})";
        const auto result = SampleResidents::parse(json, QStringLiteral("r.json"));
        QVERIFY(!result.ok());
        QVERIFY(hasError(result.errors(), QStringLiteral("r.json"), QStringLiteral("/residents/0/ethnicity"),
                         QStringLiteral("required key \"ethnicity\" is missing")));
        QVERIFY(hasError(result.errors(), QStringLiteral("r.json"), QStringLiteral("/residents/0/valid_to"),
                         QStringLiteral("expected a date as YYYY-MM-DD or \"long-term\"")));
        QCOMPARE(result.errors().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSampleResidents)
#include "tst_sample_residents.moc"
