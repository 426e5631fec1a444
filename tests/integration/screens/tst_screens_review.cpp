#include "StrictWarnings.h"

#include <QDir>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// `onestop-kiosk --screens DIR` (what `./kiosk run --screens` runs) in a temporary directory: a PNG of every
// screen and state for each language and display mode, each a real, non-blank 1920x1080 picture, and the
// elderly pictures different from the standard ones.
class TestScreensReview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // The states the tour shows, in order (screen changes and the tour's own screenshots).
    static QStringList expectedLabels()
    {
        return {QStringLiteral("attract"),
                QStringLiteral("language"),
                QStringLiteral("identify"),
                QStringLiteral("identify-notice"),
                QStringLiteral("identify-no-card"),
                QStringLiteral("identify-staff-pin"),
                QStringLiteral("catalog"),
                QStringLiteral("catalog-unavailable"),
                QStringLiteral("guide"),
                QStringLiteral("idle-warning"),
                QStringLiteral("form"),
                QStringLiteral("form-keyboard"),
                QStringLiteral("form-errors"),
                QStringLiteral("form-filled"),
                QStringLiteral("materials"),
                QStringLiteral("materials-document"),
                QStringLiteral("materials-photo"),
                QStringLiteral("review"),
                QStringLiteral("review-no-consent"),
                QStringLiteral("saving"),
                QStringLiteral("receipt"),
                QStringLiteral("receipt-printed"),
                QStringLiteral("rating"),
                QStringLiteral("rating-details"),
                QStringLiteral("goodbye"),
                QStringLiteral("attract"),
                // The queue ticket (a journey without a card).
                QStringLiteral("language"),
                QStringLiteral("identify"),
                QStringLiteral("journey"),
                QStringLiteral("attract")};
    }

    // A picture, not an empty frame: several colours, none covering (nearly) all of it.
    static QString blankness(const QImage &image)
    {
        if (image.isNull())
            return QStringLiteral("not a readable PNG");
        if (image.size() != QSize(1920, 1080))
            return QStringLiteral("%1x%2, not 1920x1080").arg(image.width()).arg(image.height());
        QHash<QRgb, int> counts;
        const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < rgb.height(); y += 4) {
            const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            for (int x = 0; x < rgb.width(); x += 4)
                ++counts[line[x]];
        }
        int most = 0;
        for (int c : std::as_const(counts))
            most = qMax(most, c);
        const int total = (rgb.height() / 4) * (rgb.width() / 4);
        if (counts.size() < 8 || most > total * 0.998)
            return QStringLiteral("blank (%1 colours, the commonest on %2% of it)")
                .arg(counts.size())
                .arg(100.0 * most / total, 0, 'f', 1);
        return QString();
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        kiosk.setProcessEnvironment(env);
        kiosk.start(QStringLiteral(KIOSK_BINARY),
                    {QStringLiteral("--config"), sourcePath(QStringLiteral("kiosk-config")),
                     QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data")),
                     QStringLiteral("--platform-url"), QStringLiteral("http://127.0.0.1:9"),
                     QStringLiteral("--devices"), QStringLiteral("simulated"), QStringLiteral("--screens"),
                     m_dir.filePath(QStringLiteral("screens"))});
        QVERIFY(kiosk.waitForFinished(240000));
        const QString output = QString::fromUtf8(kiosk.readAll());
        QVERIFY2(kiosk.exitStatus() == QProcess::NormalExit && kiosk.exitCode() == 0,
                 qPrintable(output.right(3000)));
    }

    void everyScreenOfEveryLanguageAndMode_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("mode");
        for (const char *language : {"zh_CN", "en"})
            for (const char *mode : {"standard", "elderly"})
                QTest::addRow("%s/%s", language, mode)
                    << QString::fromLatin1(language) << QString::fromLatin1(mode);
    }

    void everyScreenOfEveryLanguageAndMode()
    {
        QFETCH(QString, language);
        QFETCH(QString, mode);
        const QDir dir(m_dir.filePath(QStringLiteral("screens/%1/%2").arg(language, mode)));
        const QStringList files = dir.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        QStringList labels;
        static const QRegularExpression name(QStringLiteral("^(\\d\\d)-(.+)\\.png$"));
        for (int i = 0; i < files.size(); ++i) {
            const QRegularExpressionMatch m = name.match(files.at(i));
            QVERIFY2(m.hasMatch(), qPrintable(files.at(i)));
            QCOMPARE(m.captured(1).toInt(), i + 1);
            labels << m.captured(2);
            const QString problem = blankness(QImage(dir.filePath(files.at(i))));
            QVERIFY2(problem.isEmpty(), qPrintable(files.at(i) + QStringLiteral(": ") + problem));
        }
        QCOMPARE(labels, expectedLabels());
    }

    // The elderly mode shows: its pictures differ from the standard ones, screen by screen.
    void elderlyPicturesDiffer()
    {
        for (const QString &language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            for (const QString &file : {QStringLiteral("02-language.png"), QStringLiteral("11-form.png"),
                                        QStringLiteral("18-review.png")}) {
                const QImage standard(
                    m_dir.filePath(QStringLiteral("screens/%1/standard/%2").arg(language, file)));
                const QImage elderly(
                    m_dir.filePath(QStringLiteral("screens/%1/elderly/%2").arg(language, file)));
                QVERIFY(!standard.isNull() && !elderly.isNull());
                QVERIFY2(standard != elderly, qPrintable(language + QLatin1Char('/') + file));
            }
        }
        // And the languages differ too.
        QVERIFY(QImage(m_dir.filePath(QStringLiteral("screens/zh_CN/standard/03-identify.png"))) !=
                QImage(m_dir.filePath(QStringLiteral("screens/en/standard/03-identify.png"))));
    }
};

QTEST_GUILESS_MAIN(TestScreensReview)
#include "tst_screens_review.moc"
