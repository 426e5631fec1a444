// `kioskctl sam-decode` end to end: the built binary on the committed fixture frames
// (tests/fixtures/idcard-sam/, written by make_fixtures.py there, independently of the C++ codec).
#include "StrictWarnings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run kioskctl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(KIOSKCTL_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString fixture(const char *name)
{
    return sourcePath(QStringLiteral("tests/fixtures/idcard-sam/") + QLatin1String(name));
}

QJsonObject parseObject(const QByteArray &out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("not one JSON object: %s", qPrintable(error.errorString()));
    return doc.object();
}
} // namespace

class TestKioskctlSamDecode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void residentRawAndHexAgree_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("raw") << fixture("resident.bin");
        QTest::newRow("hex") << fixture("resident.hex");
    }
    void residentRawAndHexAgree()
    {
        QFETCH(QString, file);
        const Run run = kioskctl({QStringLiteral("sam-decode"), file});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = parseObject(run.out);
        QCOMPARE(o.value(QStringLiteral("card_type")).toString(), QStringLiteral("resident"));
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("李小明"));
        QCOMPARE(o.value(QStringLiteral("sex")).toString(), QStringLiteral("male"));
        QCOMPARE(o.value(QStringLiteral("ethnicity")).toString(), QStringLiteral("蒙古"));
        QCOMPARE(o.value(QStringLiteral("birth")).toString(), QStringLiteral("1990-03-07"));
        QCOMPARE(o.value(QStringLiteral("id_number")).toString(), QStringLiteral("110101199003071233"));
        QCOMPARE(o.value(QStringLiteral("address")).toString(), QStringLiteral("北京市东城区示例路1号"));
        QCOMPARE(o.value(QStringLiteral("issuer")).toString(), QStringLiteral("北京市公安局东城分局"));
        QCOMPARE(o.value(QStringLiteral("valid_from")).toString(), QStringLiteral("2015-06-01"));
        QCOMPARE(o.value(QStringLiteral("valid_to")).toString(), QStringLiteral("2035-06-01"));
        QCOMPARE(o.value(QStringLiteral("photo_bytes")).toInt(), 1024);
        QVERIFY(!o.contains(QStringLiteral("pass_number")));
        QVERIFY(!o.contains(QStringLiteral("english_name")));
    }

    void permitJ()
    {
        const Run run = kioskctl({QStringLiteral("sam-decode"), fixture("permit-j.bin")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = parseObject(run.out);
        QCOMPARE(o.value(QStringLiteral("card_type")).toString(), QStringLiteral("hk_mo_tw_permit"));
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("陈美玲"));
        QCOMPARE(o.value(QStringLiteral("sex")).toString(), QStringLiteral("female"));
        QCOMPARE(o.value(QStringLiteral("id_number")).toString(), QStringLiteral("810000198511200029"));
        QCOMPARE(o.value(QStringLiteral("birth")).toString(), QStringLiteral("1985-11-20"));
        QCOMPARE(o.value(QStringLiteral("pass_number")).toString(), QStringLiteral("H12345678"));
        QCOMPARE(o.value(QStringLiteral("issue_count")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("valid_to")).toString(), QStringLiteral("2025-01-15"));
        QVERIFY(!o.contains(QStringLiteral("ethnicity")));
    }

    void errorFrameExits2()
    {
        const Run run = kioskctl({QStringLiteral("sam-decode"), fixture("error-no-card.bin")});
        QCOMPARE(run.exitCode, 2);
        const QJsonObject o = parseObject(run.out);
        QCOMPARE(o.value(QStringLiteral("error")).toString(), QStringLiteral("no card found"));
        QCOMPARE(o.value(QStringLiteral("sw3")).toString(), QStringLiteral("0x80"));
    }

    void badChecksumExits3()
    {
        const Run run = kioskctl({QStringLiteral("sam-decode"), fixture("bad-checksum.bin")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("checksum: expected 0x3a, got 0x3b"), run.err.constData());
    }

    void malformedInputsExit3()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile resident(fixture("resident.bin"));
        QVERIFY(resident.open(QIODevice::ReadOnly));
        const QByteArray frame = resident.readAll();
        const struct
        {
            const char *name;
            QByteArray bytes;
            const char *message;
        } cases[] = {
            {"truncated.bin", frame.left(1000), "truncated: need 295 more bytes"},
            {"trailing.bin", frame + "\x01", "1 bytes after the frame"},
            {"odd.hex", "AA AA A", "hex text: odd number of digits"},
        };
        for (const auto &c : cases) {
            const QString path = dir.filePath(QLatin1String(c.name));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(c.bytes);
            file.close();
            const Run run = kioskctl({QStringLiteral("sam-decode"), path});
            QCOMPARE(run.exitCode, 3);
            QVERIFY2(run.err.contains(c.message), run.err.constData());
        }
    }

    void usageExits64()
    {
        Run run = kioskctl({QStringLiteral("sam-decode")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.err.contains("usage: kioskctl sam-decode FILE"));
        run = kioskctl({QStringLiteral("sam-decode"), QStringLiteral("/nonexistent/frame.bin")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.err.contains("cannot read"));
    }
};

QTEST_GUILESS_MAIN(TestKioskctlSamDecode)
#include "tst_kioskctl_sam_decode.moc"
