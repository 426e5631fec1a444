#include "DisplayModeController.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDisplayMode, "onestop.displaymode")

DisplayModeController::DisplayModeController(QObject *parent) : QObject(parent) {}

void DisplayModeController::setElderly(bool on)
{
    if (on == m_elderly)
        return;
    m_elderly = on;
    qCInfo(lcDisplayMode) << "elderly mode" << (on ? "on" : "off");
    emit elderlyChanged(on);
    emit idleFactorChanged(idleFactor());
    // The elderly mode reads aloud by default; a resident who chose the voice keeps their choice.
    if (!m_voiceChosen && m_voice != on) {
        m_voice = on;
        emit voiceChanged(on);
    }
}

void DisplayModeController::setVoice(bool on)
{
    m_voiceChosen = true;
    if (on == m_voice)
        return;
    m_voice = on;
    qCInfo(lcDisplayMode) << "voice" << (on ? "on" : "off");
    emit voiceChanged(on);
}

void DisplayModeController::reset()
{
    m_voiceChosen = false;
    if (m_voice) {
        m_voice = false;
        emit voiceChanged(false);
    }
    if (m_elderly) {
        m_elderly = false;
        emit elderlyChanged(false);
        emit idleFactorChanged(idleFactor());
    }
}
