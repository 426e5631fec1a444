#pragma once

// Qt's own debug and info categories log what is on screen: qt.accessibility.cache names every item by its
// text, input method and Qt Quick categories log typed text and image sources. A technician's
// QT_LOGGING_RULES='*.debug=true' would write residents' names and numbers into the kiosk's log. Installed
// at start, this keeps debug and info of Qt's categories ("qt.*", "qml", "js") off whatever the rules say;
// warnings and the kiosk's own categories ("onestop.*") follow the rules as before. A developer at a desk
// may set ONESTOP_ALLOW_QT_DEBUG=1 (never on a kiosk in service). Thread: call once, before logging starts.
namespace QtLogPrivacy {
void install();
// True for a category whose debug and info the guard keeps off.
bool isGuarded(const char *categoryName);
} // namespace QtLogPrivacy
