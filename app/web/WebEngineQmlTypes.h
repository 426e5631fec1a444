#pragma once

#include <QString>

// Registers Qt WebEngine's QML types (the QtWebEngine module) once, early, without the three warnings
// Qt 6.4.2 prints while doing so ("QWebEngineCertificateError / QWebEngineFullScreenRequest /
// QWebEngineLoadingInfo is neither a QObject, nor default- and copy-constructible": a known defect of
// that release's type registration, harmless: the types work as signal arguments). Exactly those three
// messages are dropped, only during this call; every other message passes. Call after the application
// object exists and before any QML that imports QtWebEngine (main.cpp). Thread: GUI.
namespace WebEngineQmlTypes {

// false (with the QML errors in *error) if the QtWebEngine module could not be imported.
bool registerQuietly(QString *error);

} // namespace WebEngineQmlTypes
