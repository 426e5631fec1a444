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
        QCOMPARE(residents.size(), 8);
        bool elderly = false, endsInX = false, longTerm = false;
        // The first five are resident ID cards; the others one card of each other type (below).
        for (const IdCardData &card : residents.mid(0, 5)) {
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

        const IdCardData &permit = residents.at(5);
        QCOMPARE(permit.cardType, IdCardData::CardType::HkMoTwPermit);
        QVERIFY(permit.ethnicity.isEmpty());
        QCOMPARE(permit.birth, IdNumber::birthDate(permit.idNumber));
        const IdCardData &foreign2017 = residents.at(6);
        QCOMPARE(foreign2017.cardType, IdCardData::CardType::Foreign2017);
        QCOMPARE(foreign2017.idNumber.size(), 15);
        QVERIFY(IdNumber::checkAny(foreign2017.idNumber).isValid());
        QCOMPARE(foreign2017.birth, IdNumber::birthDate(foreign2017.idNumber));
        QCOMPARE(foreign2017.nationality, QStringLiteral("USA"));
        QVERIFY(!foreign2017.englishName.isEmpty());
        QCOMPARE(foreign2017.name, foreign2017.chineseName);
        const IdCardData &foreign2023 = residents.at(7);
        QCOMPARE(foreign2023.cardType, IdCardData::CardType::Foreign2023);
        QVERIFY(foreign2023.idNumber.startsWith(QLatin1Char('9')));
        QVERIFY(IdNumber::check(foreign2023.idNumber).isValid());
        QVERIFY(foreign2023.chineseName.isEmpty());
        QCOMPARE(foreign2023.name, foreign2023.englishName); // no Chinese name: the English one
        QVERIFY(foreign2023.issuer.isEmpty());
    }

    void foreignerCardNeedsItsEnglishNameAndNationality()
    {
        const QByteArray json = R"({"residents": [{"sex": "male", "birth": "1985-05-15",
            "id_number": "USA310085051511", "issuer": "3100", "valid_from": "2018-04-02",
            "valid_to": "2028-04-02", "nationality": "usa"}]})";
        const auto result = SampleResidents::parse(json, QStringLiteral("r.json"), QDate(2026, 1, 1));
        QVERIFY(!result.ok());
        QVERIFY2(hasError(result.errors(), QStringLiteral("r.json"), QStringLiteral("/residents/0/english_name"),
                          QStringLiteral("required")),
                 qPrintable(errorList(result.errors())));
        QVERIFY2(hasError(result.errors(), QStringLiteral("r.json"), QStringLiteral("/residents/0/nationality"),
                          QStringLiteral("alpha-3")),
                 qPrintable(errorList(result.errors())));
        QVERIFY(!result.errorText().contains(QStringLiteral("310085")));
    }

    void foreigner2017BirthMustMatchTheNumber()
    {
        const QByteArray json = R"({"residents": [{"english_name": "SMITH, JOHN", "nationality": "USA",
            "sex": "male", "birth": "1985-05-16", "id_number": "USA310085051511", "issuer": "3100",
            "valid_from": "2018-04-02", "valid_to": "2028-04-02"}]})";
        const auto result = SampleResidents::parse(json, QStringLiteral("r.json"), QDate(2026, 1, 1));
        QVERIFY(!result.ok());
        QVERIFY2(hasError(result.errors(), QStringLiteral("r.json"), QStringLiteral("/residents/0/birth"),
                          QStringLiteral("does not match the birth date inside id_number")),
                 qPrintable(errorList(result.errors())));
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
