#include "SpeechWorker.h"

#include <QLoggingCategory>
#include <QTextToSpeech>

Q_LOGGING_CATEGORY(lcSpeech, "onestop.speech")

SpeechWorker::SpeechWorker(const QString &engine, const QVariantMap &parameters)
    : m_engineName(engine), m_parameters(parameters)
{
}

SpeechWorker::~SpeechWorker() = default;

QStringList SpeechWorker::mandarinVoiceNames()
{
    return {QStringLiteral("cmn-latn-pinyin"), QStringLiteral("Chinese (Mandarin, latin as Pinyin)"),
            QStringLiteral("cmn"), QStringLiteral("Mandarin")};
}

void SpeechWorker::disable(const QString &reason)
{
    if (m_disabled)
        return;
    m_disabled = true;
    m_queue.clear();
    // The one line: the kiosk goes on without a voice.
    qCWarning(lcSpeech).noquote() << "speech unavailable, the kiosk goes on without voice:" << reason;
    emit unavailable(reason);
}

bool SpeechWorker::ensureEngine()
{
    if (m_disabled)
        return false;
    if (m_tts)
        return true;
    const QStringList engines = QTextToSpeech::availableEngines();
    if (engines.isEmpty()) {
        disable(QStringLiteral("no text-to-speech engine installed"));
        return false;
    }
    if (!m_engineName.isEmpty() && !engines.contains(m_engineName)) {
        disable(QStringLiteral("engine '%1' not installed (have: %2)")
                    .arg(m_engineName, engines.join(QStringLiteral(", "))));
        return false;
    }
    // An empty name: the installed engine of highest priority, as Qt chooses it.
    m_tts = std::make_unique<QTextToSpeech>(m_engineName, m_parameters);
    if (m_tts->state() == QTextToSpeech::Error) {
        const QString error = m_tts->errorString();
        m_tts.reset();
        disable(QStringLiteral("engine '%1' failed: %2").arg(m_engineName, error));
        return false;
    }
    connect(m_tts.get(), &QTextToSpeech::stateChanged, this, [this](QTextToSpeech::State state) {
        if (state == QTextToSpeech::Ready)
            next();
        else if (state == QTextToSpeech::Error)
            disable(QStringLiteral("engine error: %1").arg(m_tts->errorString()));
    });
    qCInfo(lcSpeech).noquote() << "speech engine" << m_tts->engine();
    emit ready();
    return true;
}

SpeechWorker::VoiceChoice SpeechWorker::chooseVoice(const QString &language)
{
    const auto cached = m_voices.constFind(language);
    if (cached != m_voices.constEnd())
        return *cached;
    VoiceChoice choice;
    m_currentLanguage.clear(); // the search below moves the engine's locale
    const QList<QLocale> locales = m_tts->availableLocales();
    if (language.startsWith(QLatin1String("zh"))) {
        // By name, over every locale (the Mandarin voices may sit under C).
        int best = -1;
        for (const QLocale &locale : locales) {
            m_tts->setLocale(locale);
            const QList<QVoice> voices = m_tts->availableVoices();
            for (const QVoice &voice : voices) {
                const QStringList names = mandarinVoiceNames();
                for (int rank = 0; rank < names.size(); ++rank) {
                    const bool match = voice.name().compare(names.at(rank), Qt::CaseInsensitive) == 0 ||
                                       voice.name().contains(names.at(rank), Qt::CaseInsensitive);
                    if (match && (best < 0 || rank < best)) {
                        best = rank;
                        choice = {true, locale, voice};
                    }
                }
            }
        }
        if (!choice.found) {
            for (const QLocale &locale : locales) {
                if (locale.language() == QLocale::Chinese) {
                    choice = {true, locale, QVoice()};
                    break;
                }
            }
        }
    } else {
        // The same language, preferring the same territory, then the United States, then any.
        const QLocale wanted(language);
        int best = -1;
        for (const QLocale &locale : locales) {
            if (locale.language() != wanted.language())
                continue;
            const int rank = locale.territory() == wanted.territory()      ? 0
                             : locale.territory() == QLocale::UnitedStates ? 1
                                                                           : 2;
            if (best < 0 || rank < best) {
                best = rank;
                choice = {true, locale, QVoice()};
            }
        }
    }
    if (!choice.found)
        qCWarning(lcSpeech).noquote() << "no voice for" << language << "- its texts are not read aloud";
    m_voices.insert(language, choice);
    return choice;
}

void SpeechWorker::speak(const QString &text, const QString &language, bool interrupt)
{
    if (!ensureEngine())
        return;
    if (interrupt) {
        m_queue.clear();
        if (m_tts->state() == QTextToSpeech::Speaking)
            m_tts->stop();
    }
    if (!text.trimmed().isEmpty())
        m_queue.append({text, language});
    if (m_tts->state() == QTextToSpeech::Ready)
        next();
}

void SpeechWorker::next()
{
    if (!m_tts || m_disabled || m_queue.isEmpty() || m_tts->state() != QTextToSpeech::Ready)
        return;
    const Utterance u = m_queue.takeFirst();
    const VoiceChoice voice = chooseVoice(u.language);
    if (!voice.found) {
        next();
        return;
    }
    if (u.language != m_currentLanguage) {
        m_tts->setLocale(voice.locale);
        if (!voice.voice.name().isEmpty())
            m_tts->setVoice(voice.voice);
        m_currentLanguage = u.language;
    }
    // Never the text itself in the log: notices may one day carry personal details.
    qCDebug(lcSpeech) << "saying" << u.text.size() << "characters in" << u.language;
    m_tts->say(u.text);
}

void SpeechWorker::stopAll()
{
    m_queue.clear();
    if (m_tts && m_tts->state() == QTextToSpeech::Speaking)
        m_tts->stop();
}

void SpeechWorker::shutdown()
{
    m_queue.clear();
    m_tts.reset();
}
