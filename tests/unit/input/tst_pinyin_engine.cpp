// PinyinEngine against the real libgooglepinyin and its shipped dictionary: candidates, choosing syllable
// by syllable, backspace, and that nothing learned survives wipe().

#include "PinyinEngine.h"
#include "StrictWarnings.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
void type(PinyinEngine &engine, const QString &letters)
{
    for (const QChar c : letters)
        QVERIFY2(engine.addLetter(QString(c)), qPrintable(QStringLiteral("refused '%1'").arg(c)));
}

// Where `word` is offered for `spelling` (-1: not among all the candidates); leaves no composition.
int rankOf(PinyinEngine &engine, const QString &spelling, const QString &word)
{
    engine.reset();
    for (const QChar c : spelling)
        engine.addLetter(QString(c));
    const int rank = int(engine.candidates(engine.candidateCount()).indexOf(word));
    engine.reset();
    return rank;
}

// Chooses, one after another, the candidates equal to `parts`; returns what was committed at the end.
QString chooseParts(PinyinEngine &engine, const QStringList &parts)
{
    QString committed;
    for (const QString &part : parts) {
        const int index = int(engine.candidates(engine.candidateCount()).indexOf(part));
        if (index < 0)
            return QStringLiteral("<%1 not offered>").arg(part);
        committed = engine.choose(index);
    }
    return committed;
}

QStringList sessionDirs(const QString &tmp)
{
    return QDir(tmp).entryList({QStringLiteral("onestop-pinyin-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
}
} // namespace

class TestPinyinEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_tmp.isValid());
        // The engine's private session directory goes here, where the test can look for it.
        qputenv("TMPDIR", QFile::encodeName(m_tmp.path()));
    }

    void shequOffersShequFirst()
    {
        PinyinEngine engine;
        QVERIFY(engine.isAvailable());
        QSignalSpy changed(&engine, &PinyinEngine::compositionChanged);
        type(engine, QStringLiteral("shequ"));
        QVERIFY(engine.isComposing());
        QCOMPARE(engine.spelling(), QStringLiteral("shequ"));
        QCOMPARE(engine.preedit(), QStringLiteral("she'qu"));
        QVERIFY(engine.candidateCount() > 1);
        QCOMPARE(engine.candidate(0), QStringLiteral("社区"));
        QVERIFY(changed.count() >= 5);
        QCOMPARE(engine.choose(0), QStringLiteral("社区"));
        QVERIFY(!engine.isComposing());
        QCOMPARE(engine.candidateCount(), 0);
        QCOMPARE(engine.preedit(), QString());
    }

    void nameChosenSyllableBySyllable()
    {
        PinyinEngine engine;
        type(engine, QStringLiteral("wangxiuying"));
        // The dictionary's best reading of the whole is not the name.
        QVERIFY(engine.candidate(0) != QStringLiteral("王秀英"));
        const int wang = int(engine.candidates(engine.candidateCount()).indexOf(QStringLiteral("王")));
        QVERIFY(wang > 0);
        QCOMPARE(engine.choose(wang), QString());
        QVERIFY(engine.isComposing());
        QVERIFY2(engine.preedit().startsWith(QStringLiteral("王")), qPrintable(engine.preedit()));
        QVERIFY2(engine.preedit().endsWith(QStringLiteral("xiu'ying")), qPrintable(engine.preedit()));
        QCOMPARE(chooseParts(engine, {QStringLiteral("秀"), QStringLiteral("英")}), QStringLiteral("王秀英"));
        QVERIFY(!engine.isComposing());
    }

    void backspaceRemovesLettersThenChoices()
    {
        PinyinEngine engine;
        type(engine, QStringLiteral("shequx"));
        QCOMPARE(engine.spelling(), QStringLiteral("shequx"));
        QVERIFY(engine.backspace());
        QCOMPARE(engine.spelling(), QStringLiteral("shequ"));
        QCOMPARE(engine.candidate(0), QStringLiteral("社区"));

        // A choice is undone once no open letter is left behind it.
        engine.reset();
        type(engine, QStringLiteral("wangx"));
        const int wang = int(engine.candidates(engine.candidateCount()).indexOf(QStringLiteral("王")));
        QVERIFY(wang >= 0);
        QCOMPARE(engine.choose(wang), QString());
        QVERIFY(engine.preedit().startsWith(QStringLiteral("王")));
        QVERIFY(engine.backspace()); // removes the x
        QVERIFY2(!engine.preedit().contains(QStringLiteral("王")), qPrintable(engine.preedit()));
        QCOMPARE(engine.spelling(), QStringLiteral("wang"));
        QVERIFY(engine.candidates(engine.candidateCount()).contains(QStringLiteral("王")));
        for (int i = 0; i < 4; ++i)
            QVERIFY(engine.backspace());
        QVERIFY(!engine.isComposing());
        QVERIFY(!engine.backspace());
    }

    void finishAndSpelling()
    {
        PinyinEngine engine;
        type(engine, QStringLiteral("zhongguoren"));
        QCOMPARE(engine.finish(), QStringLiteral("中国人"));
        type(engine, QStringLiteral("abc"));
        QCOMPARE(engine.takeSpelling(), QStringLiteral("abc"));
        QVERIFY(!engine.isComposing());
        QCOMPARE(engine.finish(), QString());
    }

    void refusesWhatIsNotPinyin()
    {
        PinyinEngine engine;
        QVERIFY(!engine.addLetter(QStringLiteral("1")));
        QVERIFY(!engine.addLetter(QStringLiteral("'")));
        QVERIFY(!engine.addLetter(QStringLiteral("ab")));
        QVERIFY(!engine.addLetter(QStringLiteral("é")));
        QVERIFY(!engine.isComposing());
        QVERIFY(engine.addLetter(QStringLiteral("X")));
        QCOMPARE(engine.spelling(), QStringLiteral("x"));
        QCOMPARE(engine.choose(-1), QString());
        QCOMPARE(engine.choose(engine.candidateCount()), QString());
        QCOMPARE(engine.candidate(engine.candidateCount()), QString());
    }

    void missingDictionaryIsUnavailable()
    {
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("pinyin dictionary not readable")));
        PinyinEngine engine(m_tmp.filePath(QStringLiteral("no-such-dictionary.dat")));
        QVERIFY(!engine.isAvailable());
        QVERIFY(!engine.addLetter(QStringLiteral("a")));
        QVERIFY(!engine.isComposing());
    }

    // What a resident chose is learned for the rest of the session, and gone after the wipe.
    void wipeForgetsWhatWasLearned()
    {
        const QString spelling = QStringLiteral("wangxiuying");
        const QString name = QStringLiteral("王秀英");
        PinyinEngine engine;
        QVERIFY(engine.isLearning());
        const int dictionaryRank = rankOf(engine, spelling, name);
        QVERIFY2(dictionaryRank != 0, "the dictionary already offers the name first: choose another");

        type(engine, spelling);
        QCOMPARE(chooseParts(engine, {QStringLiteral("王"), QStringLiteral("秀"), QStringLiteral("英")}),
                 name);
        QCOMPARE(rankOf(engine, spelling, name), 0); // learned: offered first now
        const QStringList before = sessionDirs(m_tmp.path());
        QCOMPARE(before.size(), 1);
        const QString dictionary = m_tmp.filePath(before.first() + QStringLiteral("/user-dictionary.dat"));
        QVERIFY(QFileInfo(dictionary).size() > 0);

        QSignalSpy wiped(&engine, &PinyinEngine::wiped);
        type(engine, QStringLiteral("she"));
        engine.wipe();
        QCOMPARE(wiped.count(), 1);
        QVERIFY(!engine.isComposing());
        QCOMPARE(engine.candidateCount(), 0);
        QVERIFY(!QFileInfo::exists(dictionary));
        QVERIFY(!sessionDirs(m_tmp.path()).contains(before.first()));
        QCOMPARE(rankOf(engine, spelling, name), dictionaryRank);
        // Still working after the wipe.
        type(engine, QStringLiteral("shequ"));
        QCOMPARE(engine.candidate(0), QStringLiteral("社区"));
    }

    // Sensitive fields: no user dictionary, nothing learned even within the session.
    void noLearningWhileSensitive()
    {
        const QString spelling = QStringLiteral("wangxiuying");
        const QString name = QStringLiteral("王秀英");
        PinyinEngine engine;
        const int dictionaryRank = rankOf(engine, spelling, name);
        QSignalSpy learning(&engine, &PinyinEngine::learningChanged);
        engine.setLearning(false);
        QCOMPARE(learning.count(), 1);
        type(engine, spelling);
        QCOMPARE(chooseParts(engine, {QStringLiteral("王"), QStringLiteral("秀"), QStringLiteral("英")}),
                 name);
        QCOMPARE(rankOf(engine, spelling, name), dictionaryRank);
        engine.setLearning(true);
        QCOMPARE(rankOf(engine, spelling, name), dictionaryRank);
    }

    void cleanupTestCase()
    {
        // Every engine is gone: no session directory may be left behind.
        QCOMPARE(sessionDirs(m_tmp.path()), QStringList());
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestPinyinEngine)

#include "tst_pinyin_engine.moc"
