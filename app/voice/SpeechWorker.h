#pragma once

#include <QHash>
#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QVoice>

#include <memory>

class QTextToSpeech;

// Owns the QTextToSpeech engine and speaks a queue of utterances, one after the other. Lives in its own
// thread (SpeechController moves it there): an engine may block in say() (speech-dispatcher without a
// sound card does), and must never block the screens. Every slot runs on the worker thread.
// A missing or broken engine logs one line and turns every later request into nothing.
// Voices: Mandarin by name (espeak-ng's "cmn-latn-pinyin": Qt 6.4 files espeak's cmn voices under the C
// locale, so the locale cannot find them), English by locale.
class SpeechWorker : public QObject
{
    Q_OBJECT
public:
    SpeechWorker(const QString &engine, const QVariantMap &parameters);
    ~SpeechWorker() override;

    // Voice names that read Mandarin, best first (exact or contained, case-insensitive).
    static QStringList mandarinVoiceNames();

public slots:
    void speak(const QString &text, const QString &language, bool interrupt); // interrupt: drop what waits
    void stopAll();
    void shutdown(); // destroys the engine (before the thread ends)

signals:
    void ready(); // the engine is up
    void unavailable(const QString &reason);

private:
    struct Utterance
    {
        QString text;
        QString language;
    };
    struct VoiceChoice
    {
        bool found = false;
        QLocale locale;
        QVoice voice;
    };

    bool ensureEngine();
    void disable(const QString &reason);
    void next();
    VoiceChoice chooseVoice(const QString &language);

    QString m_engineName;
    QVariantMap m_parameters;
    std::unique_ptr<QTextToSpeech> m_tts;
    bool m_disabled = false;
    QList<Utterance> m_queue;
    QHash<QString, VoiceChoice> m_voices;
    QString m_currentLanguage;
};
