// kioskctl scan-image FILE...: one JSON line a file, codes or an empty list, an error for a file it
// cannot read; exit 0 / 1 / 64.
#include "StrictWarnings.h"
#include "VisionTestFrames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestKioskctlScanImage : public QObject
{
    Q_OBJECT

    // Runs kioskctl; returns the exit code, stdout lines parsed as JSON in *lines.
    static int scan(const QStringList &arguments, QList<QJsonObject> *lines)
    {
        QProcess p;
        p.start(QStringLiteral(KIOSKCTL_BINARY), QStringList{QStringLiteral("scan-image")} + arguments);
        if (!p.waitForFinished(60000))
            return -1;
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError)
                return -2;
            lines->append(doc.object());
        }
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void scansTwoFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString text = QStringLiteral("https://zwdt.example.gov.cn/t/SH-2026-000042");
        const QString withCode = dir.filePath(QStringLiteral("code.png"));
        const QString without = dir.filePath(QStringLiteral("scene.jpg"));
        QVERIFY(qrCodeFrame(text, QSize(640, 480), 4).save(withCode));
        QVERIFY(sceneFrame(QSize(640, 480)).save(without));

        QList<QJsonObject> lines;
        QCOMPARE(scan({withCode, without}, &lines), 0);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].value("file").toString(), withCode);
        const QJsonArray codes = lines[0].value("codes").toArray();
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes[0]["format"].toString(), QStringLiteral("QRCode"));
        QCOMPARE(codes[0]["text"].toString(), text);
        QCOMPARE(lines[1].value("file").toString(), without);
        QVERIFY(lines[1].value("codes").isArray());
        QVERIFY(lines[1].value("codes").toArray().isEmpty());
        QVERIFY(!lines[1].contains("error"));
    }

    void reportsAFileItCannotRead()
    {
        QTemporaryDir dir;
        const QString garbage = dir.filePath(QStringLiteral("garbage.png"));
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not an image at all");
        f.close();
        QList<QJsonObject> lines;
        QCOMPARE(scan({garbage, dir.filePath(QStringLiteral("missing.png"))}, &lines), 1);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].value("error").toString().contains(QStringLiteral("cannot read")));
        QVERIFY(lines[0].value("codes").toArray().isEmpty());
        QVERIFY(lines[1].value("error").toString().contains(QStringLiteral("no such file")));
    }

    void refusesBadUsage()
    {
        QList<QJsonObject> lines;
        QCOMPARE(scan({}, &lines), 64);
        QCOMPARE(scan({QStringLiteral("--formats"), QStringLiteral("ean13"), QStringLiteral("a.png")}, &lines), 64);
        QVERIFY(lines.isEmpty());
    }
};

QTEST_MAIN(TestKioskctlScanImage)
#include "tst_kioskctl_scan_image.moc"
