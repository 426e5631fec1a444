#include "MockTextToSpeechEngine.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>
#include <QTimer>

MockTextToSpeechEngine::MockTextToSpeechEngine(const QVariantMap &parameters, QObject *parent)
    : QTextToSpeechEngine(parent), m_locale(QLocale(QLocale::English, QLocale::UnitedStates))
{
    m_recordFile = parameters.value(QStringLiteral("record")).toString();
    if (m_recordFile.isEmpty())
        m_recordFile = qEnvironmentVariable("ONESTOP_TTS_MOCK_RECORD");
    m_voice = voicesFor(m_locale).constFirst();
}

QList<QLocale> MockTextToSpeechEngine::availableLocales() const
{
    return {QLocale(QLocale::English, QLocale::UnitedStates), QLocale::c()};
}

QList<QVoice> MockTextToSpeechEngine::voicesFor(const QLocale &locale) const
{
    if (locale == QLocale::c())
        return {createVoice(QStringLiteral("cmn"), locale, QVoice::Female, QVoice::Adult, 1),
                createVoice(QStringLiteral("cmn-latn-pinyin"), locale, QVoice::Female, QVoice::Adult, 2)};
    if (locale.language() == QLocale::English)
        return {createVoice(QStringLiteral("mock-english"), locale, QVoice::Male, QVoice::Adult, 0)};
    return {};
}

QList<QVoice> MockTextToSpeechEngine::availableVoices() const
{
    return voicesFor(m_locale);
}

bool MockTextToSpeechEngine::setLocale(const QLocale &locale)
{
    const QList<QVoice> voices = voicesFor(locale);
    if (voices.isEmpty())
        return false;
    m_locale = locale;
    m_voice = voices.constFirst();
    return true;
}

bool MockTextToSpeechEngine::setVoice(const QVoice &voice)
{
    for (const QVoice &v : voicesFor(m_locale)) {
        if (v.name() == voice.name()) {
            m_voice = v;
            return true;
        }
    }
    return false;
}

void MockTextToSpeechEngine::setState(QTextToSpeech::State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void MockTextToSpeechEngine::say(const QString &text)
{
    if (!m_recordFile.isEmpty()) {
        QFile file(m_recordFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
            m_error = QTextToSpeech::ErrorReason::Playback;
            m_errorString = QStringLiteral("cannot write %1").arg(m_recordFile);
            setState(QTextToSpeech::Error);
            return;
        }
        // Speech must never run on the GUI thread: a line said there is marked, so that no expected
        // sequence can match it.
        const bool guiThread = QCoreApplication::instance() &&
                               QThread::currentThread() == QCoreApplication::instance()->thread();
        QString line = text;
        line.replace(QLatin1Char('\n'), QLatin1Char(' '));
        file.write(((guiThread ? QStringLiteral("ON-GUI-THREAD ") : QString()) + m_voice.name() +
                    QLatin1Char('\t') + m_locale.name() + QLatin1Char('\t') + line + QLatin1Char('\n'))
                       .toUtf8());
    }
    setState(QTextToSpeech::Speaking);
    const int generation = ++m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation)
            setState(QTextToSpeech::Ready);
    });
}

void MockTextToSpeechEngine::stop(QTextToSpeech::BoundaryHint)
{
    ++m_generation;
    setState(QTextToSpeech::Ready);
}
