#include "FieldValidator.h"
#include "FormController.h"
#include "SessionFixture.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

class TestFormController : public QObject
{
    Q_OBJECT

    static QVariant role(const FormController &form, const QString &fieldId, int role)
    {
        for (int row = 0; row < form.rowCount(); ++row) {
            const QModelIndex index = form.index(row);
            if (form.data(index, FormController::FieldIdRole).toString() == fieldId)
                return form.data(index, role);
        }
        return {};
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void prefillsLocksAndMasksCardValues()
    {
        FormController form;
        form.load(testCatalog().services.first(), testCard(), QStringLiteral("zh_CN"));
        QCOMPARE(form.value(QStringLiteral("name")), QStringLiteral("王秀英"));
        QVERIFY(role(form, QStringLiteral("name"), FormController::LockedRole).toBool());
        QCOMPARE(role(form, QStringLiteral("id_number"), FormController::ValueRole).toString(), QStringLiteral("310104********0029"));
        QCOMPARE(role(form, QStringLiteral("name"), FormController::ValueRole).toString(), QStringLiteral("王**"));
        form.setValue(QStringLiteral("name"), QStringLiteral("someone else")); // locked: ignored
        QCOMPARE(form.value(QStringLiteral("name")), QStringLiteral("王秀英"));
        // The review rows are the one place with the full values.
        const QVariantList rows = form.reviewRows();
        QCOMPARE(rows.at(1).toMap().value(QStringLiteral("value")).toString(), testCard().idNumber);
    }

    void validatesAsTyped()
    {
        FormController form;
        form.load(testCatalog().services.first(), testCard(), QStringLiteral("en"));
        QSignalSpy validity(&form, &FormController::validityChanged);
        QVERIFY(!form.isValid());
        QVERIFY(form.error(QStringLiteral("phone")).isEmpty()); // untouched: no message yet
        form.setValue(QStringLiteral("phone"), QStringLiteral("1381234"));
        QVERIFY(form.error(QStringLiteral("phone")).contains(QStringLiteral("11-digit")));
        form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        QVERIFY(form.error(QStringLiteral("phone")).isEmpty());
        form.setValue(QStringLiteral("reason"), QStringLiteral("stolen"));
        QVERIFY(!form.error(QStringLiteral("reason")).isEmpty());
        form.setValue(QStringLiteral("reason"), QStringLiteral("damaged"));
        QVERIFY(form.isValid());
        QVERIFY(validity.count() >= 1);
        QCOMPARE(form.values().value(QStringLiteral("reason")).toString(), QStringLiteral("damaged"));
        QCOMPARE(form.reviewRows().at(3).toMap().value(QStringLiteral("value")).toString(), QStringLiteral("Damaged"));
    }

    void validateAllShowsMissingRequiredValues()
    {
        FormController form;
        form.load(testCatalog().services.first(), IdCardData(), QStringLiteral("en"));
        QVERIFY(!form.validateAll());
        QVERIFY(form.error(QStringLiteral("name")).contains(QStringLiteral("required")));
        QVERIFY(!role(form, QStringLiteral("name"), FormController::LockedRole).toBool()); // nothing from a card
    }

    void typedIdNumbersAreChecked_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("valid") << QStringLiteral("310104194803010029") << QString();
        QTest::newRow("lower x accepted") << QStringLiteral("11010519491231002x") << QString();
        QTest::newRow("short") << QStringLiteral("3101041948") << QStringLiteral("18 characters");
        QTest::newRow("bad check") << QStringLiteral("310104194803010028") << QStringLiteral("check each digit");
        QTest::newRow("bad date") << QStringLiteral("310104194802300024") << QStringLiteral("birth date");
    }

    void typedIdNumbersAreChecked()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        FormController form;
        form.load(testCatalog().services.first(), IdCardData(), QStringLiteral("en"));
        form.setValue(QStringLiteral("id_number"), typed);
        const QString error = form.error(QStringLiteral("id_number"));
        if (expected.isEmpty())
            QVERIFY2(error.isEmpty(), qPrintable(error));
        else
            QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void numberFieldsHonourBoundsAndDecimals_data()
    {
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // empty = accepted, else part of the message
        QTest::newRow("whole") << 0 << QStringLiteral("3") << QString();
        QTest::newRow("whole refuses fraction") << 0 << QStringLiteral("3.5") << QStringLiteral("whole number");
        QTest::newRow("amount") << 2 << QStringLiteral("1234.56") << QString();
        QTest::newRow("too many decimals") << 2 << QStringLiteral("1.234") << QStringLiteral("at most 2 digit");
        QTest::newRow("below minimum") << 0 << QStringLiteral("0") << QStringLiteral("smallest accepted value is 1");
        QTest::newRow("above maximum") << 2 << QStringLiteral("100000.01") << QStringLiteral("largest accepted value is 100000");
        QTest::newRow("exponent") << 2 << QStringLiteral("1e3") << QStringLiteral("such as 12");
        QTest::newRow("negative") << 0 << QStringLiteral("-2") << QStringLiteral("whole number");
    }

    void numberFieldsHonourBoundsAndDecimals()
    {
        QFETCH(int, decimals);
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        FormFieldSpec field;
        field.id = QStringLiteral("amount");
        field.type = QStringLiteral("number");
        field.required = true;
        field.minimum = 1;
        field.maximum = 100000;
        field.decimals = decimals;
        const QString error = FieldValidator::check(field, typed, QStringLiteral("en"));
        if (expected.isEmpty())
            QVERIFY2(error.isEmpty(), qPrintable(error));
        else
            QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void clearForgetsEverything()
    {
        FormController form;
        form.load(testCatalog().services.first(), testCard(), QStringLiteral("en"));
        form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        form.clear();
        QCOMPARE(form.rowCount(), 0);
        QVERIFY(form.value(QStringLiteral("phone")).isEmpty());
        QVERIFY(form.reviewRows().isEmpty());
        QVERIFY(!form.isValid());
    }
};

QTEST_MAIN(TestFormController)
#include "tst_form_controller.moc"
