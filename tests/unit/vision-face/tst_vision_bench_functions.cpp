#include "StrictWarnings.h"
#include "VisionFaceDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The vision bench functions run and report what they measured (shape only; no timing is asserted).
class TestVisionBenchFunctions : public QObject
{
    Q_OBJECT

    static void checkShape(const QJsonObject &json, const QStringList &names)
    {
        QVERIFY2(!json.contains(QStringLiteral("error")), qPrintable(json.value(QStringLiteral("error")).toString()));
        const QJsonObject ms = json.value(QStringLiteral("ms")).toObject();
        for (const QString &name : names) {
            const QJsonObject r = ms.value(name).toObject();
            QVERIFY2(r.value(QStringLiteral("median_ms")).toDouble() > 0, qPrintable(name));
            QVERIFY(r.value(QStringLiteral("p90_ms")).toDouble() >= r.value(QStringLiteral("median_ms")).toDouble());
        }
        QCOMPARE(json.value(QStringLiteral("results")).toArray().size(), names.size());
        QVERIFY(!json.value(QStringLiteral("input")).toString().isEmpty());
        qInfo().noquote() << QJsonDocument(ms).toJson(QJsonDocument::Compact) << json.value(QStringLiteral("input")).toString();
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void face()
    {
        const QJsonObject json = benchFaceDetection(3);
        checkShape(json, {QStringLiteral("face_640x480"), QStringLiteral("face_1920x1080")});
        QVERIFY2(json.value(QStringLiteral("input")).toString().contains(QStringLiteral("astronaut")),
                 "the fixture caches the portrait: the bench must use it");
    }

    void document()
    {
        checkShape(benchDocumentCapture(3), {QStringLiteral("document_1920x1080"), QStringLiteral("document_1920x1080_no_enhance")});
    }
};

QTEST_MAIN(TestVisionBenchFunctions)
#include "tst_vision_bench_functions.moc"
