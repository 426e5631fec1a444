#pragma once

#include <QString>

// What the voice reads on each screen: the screen's main instruction, as the screen shows it. The texts are
// looked up with the screens' own translation contexts, so they are the very strings on screen, in the
// language currently installed (Translations). Pure functions; thread: GUI (the installed translator).
namespace ScreenInstructions {
// The instruction of a screen named as SessionController::screenName() ("" for screens that say nothing,
// such as the attract screen).
QString forScreen(const QString &screenName);
// The idle warning's question.
QString idleQuestion();
} // namespace ScreenInstructions
