// Certificate templates: the shipped ones load, and bad ones are refused with the file and place.
#include "CertificateTemplate.h"
#include "StrictWarnings.h"

#include <QDir>
#include <QtTest>

class TestDocumentsTemplate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    // Every template in kiosk-config/documents loads.
    void shippedTemplatesLoad()
    {
        const QDir dir(sourcePath(QStringLiteral("kiosk-config/documents")));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files) {
            QString error;
            const auto t = CertificateTemplate::load(dir.filePath(file), &error);
            QVERIFY2(t.has_value(), qPrintable(error));
            QVERIFY(!t->paragraphs.isEmpty());
        }
    }

    void fill()
    {
        QString error;
        const auto t = CertificateTemplate::parse(R"({"id": "t", "title": {"zh": "证明", "en": "Proof"},
            "paragraphs": [{"zh": "兹证明{name}住在{address}。", "en": "{name} lives at {address}."}],
            "placeholders": ["name", "address"]})",
                                                  QStringLiteral("t.json"), &error);
        QVERIFY2(t.has_value(), qPrintable(error));
        const QMap<QString, QString> values{{QStringLiteral("name"), QStringLiteral("李*")},
                                            {QStringLiteral("address"), QStringLiteral("{name}路")}};
        QCOMPARE(t->fill(QStringLiteral("zh_CN"), values, &error),
                 QStringList{QStringLiteral("兹证明李*住在{name}路。")});
        QCOMPARE(t->fill(QStringLiteral("en"), values, &error),
                 QStringList{QStringLiteral("李* lives at {name}路.")});
        QVERIFY(
            t->fill(QStringLiteral("en"), {{QStringLiteral("name"), QStringLiteral("x")}}, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("t: no value for {address}"));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const QByteArray ok = R"("id": "t", "title": {"zh": "证明"}, )";
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("t.json: offset 1:");
        QTest::newRow("unknown key")
            << QByteArray("{" + ok + R"("paragraphs": [{"zh": "a"}], "placeholders": [], "footer": 1})")
            << QStringLiteral("t.json: unknown key \"footer\"");
        QTest::newRow("bad id")
            << QByteArray(
                   R"({"id": "T T", "title": {"zh": "x"}, "paragraphs": [{"zh": "a"}], "placeholders": []})")
            << QStringLiteral("t.json: id: expected lower-case letters, digits and '-'");
        QTest::newRow("no zh")
            << QByteArray("{" + ok + R"("paragraphs": [{"en": "a"}], "placeholders": []})")
            << QStringLiteral("t.json: paragraphs[0].zh: missing or empty (Chinese is the reference text)");
        QTest::newRow("unknown placeholder")
            << QByteArray("{" + ok +
                          R"("paragraphs": [{"zh": "{name}", "en": "{nmae}"}], "placeholders": ["name"]})")
            << QStringLiteral("t.json: paragraphs[0].en: unknown placeholder {nmae}");
        QTest::newRow("unused placeholder")
            << QByteArray("{" + ok + R"("paragraphs": [{"zh": "a"}], "placeholders": ["name"]})")
            << QStringLiteral("t.json: placeholders: {name} is declared but no text uses it");
        QTest::newRow("no paragraphs") << QByteArray("{" + ok + R"("paragraphs": [], "placeholders": []})")
                                       << QStringLiteral("t.json: paragraphs: expected a non-empty array");
        QTest::newRow("language")
            << QByteArray("{" + ok + R"("paragraphs": [{"zh": "a", "fr": "b"}], "placeholders": []})")
            << QStringLiteral("t.json: paragraphs[0]: unknown language \"fr\" (zh, en)");
    }

    void refused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(!CertificateTemplate::parse(json, QStringLiteral("t.json"), &actual).has_value());
        QVERIFY2(actual.startsWith(error), qPrintable(actual));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!CertificateTemplate::load(QStringLiteral("/nonexistent/x.json"), &error).has_value());
        QVERIFY2(error.startsWith(QStringLiteral("/nonexistent/x.json: ")), qPrintable(error));
    }
};

QTEST_MAIN(TestDocumentsTemplate)
#include "tst_documents_template.moc"
