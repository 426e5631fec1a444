#include "KioskOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#ifndef ONESTOP_DEFAULT_CONFIG_DIR
#define ONESTOP_DEFAULT_CONFIG_DIR "/usr/share/onestop-kiosk/kiosk-config"
#endif

bool KioskOptions::parse(const QStringList &arguments, KioskOptions *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("OneStop Kiosk: self-service for community service centers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Folder with site.json, catalog.json and residents.json."),
                                    QStringLiteral("DIR"), QStringLiteral(ONESTOP_DEFAULT_CONFIG_DIR));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Where the kiosk keeps its case store."),
                                     QStringLiteral("DIR"), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption platform(QStringLiteral("platform-url"), QStringLiteral("Base URL of the platform API (overrides site.json)."),
                                      QStringLiteral("URL"));
    const QCommandLineOption devices(QStringLiteral("devices"),
                                     QStringLiteral("'config' (as site.json says), 'simulated' (every device simulated) or 'real' "
                                                    "(real drivers; devices site.json leaves simulated are found through the "
                                                    "device table)."),
                                     QStringLiteral("WHICH"), QStringLiteral("config"));
    const QCommandLineOption hall(QStringLiteral("hall"), QStringLiteral("With --scenario and --devices real: the control socket of "
                                                                         "onestop-hall-emulator (card, scan, paper steps)."),
                                  QStringLiteral("PATH"));
    const QCommandLineOption cameraSource(QStringLiteral("camera-source"),
                                          QStringLiteral("Camera source for a real camera (overrides site.json): v4l2:/dev/video0, "
                                                         "file:PATH, images:PATH/frame_%03d.png, gst:PIPELINE."),
                                          QStringLiteral("SOURCE"));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Show the simulator panel beside the kiosk."));
    const QCommandLineOption kiosk(QStringLiteral("kiosk"), QStringLiteral("Fullscreen kiosk window."));
    const QCommandLineOption selfTest(QStringLiteral("self-test"), QStringLiteral("Load every QML file and exit non-zero on any error or warning."));
    const QCommandLineOption scenario(QStringLiteral("scenario"), QStringLiteral("Play a scripted journey offscreen (docs/scenarios.md)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"), QStringLiteral("With --scenario: a PNG per screen, and the receipt, into DIR."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption report(QStringLiteral("report"), QStringLiteral("With --scenario: write the JSON report to FILE."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption screens(
        QStringLiteral("screens"),
        QStringLiteral("Offscreen: a PNG of every screen and state, for each language and display mode, "
                       "into DIR/<language>/<standard|elderly>/NN-name.png, then exit."),
        QStringLiteral("DIR"));
    const QCommandLineOption speechEngine(
        QStringLiteral("speech-engine"),
        QStringLiteral("Qt TextToSpeech engine for the voice (default: the first installed; "
                       "'none' with --scenario, --screens and --self-test); 'none' for silence."),
        QStringLiteral("NAME"));
    parser.addOptions({config, dataDir, platform, devices, hall, cameraSource, demo, kiosk, selfTest, scenario, screenshots, report});
    parser.addOptions({screens, speechEngine});
    const QCommandLineOption elderly(
        QStringLiteral("elderly"),
        QStringLiteral("With --scenario: its elderly variant; every session is switched to "
                       "the elderly mode by a tap on the header's elderly key."));
    parser.addOption(elderly);
    // The web probe (docs/web-services.md): URL in the resident's locked-down web view, a JSON report.
    const QCommandLineOption webProbe(QStringLiteral("web-probe"),
                                      QStringLiteral("Open URL in the resident's web view, click every data-probe element, "
                                                     "and report what the page attempted (--report FILE)."),
                                      QStringLiteral("URL"));
    const QCommandLineOption webAllow(QStringLiteral("web-allow"), QStringLiteral("With --web-probe: the allowed origins, comma-separated."),
                                      QStringLiteral("ORIGINS"));
    const QCommandLineOption webSeconds(QStringLiteral("seconds"), QStringLiteral("With --web-probe: seconds to wait after the clicks."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({webProbe, webAllow, webSeconds});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    options->configDir = parser.value(config);
    options->dataDir = parser.value(dataDir);
    if (parser.isSet(platform)) {
        options->platformUrl = QUrl(parser.value(platform), QUrl::StrictMode);
        if (!options->platformUrl.isValid() || !options->platformUrl.scheme().startsWith(QLatin1String("http"))) {
            *error = QStringLiteral("--platform-url: not an http(s) URL: %1").arg(parser.value(platform));
            return false;
        }
    }
    options->devices = parser.value(devices);
    if (options->devices != QLatin1String("config") && options->devices != QLatin1String("simulated")
        && options->devices != QLatin1String("real")) {
        *error = QStringLiteral("--devices: 'config', 'simulated' or 'real', not '%1'").arg(options->devices);
        return false;
    }
    options->hallSocket = parser.value(hall);
    options->cameraSource = parser.value(cameraSource);
    if (!options->hallSocket.isEmpty() && (options->devices != QLatin1String("real") || !parser.isSet(scenario))) {
        *error = QStringLiteral("--hall goes with --devices real and --scenario");
        return false;
    }
    options->demo = parser.isSet(demo);
    options->fullscreen = parser.isSet(kiosk);
    options->selfTest = parser.isSet(selfTest);
    options->scenarioFile = parser.value(scenario);
    options->screenshotDir = parser.value(screenshots);
    options->reportFile = parser.value(report);
    options->screensDir = parser.value(screens);
    const bool scripted = parser.isSet(scenario) || parser.isSet(screens) || parser.isSet(selfTest);
    options->speechEngine = parser.isSet(speechEngine) ? parser.value(speechEngine)
                                                       : (scripted ? QStringLiteral("none") : QString());
    if (parser.isSet(screens) && parser.isSet(scenario)) {
        *error = QStringLiteral("--screens and --scenario are two different runs");
        return false;
    }
    options->elderly = parser.isSet(elderly);
    if (options->elderly && options->scenarioFile.isEmpty()) {
        *error = QStringLiteral("--elderly goes with --scenario");
        return false;
    }
    if (parser.isSet(webProbe)) {
        options->webProbe = QUrl(parser.value(webProbe), QUrl::StrictMode);
        options->webAllow = parser.value(webAllow).split(QLatin1Char(','), Qt::SkipEmptyParts);
        bool ok = false;
        options->webSeconds = parser.value(webSeconds).toInt(&ok);
        if (!options->webProbe.isValid() || options->webAllow.isEmpty() || !ok || options->webSeconds < 0 ||
            options->webSeconds > 600) {
            *error = QStringLiteral("--web-probe URL needs --web-allow ORIGIN[,ORIGIN...] and --seconds 0..600");
            return false;
        }
        if (parser.isSet(scenario) || parser.isSet(screens) || parser.isSet(selfTest)) {
            *error = QStringLiteral("--web-probe is a run of its own");
            return false;
        }
        return true;
    }
    if (parser.isSet(webAllow) || parser.isSet(webSeconds)) {
        *error = QStringLiteral("--web-allow and --seconds go with --web-probe");
        return false;
    }
    if ((parser.isSet(screenshots) || parser.isSet(report)) && options->scenarioFile.isEmpty()) {
        *error = QStringLiteral("--screenshots and --report go with --scenario");
        return false;
    }
    return true;
}
