#pragma once

// The process environment the on-screen keyboard needs, set before the application object exists:
// Qt Virtual Keyboard as the input method (unless the environment already names one) and the kiosk's own
// layouts (OneStop.Keyboard) instead of Qt's built-in ones, shown only where the window puts its InputPanel
// (no desktop keyboard window of its own).
namespace KeyboardEnvironment {
// The folder (a qrc URL) holding the kiosk's keyboard layouts, one subfolder per locale.
const char *layoutPath();
void prepare();
} // namespace KeyboardEnvironment
