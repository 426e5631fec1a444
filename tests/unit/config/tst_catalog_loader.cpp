#include "CatalogLoader.h"
#include "ConfigTestHelpers.h"
#include "StrictWarnings.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestCatalogLoader : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const QString &name)
    {
        return sourcePath(QStringLiteral("tests/fixtures/config/") + name);
    }

    static void verifyText(const LocalizedText &text, const QString &what)
    {
        QVERIFY2(!text.zh.trimmed().isEmpty() && !text.en.trimmed().isEmpty(), qPrintable(what));
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void shippedCatalogLoads()
    {
        const auto result = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QVERIFY(result.errors().isEmpty());
        const Catalog &catalog = result.value();
        QVERIFY(!catalog.version.isEmpty());
        QVERIFY(catalog.services.size() >= 8);
        for (const QString &id :
             {QStringLiteral("residence-permit"), QStringLiteral("residence-registration"),
              QStringLiteral("social-security-card-replacement"), QStringLiteral("elderly-allowance"),
              QStringLiteral("flexible-employment-registration"),
              QStringLiteral("maternity-medical-reimbursement"), QStringLiteral("disability-certificate"),
              QStringLiteral("household-registration-certificate")})
            QVERIFY2(catalog.find(id), qPrintable(id));
        QVERIFY(catalog.find(QStringLiteral("residence-permit"))
                    ->guide.legalBasis.zh.contains(QStringLiteral("《居住证暂行条例》")));
        QVERIFY(!catalog.find(QStringLiteral("no-such-service")));
    }

    // What the rest of the app relies on, checked on the shipped catalog.
    void shippedCatalogIsUsable()
    {
        const auto result = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QSet<QString> prefills;
        int forms = 0;
        for (const ServiceSpec &service : result.value().services) {
            if (service.isWeb())
                continue; // a page of the platform: no guide, form or devices of ours (tst_catalog_web)
            ++forms;
            verifyText(service.guide.fee, service.id);
            QVERIFY2(!service.guide.conditions.isEmpty() && !service.guide.materials.isEmpty(),
                     qPrintable(service.id));
            QVERIFY2(service.requiredDevices.contains(QStringLiteral("idcard")), qPrintable(service.id));
            // A receipt can always be shown on screen (tracking QR, reprint at the counter), so no
            // service stops when the receipt printer is out of paper.
            QVERIFY2(!service.requiredDevices.contains(QStringLiteral("receipt_printer")),
                     qPrintable(service.id));
            bool hasPhone = false;
            for (const FormFieldSpec &field : service.fields) {
                verifyText(field.label, service.id + QLatin1Char('/') + field.id);
                if (!field.prefill.isEmpty())
                    prefills.insert(field.prefill);
                if (field.type == QLatin1String("id_number") || field.type == QLatin1String("phone") ||
                    !field.prefill.isEmpty())
                    QVERIFY2(field.personal, qPrintable(service.id + QLatin1Char('/') + field.id));
                if (field.id == QLatin1String("phone")) {
                    hasPhone = true;
                    QCOMPARE(field.pattern, QStringLiteral("^1[3-9]\\d{9}$"));
                    const QRegularExpression re(QRegularExpression::anchoredPattern(field.pattern));
                    QVERIFY(re.match(QStringLiteral("13812345678")).hasMatch());
                    QVERIFY(!re.match(QStringLiteral("12812345678")).hasMatch());
                    QVERIFY(!re.match(QStringLiteral("1381234567")).hasMatch());
                }
                if (field.type == QLatin1String("choice"))
                    QVERIFY(!field.choices.isEmpty());
            }
            // A certificate service has no form: the platform issues it from its own record.
            QVERIFY2(hasPhone || (service.isCertificate() && service.fields.isEmpty()), qPrintable(service.id));
        }
        QVERIFY(forms >= 60);
        // Every card field is used somewhere, so the prefill path is exercised by the shipped catalog.
        QCOMPARE(prefills.size(), 6);
    }

    void minimalCatalogValues()
    {
        const auto result = CatalogLoader::load(fixture(QStringLiteral("catalog-minimal.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        const ServiceSpec &service = result.value().services.at(0);
        QCOMPARE(service.code, QStringLiteral("310000-GA-0101"));
        QCOMPARE(service.fields.size(), 3);
        const FormFieldSpec &name = service.fields.at(0);
        QCOMPARE(name.prefill, QStringLiteral("card.name"));
        QVERIFY(name.required);
        QVERIFY(name.personal); // prefilled from the card: personal without saying so
        const FormFieldSpec &basis = service.fields.at(2);
        QVERIFY(!basis.required); // the default
        QVERIFY(!basis.personal);
        QCOMPARE(basis.choices.size(), 1);
        QCOMPARE(basis.choices.at(0).first, QStringLiteral("employment"));
        QCOMPARE(basis.choices.at(0).second.en, QStringLiteral("Employment"));
        QCOMPARE(service.fields.at(1).patternHint.zh, QStringLiteral("11位手机号"));
        QCOMPARE(service.requiredDevices,
                 QStringList({QStringLiteral("idcard"), QStringLiteral("receipt_printer")}));
    }

    void brokenFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << "catalog-syntax-error.json"
                                << "line 2, column 24"
                                << "JSON syntax error: unterminated object";
        QTest::newRow("duplicate service")
            << "catalog-duplicate-service-id.json"
            << "/services/1/id"
            << "duplicate service id \"residence-permit\" (first at /services/0)";
        QTest::newRow("field type")
            << "catalog-bad-field-type.json"
            << "/services/0/fields/0/type"
            << "unknown field type \"txt\"; expected one of: text, id_number, phone, date, "
               "number, choice, textarea (did you mean \"text\"?)";
        QTest::newRow("regex") << "catalog-bad-regex.json"
                               << "/services/0/fields/1/pattern"
                               << "invalid regular expression: missing terminating ] for character class";
        QTest::newRow("missing en") << "catalog-missing-en.json"
                                    << "/services/1/name/en"
                                    << "required key \"en\" is missing";
        QTest::newRow("empty en") << "catalog-empty-en.json"
                                  << "/services/0/guide/materials/0/en"
                                  << "must not be empty";
        QTest::newRow("device kind") << "catalog-unknown-device-kind.json"
                                     << "/services/0/required_devices/1"
                                     << "unknown device kind \"printer\"";
        QTest::newRow("no choices") << "catalog-choice-without-choices.json"
                                    << "/services/0/fields/2/choices"
                                    << "a choice field needs at least one choice";
        QTest::newRow("duplicate field") << "catalog-duplicate-field-id.json"
                                         << "/services/1/fields/2/id"
                                         << "duplicate field id \"phone\" (first at /services/1/fields/1)";
        QTest::newRow("unknown key") << "catalog-unknown-key.json"
                                     << "/services/0/fields/0/requried"
                                     << "unknown key \"requried\" (did you mean \"required\"?)";
        QTest::newRow("prefill type") << "catalog-prefill-type-mismatch.json"
                                      << "/services/0/fields/0/prefill"
                                      << "card.birth can only fill a field of type date, not text";
        QTest::newRow("personal false") << "catalog-personal-false.json"
                                        << "/services/0/fields/1/personal"
                                        << "cannot be false";
    }

    void brokenFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, place);
        QFETCH(QString, message);
        const QString path = fixture(file);
        const auto result = CatalogLoader::load(path);
        QVERIFY(!result.ok()); // never a half-loaded catalog
        QVERIFY2(hasError(result.errors(), path, place, message), qPrintable(errorList(result.errors())));
        QCOMPARE(result.errors().size(), 1);
    }

    void inlineProblems_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("message");
        const QString label = QStringLiteral(R"("label": {"zh": "字段", "en": "Field"})");
        auto row = [&](const char *name, const QString &body, const char *place, const char *message) {
            QTest::newRow(name) << (QLatin1Char('{') + label + QStringLiteral(", ") + body + QLatin1Char('}'))
                                << QString::fromLatin1(place) << QString::fromLatin1(message);
        };
        row("hint without pattern", R"("id": "a", "type": "text", "pattern_hint": {"zh": "x", "en": "x"})",
            "/services/0/fields/0/pattern_hint", "only allowed together with a pattern");
        row("pattern without hint", R"("id": "a", "type": "text", "pattern": "^a$")",
            "/services/0/fields/0/pattern_hint", "required key \"pattern_hint\" is missing");
        row("choices on text",
            R"("id": "a", "type": "text", "choices": [{"value": "x", "label": {"zh": "x", "en": "x"}}])",
            "/services/0/fields/0/choices", "choices are only allowed on choice fields");
        row("choice needs choices", R"("id": "a", "type": "choice")", "/services/0/fields/0/choices",
            "required key \"choices\" is missing");
        row("duplicate choice",
            R"("id": "a", "type": "choice", "choices": [{"value": "x", "label": {"zh": "x", "en": "x"}},
            {"value": "x", "label": {"zh": "y", "en": "y"}}])",
            "/services/0/fields/0/choices/1/value", "duplicate choice value \"x\"");
        row("sex choice values", R"("id": "a", "type": "choice", "prefill": "card.sex",
            "choices": [{"value": "m", "label": {"zh": "男", "en": "Male"}}, {"value": "female", "label": {"zh": "女", "en": "Female"}}])",
            "/services/0/fields/0/prefill",
            "card.sex fills a choice field only if it has a choice with value \"male\"");
        row("minimum on text", R"("id": "a", "type": "text", "minimum": 1)", "/services/0/fields/0/minimum",
            "only allowed on number fields");
        row("range order", R"("id": "a", "type": "number", "minimum": 5, "maximum": 1)",
            "/services/0/fields/0/maximum", "must not be less than minimum (5)");
        row("length order", R"("id": "a", "type": "text", "min_length": 5, "max_length": 2)",
            "/services/0/fields/0/max_length", "must not be less than min_length (5)");
        row("field id", R"("id": "Phone-1", "type": "text")", "/services/0/fields/0/id",
            "a field id is lower case letters");
        row("prefill typo", R"("id": "a", "type": "text", "prefill": "card.nmae")",
            "/services/0/fields/0/prefill",
            "unknown prefill source \"card.nmae\"; expected one of: card.name, card.id_number, card.sex, "
            "card.birth, "
            "card.address, card.ethnicity (did you mean \"card.name\"?)");
        row("required not bool", R"("id": "a", "type": "text", "required": "yes")",
            "/services/0/fields/0/required", "expected true or false, found a string");
        row("label twice, last not object", R"("id": "a", "type": "text", "label": "Name")",
            "/services/0/fields/0/label", "expected an object, found a string");
        row("label twice", R"("id": "a", "type": "text", "label": "Name")", "/services/0/fields/0/label",
            "duplicate key (JSON keeps only the last one)");
    }

    void inlineProblems()
    {
        QFETCH(QString, field);
        QFETCH(QString, place);
        QFETCH(QString, message);
        const QString json = QStringLiteral(R"({"version": "1", "services": [{"id": "s", "code": "S-1",
            "name": {"zh": "名", "en": "N"}, "department": {"zh": "部门", "en": "D"}, "summary": {"zh": "摘要", "en": "S"},
            "guide": {"conditions": [{"zh": "条件", "en": "C"}], "materials": [{"zh": "材料", "en": "M"}],
                      "processing_time": {"zh": "1日", "en": "1 day"}, "fee": {"zh": "免费", "en": "Free"},
                      "legal_basis": {"zh": "条例", "en": "Regulation"}},
            "fields": [%1], "required_devices": []}]})")
                                 .arg(field);
        const auto result = CatalogLoader::parse(json.toUtf8(), QStringLiteral("inline.json"));
        QVERIFY(!result.ok());
        if (!hasError(result.errors(), QStringLiteral("inline.json"), place, message))
            QFAIL(qPrintable(errorList(result.errors())));
    }

    // "e_licences": known types, each once, with names; not on web services; an empty list is a mistake.
    void eLicences_data()
    {
        QTest::addColumn<QString>("licences");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("message");
        QTest::newRow("fine") << R"([{"type": "property_certificate", "name": {"zh": "不动产权证书", "en": "Property certificate"}}])"
                              << QString() << QString();
        QTest::newRow("empty") << "[]" << "/services/0/e_licences" << "must list at least one e-licence type";
        QTest::newRow("unknown type") << R"([{"type": "fishing_permit", "name": {"zh": "证", "en": "P"}}])"
                                      << "/services/0/e_licences/0/type" << "unknown e-licence type \"fishing_permit\"";
        QTest::newRow("twice") << R"([{"type": "business_licence", "name": {"zh": "证", "en": "B"}},
                                     {"type": "business_licence", "name": {"zh": "证", "en": "B"}}])"
                               << "/services/0/e_licences/1/type" << "is listed twice";
        QTest::newRow("no name") << R"([{"type": "business_licence"}])" << "/services/0/e_licences/0/name"
                                 << "required key \"name\" is missing";
        QTest::newRow("unknown key") << R"([{"type": "business_licence", "name": {"zh": "证", "en": "B"}, "x": 1}])"
                                     << "/services/0/e_licences/0/x" << "unknown key";
    }
    void eLicences()
    {
        QFETCH(QString, licences);
        QFETCH(QString, place);
        QFETCH(QString, message);
        const QString json = QStringLiteral(R"({"version": "1", "services": [{"id": "s", "code": "S-1",
            "name": {"zh": "名", "en": "N"}, "department": {"zh": "部门", "en": "D"}, "summary": {"zh": "摘要", "en": "S"},
            "guide": {"conditions": [{"zh": "条件", "en": "C"}], "materials": [{"zh": "材料", "en": "M"}],
                      "processing_time": {"zh": "1日", "en": "1 day"}, "fee": {"zh": "免费", "en": "Free"},
                      "legal_basis": {"zh": "条例", "en": "Regulation"}},
            "fields": [], "required_devices": [], "e_licences": %1}]})")
                                 .arg(licences);
        const auto result = CatalogLoader::parse(json.toUtf8(), QStringLiteral("inline.json"));
        if (place.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(errorList(result.errors())));
            const ServiceSpec *service = result.value().find(QStringLiteral("s"));
            QVERIFY(service);
            QCOMPARE(service->eLicenceTypes(), QStringList(QStringLiteral("property_certificate")));
            QCOMPARE(service->eLicences.first().name.zh, QStringLiteral("不动产权证书"));
            return;
        }
        QVERIFY(!result.ok());
        if (!hasError(result.errors(), QStringLiteral("inline.json"), place, message))
            QFAIL(qPrintable(errorList(result.errors())));
    }

    void shippedCatalogAcceptsELicences()
    {
        const auto result = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(result.ok(), qPrintable(errorList(result.errors())));
        const ServiceSpec *registration = result.value().find(QStringLiteral("residence-registration"));
        QVERIFY(registration);
        QCOMPARE(registration->eLicenceTypes(), QStringList(QStringLiteral("property_certificate")));
        QVERIFY(!registration->requiredDevices.contains(QStringLiteral("camera")));
        const ServiceSpec *permit = result.value().find(QStringLiteral("residence-permit"));
        QVERIFY(permit);
        QCOMPARE(permit->eLicenceTypes(),
                 (QStringList{QStringLiteral("property_certificate"), QStringLiteral("business_licence")}));
    }

    void unknownFieldTypeGivesOneError()
    {
        const QByteArray json = QByteArray(R"({"version": "1", "services": [{"id": "s", "code": "S-1",
            "name": {"zh": "名", "en": "N"}, "department": {"zh": "部门", "en": "D"}, "summary": {"zh": "摘要", "en": "S"},
            "guide": {"conditions": [{"zh": "条件", "en": "C"}], "materials": [{"zh": "材料", "en": "M"}],
                      "processing_time": {"zh": "1日", "en": "1 day"}, "fee": {"zh": "免费", "en": "Free"},
                      "legal_basis": {"zh": "条例", "en": "Regulation"}},
            "fields": [{"id": "a", "label": {"zh": "甲", "en": "A"}, "type": "chioce", "decimals": 2,
                        "choices": [{"value": "x", "label": {"zh": "x", "en": "x"}}]}],
            "required_devices": ["idcard"]}]})");
        const auto result = CatalogLoader::parse(json, QStringLiteral("c.json"));
        QVERIFY(!result.ok());
        QCOMPARE(result.errors().size(), 1); // no follow-on errors about choices or decimals
        QVERIFY2(hasError(result.errors(), QStringLiteral("c.json"),
                          QStringLiteral("/services/0/fields/0/type"),
                          QStringLiteral("unknown field type \"chioce\"")),
                 qPrintable(errorList(result.errors())));
        QVERIFY(result.errors().at(0).message.endsWith(QStringLiteral("(did you mean \"choice\"?)")));
    }

    void duplicateServiceCode()
    {
        QFile file(fixture(QStringLiteral("catalog-minimal.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll().replace("310000-GA-0102", "310000-GA-0101");
        const auto result = CatalogLoader::parse(json, QStringLiteral("c.json"));
        QVERIFY(!result.ok());
        QVERIFY2(hasError(result.errors(), QStringLiteral("c.json"), QStringLiteral("/services/1/code"),
                          QStringLiteral("duplicate service code \"310000-GA-0101\" (first at /services/0)")),
                 qPrintable(errorList(result.errors())));
    }

    // Categories and life events (docs/catalog.md): the shipped catalog puts every service in a category.
    void shippedCatalogHasCategoriesAndLifeEvents()
    {
        const auto result = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        const Catalog &catalog = result.value();
        QVERIFY(catalog.services.size() >= 60);
        QVERIFY(catalog.categories.size() >= 8);
        QVERIFY(catalog.lifeEvents.size() >= 8);
        QSet<QString> categories, events, used;
        for (const CatalogTerm &t : catalog.categories) {
            categories.insert(t.id);
            verifyText(t.name, t.id);
        }
        for (const CatalogTerm &t : catalog.lifeEvents) {
            events.insert(t.id);
            verifyText(t.name, t.id);
        }
        for (const ServiceSpec &service : catalog.services) {
            QVERIFY2(categories.contains(service.category), qPrintable(service.id));
            used.insert(service.category);
            for (const QString &e : service.lifeEvents)
                QVERIFY2(events.contains(e), qPrintable(service.id + QLatin1Char(' ') + e));
            if (service.isWeb())
                continue;
            verifyText(service.guide.processingTime, service.id);
            verifyText(service.guide.legalBasis, service.id);
        }
        QCOMPARE(used, categories); // no empty category on the screen
        QCOMPARE(catalog.find(QStringLiteral("residence-permit"))->category, QStringLiteral("household"));
        QVERIFY(catalog.find(QStringLiteral("elderly-allowance"))
                    ->lifeEvents.contains(QStringLiteral("old-age")));
    }

    void termProblems_data()
    {
        QTest::addColumn<QString>("top");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("message");
        const QString terms =
            QStringLiteral(R"("categories": [{"id": "household", "name": {"zh": "户籍", "en": "Household"}}],
            "life_events": [{"id": "birth", "name": {"zh": "出生", "en": "Birth"}}],)");
        QTest::newRow("unknown category")
            << terms << QStringLiteral(R"("category": "housholds",)") << "/services/0/category"
            << "unknown category \"housholds\"; expected one of: household";
        QTest::newRow("missing category") << terms << QString() << "/services/0/category"
                                          << "required key \"category\" is missing";
        QTest::newRow("no categories declared")
            << QString() << QStringLiteral(R"("category": "household",)") << "/services/0/category"
            << "the catalog declares no categories";
        QTest::newRow("unknown life event")
            << terms << QStringLiteral(R"("category": "household", "life_events": ["birth", "death"],)")
            << "/services/0/life_events/1"
            << "unknown life event \"death\"";
        QTest::newRow("life event twice")
            << terms << QStringLiteral(R"("category": "household", "life_events": ["birth", "birth"],)")
            << "/services/0/life_events/1"
            << "life event \"birth\" is listed twice";
        QTest::newRow("duplicate category")
            << QStringLiteral(R"("categories": [{"id": "a", "name": {"zh": "甲", "en": "A"}},
                                                {"id": "a", "name": {"zh": "乙", "en": "B"}}],)")
            << QStringLiteral(R"("category": "a",)") << "/categories/1/id"
            << "duplicate category id \"a\" (first at /categories/0)";
        QTest::newRow("bad term id")
            << QStringLiteral(R"("life_events": [{"id": "Birth", "name": {"zh": "出生", "en": "Birth"}}],)")
            << QString() << "/life_events/0/id"
            << "a life event id is lower case words joined by '-'";
        QTest::newRow("blank keyword")
            << QString() << QStringLiteral(R"("keywords": ["  "],)") << "/services/0/keywords/0"
            << "expected a word, found a blank string";
    }

    // A catalog whose services name categories or life events it does not declare is refused whole.
    void termProblems()
    {
        QFETCH(QString, top);
        QFETCH(QString, service);
        QFETCH(QString, place);
        QFETCH(QString, message);
        const QString json = QStringLiteral(R"({"version": "1", %1 "services": [{"id": "s", "code": "S-1", %2
            "name": {"zh": "名", "en": "N"}, "department": {"zh": "部门", "en": "D"}, "summary": {"zh": "摘要", "en": "S"},
            "guide": {"conditions": [{"zh": "条件", "en": "C"}], "materials": [{"zh": "材料", "en": "M"}],
                      "processing_time": {"zh": "1日", "en": "1 day"}, "fee": {"zh": "免费", "en": "Free"},
                      "legal_basis": {"zh": "条例", "en": "Regulation"}},
            "fields": [], "required_devices": []}]})")
                                 .arg(top, service);
        const auto result = CatalogLoader::parse(json.toUtf8(), QStringLiteral("c.json"));
        QVERIFY(!result.ok());
        QVERIFY2(hasError(result.errors(), QStringLiteral("c.json"), place, message),
                 qPrintable(errorList(result.errors())));
        QCOMPARE(result.errors().size(), 1);
    }

    void emptyServicesList()
    {
        const auto result =
            CatalogLoader::parse(R"({"version": "1", "services": []})", QStringLiteral("c.json"));
        QVERIFY(!result.ok());
        QVERIFY(hasError(result.errors(), QStringLiteral("c.json"), QStringLiteral("/services"),
                         QStringLiteral("must list at least one service")));
    }
};

QTEST_GUILESS_MAIN(TestCatalogLoader)
#include "tst_catalog_loader.moc"
