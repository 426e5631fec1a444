#include "SpeechController.h"

#include "DisplayModeController.h"
#include "ScreenInstructions.h"
#include "SessionController.h"
#include "SpeechWorker.h"

#include <QLoggingCategory>
#include <QThread>

Q_DECLARE_LOGGING_CATEGORY(lcSpeech)

SpeechController::SpeechController(SessionController &session, DisplayModeController &mode, Settings settings,
                                   QObject *parent)
    : QObject(parent), m_session(session), m_mode(mode), m_settings(std::move(settings))
{
    m_available = m_settings.engine != QLatin1String("none");
    connect(&session, &SessionController::screenChanged, this, &SpeechController::onScreenChanged);
    connect(&session, &SessionController::noticeChanged, this, &SpeechController::onNoticeChanged);
    connect(&session, &SessionController::idleChanged, this, &SpeechController::onIdleChanged);
    connect(&mode, &DisplayModeController::voiceChanged, this, &SpeechController::onVoiceChanged);
    m_startWatch.setSingleShot(true);
    m_startWatch.setInterval(10000);
    connect(&m_startWatch, &QTimer::timeout, this, [this] {
        qCWarning(lcSpeech).noquote()
            << "speech engine"
            << (m_settings.engine.isEmpty() ? QStringLiteral("(default)") : m_settings.engine)
            << "has not started within 10 s; the kiosk goes on without voice until it does";
    });
}

SpeechController::~SpeechController()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &SpeechWorker::shutdown, Qt::QueuedConnection);
    m_thread->quit();
    // speech-dispatcher without a sound card can hang in say(): the kiosk does not hang with it.
    if (!m_thread->wait(3000)) {
        qCWarning(lcSpeech) << "the speech engine did not stop within 3 s; abandoning it";
        m_thread->terminate();
        m_thread->wait(1000);
    }
    delete m_worker;
    delete m_thread;
}

bool SpeechController::ensureWorker()
{
    if (!m_available)
        return false;
    if (m_worker)
        return true;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("speech"));
    m_worker = new SpeechWorker(m_settings.engine, m_settings.parameters);
    m_worker->moveToThread(m_thread);
    connect(this, &SpeechController::speakRequested, m_worker, &SpeechWorker::speak, Qt::QueuedConnection);
    connect(this, &SpeechController::stopRequested, m_worker, &SpeechWorker::stopAll, Qt::QueuedConnection);
    connect(m_worker, &SpeechWorker::ready, &m_startWatch, &QTimer::stop, Qt::QueuedConnection);
    connect(
        m_worker, &SpeechWorker::unavailable, this,
        [this] {
            m_startWatch.stop();
            m_available = false;
        },
        Qt::QueuedConnection);
    m_thread->start();
    m_startWatch.start();
    return true;
}

void SpeechController::say(const QString &text, bool interrupt)
{
    if (!m_mode.isVoice() || (text.isEmpty() && !interrupt) || !ensureWorker())
        return;
    emit speakRequested(text, m_session.language(), interrupt);
}

void SpeechController::onScreenChanged()
{
    // A new screen silences what was being read for the previous one.
    say(ScreenInstructions::forScreen(m_session.screenName()), true);
    if (!m_session.notice().isEmpty())
        say(m_session.notice(), false);
}

void SpeechController::onNoticeChanged()
{
    if (!m_session.notice().isEmpty())
        say(m_session.notice(), false);
}

void SpeechController::onIdleChanged()
{
    const bool warning = m_session.isIdleWarning();
    if (warning && !m_idleWarning)
        say(ScreenInstructions::idleQuestion(), true);
    m_idleWarning = warning;
}

void SpeechController::onVoiceChanged(bool on)
{
    if (on) {
        onScreenChanged(); // what this screen asks, at once
    } else if (m_worker) {
        emit stopRequested();
    }
}
