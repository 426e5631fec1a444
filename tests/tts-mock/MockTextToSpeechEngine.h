#pragma once

#include <QLocale>
#include <QTextToSpeechEngine>
#include <QVoice>

// A TextToSpeech engine for tests: speaks nothing, records every say() as one line
// "<voice name>\t<locale name>\t<text>" (the voice prefixed "ON-GUI-THREAD " when said on the GUI thread)
// appended to a file (engine parameter "record", else the environment
// variable ONESTOP_TTS_MOCK_RECORD). Its voices mimic speech-dispatcher with espeak-ng on Debian 12: English
// under en_US, the Mandarin voices under the C locale (where Qt 6.4 files espeak's "cmn").
// Speaking -> Ready on the next event loop turn, as a real engine finishes later than say() returns.
class MockTextToSpeechEngine : public QTextToSpeechEngine
{
    Q_OBJECT
public:
    MockTextToSpeechEngine(const QVariantMap &parameters, QObject *parent);

    QList<QLocale> availableLocales() const override;
    QList<QVoice> availableVoices() const override;
    void say(const QString &text) override;
    void stop(QTextToSpeech::BoundaryHint) override;
    void pause(QTextToSpeech::BoundaryHint) override {}
    void resume() override {}
    double rate() const override { return 0; }
    bool setRate(double) override { return true; }
    double pitch() const override { return 0; }
    bool setPitch(double) override { return true; }
    QLocale locale() const override { return m_locale; }
    bool setLocale(const QLocale &locale) override;
    double volume() const override { return 1; }
    bool setVolume(double) override { return true; }
    QVoice voice() const override { return m_voice; }
    bool setVoice(const QVoice &voice) override;
    QTextToSpeech::State state() const override { return m_state; }
    QTextToSpeech::ErrorReason errorReason() const override { return m_error; }
    QString errorString() const override { return m_errorString; }

private:
    void setState(QTextToSpeech::State state);
    QList<QVoice> voicesFor(const QLocale &locale) const;

    QString m_recordFile;
    QLocale m_locale;
    QVoice m_voice;
    QTextToSpeech::State m_state = QTextToSpeech::Ready;
    QTextToSpeech::ErrorReason m_error = QTextToSpeech::ErrorReason::NoError;
    QString m_errorString;
    int m_generation = 0;
};
