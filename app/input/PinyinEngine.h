#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>

// Pinyin composition over libgooglepinyin: letters in, candidates out. Choosing a candidate fixes the
// syllables it covers and the composition goes on with the rest (王, then 秀, then 英); when every
// syllable is fixed, the composed text is handed back to be committed. Backspace removes the last
// letter (or undoes the last choice when no letter is left to remove).
//
// Privacy: the decoder learns what is chosen into a user dictionary. Here that dictionary is a file in a
// private temporary directory that lives for one session only: wipe() (called at session end) closes the
// decoder, deletes the file and opens a fresh one, so nothing chosen by one resident is offered to the
// next. While `learning` is off (fields marked Qt::ImhSensitiveData) the decoder has no user dictionary
// at all and learns nothing. No prediction from surrounding text is offered.
//
// libgooglepinyin keeps one decoder per process: at most one PinyinEngine may be open at a time.
// Thread: GUI.
class PinyinEngine : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by main.cpp")
    Q_PROPERTY(bool available READ isAvailable CONSTANT)
    Q_PROPERTY(bool composing READ isComposing NOTIFY compositionChanged)
    Q_PROPERTY(QString preedit READ preedit NOTIFY compositionChanged)
    Q_PROPERTY(QString spelling READ spelling NOTIFY compositionChanged)
    Q_PROPERTY(int candidateCount READ candidateCount NOTIFY compositionChanged)
    Q_PROPERTY(bool learning READ isLearning WRITE setLearning NOTIFY learningChanged)

public:
    // `systemDictionary`: libgooglepinyin's dict_pinyin.dat. An engine whose dictionary cannot be opened
    // is not available (the reason is logged once) and composes nothing.
    explicit PinyinEngine(const QString &systemDictionary = defaultSystemDictionary(),
                          QObject *parent = nullptr);
    ~PinyinEngine() override;

    static QString defaultSystemDictionary();

    bool isAvailable() const;
    bool isComposing() const { return !m_spelling.isEmpty(); }
    // What the field shows while composing: the fixed characters, then the syllables still open.
    QString preedit() const { return m_preedit; }
    // The letters typed so far (fixed syllables included).
    QString spelling() const { return m_spelling; }
    int candidateCount() const { return m_total; }
    bool isLearning() const { return m_learning; }
    void setLearning(bool learning);

    // A letter a-z (case ignored) or the syllable separator '\''. False when refused (not a spelling
    // character, too long, or no decoder).
    Q_INVOKABLE bool addLetter(const QString &letter);
    // Removes the last letter, or undoes the last choice. False when nothing is being composed.
    Q_INVOKABLE bool backspace();
    // The candidate at `index` (0 = the best reading of everything still open), "" outside the list.
    Q_INVOKABLE QString candidate(int index);
    // The first `count` candidates (fewer if there are fewer).
    Q_INVOKABLE QStringList candidates(int count);
    // Chooses a candidate. Returns the text to commit when the composition is complete (and resets),
    // "" while syllables remain open.
    Q_INVOKABLE QString choose(int index);
    // Completes the composition with the best reading of what is still open; returns the text to commit.
    Q_INVOKABLE QString finish();
    // Gives up the composition and returns the letters as typed (Enter commits them unconverted).
    Q_INVOKABLE QString takeSpelling();
    // Drops the composition (nothing to commit).
    Q_INVOKABLE void reset();
    // Session end: drops the composition, forgets everything learned (deletes the user dictionary) and
    // reopens the decoder on a fresh, empty one.
    Q_INVOKABLE void wipe();

signals:
    void compositionChanged();
    void learningChanged();
    void wiped();

private:
    struct Decoder;
    void refresh(int total);
    void clearComposition();
    QString composedText();

    std::unique_ptr<Decoder> m_decoder;
    QString m_spelling;
    QString m_preedit;
    int m_total = 0;
    int m_fixed = 0;
    bool m_learning = true;
    QStringList m_cache; // candidates fetched so far, in order
};
