#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

// The kiosk's command line (onestop-kiosk --help).
struct KioskOptions
{
    QString configDir;       // site.json, catalog.json, residents.json
    QString dataDir;         // the case store and everything else the kiosk writes
    QUrl platformUrl;        // overrides site.json's platform_url when set
    QString devices;         // "config" (as site.json says), "simulated" or "real"
    QString hallSocket;      // --hall: onestop-hall-emulator's control socket (scenario device steps)
    QString cameraSource;    // --camera-source: overrides the camera's configured source
    bool demo = false;       // simulator panel beside the kiosk window
    bool fullscreen = false; // --kiosk
    bool selfTest = false;
    QString scenarioFile;
    QString screenshotDir;
    QString reportFile;
    QString screensDir;   // --screens: every screen and state, per language and display mode, into DIR
    QString speechEngine; // --speech-engine: a Qt TextToSpeech engine, "none" for silence
    bool elderly = false; // --elderly: with --scenario, every session tapped into the elderly mode
    QUrl webProbe;          // --web-probe URL (with --web-allow, --seconds, --report): the web view's probe
    QStringList webAllow;   // --web-allow: origins
    int webSeconds = 5;     // --seconds

    // Parses the application's arguments; on a usage error prints it and returns false.
    static bool parse(const QStringList &arguments, KioskOptions *options, QString *error);
};
