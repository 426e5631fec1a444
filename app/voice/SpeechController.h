#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantMap>

class DisplayModeController;
class QThread;
class SessionController;
class SpeechWorker;

// The kiosk's voice: while DisplayMode.voice is on, reads each screen's main instruction
// (ScreenInstructions) when the screen comes, every notice of the session, and the idle warning's
// question, in the session's language. Decides what to say on the GUI thread; the saying happens on a
// worker thread that owns the engine (SpeechWorker), started at the first use. Engine "none": silent.
// Thread: GUI.
class SpeechController : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString engine;         // a QTextToSpeech engine ("speechd", ...); "" = the first installed; "none"
        QVariantMap parameters; // handed to the engine
    };

    SpeechController(SessionController &session, DisplayModeController &mode, Settings settings,
                     QObject *parent = nullptr);
    ~SpeechController() override; // stops the worker (bounded: an engine stuck in say() is abandoned)

    bool isAvailable() const { return m_available; }

signals:
    // To the worker (queued).
    void speakRequested(const QString &text, const QString &language, bool interrupt);
    void stopRequested();

private:
    void onScreenChanged();
    void onNoticeChanged();
    void onIdleChanged();
    void onVoiceChanged(bool on);
    void say(const QString &text, bool interrupt);
    bool ensureWorker();

    SessionController &m_session;
    DisplayModeController &m_mode;
    Settings m_settings;
    QThread *m_thread = nullptr;
    SpeechWorker *m_worker = nullptr;
    bool m_available = true;
    bool m_idleWarning = false;
    QTimer m_startWatch; // an engine that does not come up is said once in the log
};
