// `kioskctl escpos-decode` as a technician runs it: a receipt file in, JSON lines out, a PNG of the paper
// on request, exit 3 with error lines for a truncated file, exit 64 for a file that cannot be read.
#include "EscPosEncoder.h"
#include "StrictWarnings.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> lines;
    QByteArray stdErr;
    QString parseProblem;
};

// A private runtime directory for the child's QGuiApplication (it warns on stderr without one).
QString runtimeDir;

Run kioskctl(const QStringList &arguments)
{
    Run run;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KIOSKCTL_PATH), QStringList{QStringLiteral("escpos-decode")} + arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit) {
        run.parseProblem = QStringLiteral("kioskctl did not finish: %1").arg(process.errorString());
        return run;
    }
    run.exitCode = process.exitCode();
    run.stdErr = process.readAllStandardError();
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (!doc.isObject()) {
            run.parseProblem = QStringLiteral("not a JSON object: %1").arg(QString::fromUtf8(line));
            return run;
        }
        run.lines.append(doc.object());
    }
    return run;
}

QByteArray receipt()
{
    EscPosBuilder b;
    b.initialize()
        .chineseMode(true)
        .align(EscPosAlign::Centre)
        .bold(true)
        .line(QStringLiteral("社区服务中心"))
        .bold(false)
        .align(EscPosAlign::Left)
        .line(QStringLiteral("Case 2024-000123"))
        .qrCode("https://platform.example/track/2024-000123", 6)
        .feedLines(3)
        .cut(EscPosCut::Partial);
    return b.bytes();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

int indexOf(const QList<QJsonObject> &lines, const QString &key, const QJsonValue &value)
{
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(key) && (value.isUndefined() || lines.at(i).value(key) == value))
            return i;
    }
    return -1;
}

} // namespace

class TestKioskctlEscpos : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(dir.isValid());
        runtimeDir = dir.filePath(QStringLiteral("runtime"));
        QVERIFY(QDir().mkpath(runtimeDir));
        QVERIFY(QFile::setPermissions(runtimeDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(QFile::exists(QStringLiteral(KIOSKCTL_PATH)));
    }

    void decodesAReceipt()
    {
        const QByteArray bytes = receipt();
        const QString path = dir.filePath(QStringLiteral("receipt.bin"));
        QVERIFY(writeFile(path, bytes));
        const Run run = kioskctl({path});
        QVERIFY2(run.parseProblem.isEmpty(), qPrintable(run.parseProblem));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.stdErr.isEmpty(), run.stdErr.constData());

        const int title = indexOf(run.lines, QStringLiteral("text"), QStringLiteral("社区服务中心"));
        QVERIFY(title >= 0);
        QCOMPARE(run.lines.at(title).value(QStringLiteral("bold")), QJsonValue(true));
        QCOMPARE(run.lines.at(title).value(QStringLiteral("align")), QJsonValue(QStringLiteral("centre")));
        const int caseLine = indexOf(run.lines, QStringLiteral("text"), QStringLiteral("Case 2024-000123"));
        const int qr = indexOf(run.lines, QStringLiteral("qr"),
                               QStringLiteral("https://platform.example/track/2024-000123"));
        const int cut = indexOf(run.lines, QStringLiteral("cut"), true);
        QVERIFY(title < caseLine && caseLine < qr && qr < cut); // in the order printed
        QCOMPARE(run.lines.at(qr).value(QStringLiteral("module")), QJsonValue(6));
        QVERIFY(indexOf(run.lines, QStringLiteral("cmd"), QStringLiteral("feed")) > qr);
        QCOMPARE(indexOf(run.lines, QStringLiteral("error"), QJsonValue::Undefined), -1);
    }

    void qrDataThatIsNotUtf8StillHasAQrKey()
    {
        EscPosBuilder b;
        b.initialize().qrCode(QByteArray("caf\xe9", 4)).cut(EscPosCut::Full);
        const QString path = dir.filePath(QStringLiteral("latin1.bin"));
        QVERIFY(writeFile(path, b.bytes()));
        const Run run = kioskctl({path});
        QCOMPARE(run.exitCode, 0);
        const int qr = indexOf(run.lines, QStringLiteral("qr"), QStringLiteral("café"));
        QVERIFY(qr >= 0);
        QCOMPARE(run.lines.at(qr).value(QStringLiteral("qr_hex")), QJsonValue(QStringLiteral("636166e9")));
    }

    void writesAPng_data()
    {
        QTest::addColumn<QStringList>("widthArguments");
        QTest::addColumn<int>("width");
        QTest::newRow("default 576") << QStringList{} << 576;
        QTest::newRow("--width 384") << QStringList{QStringLiteral("--width"), QStringLiteral("384")} << 384;
    }
    void writesAPng()
    {
        QFETCH(QStringList, widthArguments);
        QFETCH(int, width);
        const QString path = dir.filePath(QStringLiteral("receipt.bin"));
        QVERIFY(writeFile(path, receipt()));
        const QString png = dir.filePath(QStringLiteral("receipt-%1.png").arg(width));
        const Run run = kioskctl(QStringList{path, QStringLiteral("--png"), png} + widthArguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(indexOf(run.lines, QStringLiteral("text"), QStringLiteral("社区服务中心")) >= 0);
        QImage image;
        QVERIFY(image.load(png, "PNG"));
        QCOMPARE(image.width(), width);
        QVERIFY(image.height() > 200); // two lines, a QR code, a feed
    }

    void truncatedFile()
    {
        const QByteArray bytes = receipt();
        const QString path = dir.filePath(QStringLiteral("truncated.bin"));
        // cut inside the QR code's store command: what came before still decodes
        const int qrStore = int(bytes.indexOf(QByteArray::fromHex("1d286b")));
        QVERIFY(qrStore > 0);
        const int storeData = int(bytes.indexOf("https://"));
        QVERIFY(storeData > qrStore);
        QVERIFY(writeFile(path, bytes.left(storeData + 10)));
        const Run run = kioskctl({path});
        QVERIFY2(run.parseProblem.isEmpty(), qPrintable(run.parseProblem));
        QCOMPARE(run.exitCode, 3);
        QVERIFY(indexOf(run.lines, QStringLiteral("text"), QStringLiteral("社区服务中心")) >= 0);
        const int error = indexOf(run.lines, QStringLiteral("error"), QJsonValue::Undefined);
        QVERIFY(error >= 0);
        QVERIFY(run.lines.at(error).value(QStringLiteral("offset")).isDouble());
        QVERIFY(!run.lines.at(error).value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(indexOf(run.lines, QStringLiteral("cut"), QJsonValue::Undefined), -1);
        QVERIFY(run.stdErr.contains("problem"));
    }

    void unreadableFile()
    {
        const Run run = kioskctl({dir.filePath(QStringLiteral("missing.bin"))});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.lines.isEmpty());
        QVERIFY(run.stdErr.contains("missing.bin"));
    }

    void badArguments()
    {
        QCOMPARE(kioskctl({}).exitCode, 64);
        const QString path = dir.filePath(QStringLiteral("receipt.bin"));
        QVERIFY(writeFile(path, receipt()));
        const Run run = kioskctl({path, QStringLiteral("--width"), QStringLiteral("500")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.stdErr.contains("384 or 576"));
    }
};

QTEST_GUILESS_MAIN(TestKioskctlEscpos)
#include "tst_kioskctl_escpos.moc"
