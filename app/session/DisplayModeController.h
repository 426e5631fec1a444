#pragma once

#include <QObject>

// How the kiosk presents itself to the resident of the current session: the elderly mode (长辈版: larger
// text and touch targets, no pop-ups, idle timeouts doubled) and the voice (each screen's instruction and
// every notice read aloud). Both are one tap away on every screen; the elderly mode turns the voice on
// unless the resident turned it off. Per session: main.cpp calls reset() when a session ends.
// The QML Theme follows `elderly`; SessionController takes `idleFactor`; SpeechController follows `voice`.
// Thread: GUI.
class DisplayModeController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool elderly READ isElderly WRITE setElderly NOTIFY elderlyChanged)
    Q_PROPERTY(bool voice READ isVoice WRITE setVoice NOTIFY voiceChanged)
    Q_PROPERTY(int idleFactor READ idleFactor NOTIFY elderlyChanged)

public:
    explicit DisplayModeController(QObject *parent = nullptr);

    bool isElderly() const { return m_elderly; }
    bool isVoice() const { return m_voice; }
    // Idle timeouts are multiplied by this: 2 in the elderly mode, else 1.
    int idleFactor() const { return m_elderly ? 2 : 1; }

    void setElderly(bool on);
    void setVoice(bool on);
    Q_INVOKABLE void toggleElderly() { setElderly(!m_elderly); }
    Q_INVOKABLE void toggleVoice() { setVoice(!m_voice); }
    // Back to the standard mode, voice off: the next resident starts from the default.
    void reset();

signals:
    void elderlyChanged(bool elderly);
    void voiceChanged(bool voice);
    void idleFactorChanged(int factor);

private:
    bool m_elderly = false;
    bool m_voice = false;
    bool m_voiceChosen = false; // the resident set the voice themselves this session
};
