// The composition root: the only place where the kiosk's objects are built and wired together.

#include "AppointmentCheckInController.h"
#include "AppointmentSingletons.h"
#include "CertificateClient.h"
#include "CertificateController.h"
#include "CertificateSingletons.h"
#include "AssistSingletons.h"
#include "IdentitySingletons.h"
#include "CameraCodeScanner.h"
#include "CameraFrameRouter.h"
#include "CaseStore.h"
#include "KeyProvider.h"
#include "CatalogLoader.h"
#include "Clock.h"
#include "ConfigConsistency.h"
#include "DeviceHub.h"
#include "DisplayModeController.h"
#include "DocumentCaptureController.h"
#include "EmulatedHallClient.h"
#include "FaceCaptureController.h"
#include "LicenceClient.h"
#include "LicenceController.h"
#include "MaterialsController.h"
#include "FormController.h"
#include "InputSingletons.h"
#include "KeyboardController.h"
#include "KeyboardEnvironment.h"
#include "KioskDevices.h"
#include "KioskInfo.h"
#include "KioskOptions.h"
#include "QtLogPrivacy.h"
#include "QueueClient.h"
#include "QueueRangeStore.h"
#include "QueueSingletons.h"
#include "ProgressClient.h"
#include "ProgressLookupSingletons.h"
#include "QueueTicketController.h"
#include "PinyinEngine.h"
#include "ProcessStart.h"
#include "QmlSingletons.h"
#include "QrImageProvider.h"
#include "SampleResidents.h"
#include "Scenario.h"
#include "ScenarioRunner.h"
#include "ScreenTour.h"
#include "SelfTest.h"
#include "ServiceCatalogModel.h"
#include "ServiceUsage.h"
#include "SessionController.h"
#include "SessionImageProvider.h"
#include "SessionImageStore.h"
#include "SessionTraces.h"
#include "SimulatedHall.h"
#include "SimulatedReceiptPrinter.h"
#include "SimulatorController.h"
#include "SiteConfigLoader.h"
#include "SpeechController.h"
#include "SubmissionController.h"
#include "StoreExecutor.h"
#include "SyncOnStoreThread.h"
#include "TechnicianController.h"
#include "QuarantineController.h"
#include "RatingSingleton.h"
#include "Translations.h"
#include "UsbContext.h"
#include "UsbDeviceTable.h"
#include "UserActivityFilter.h"
#include "WebEngineEnvironment.h"
#include "WebEngineQmlTypes.h"
#include "WebProbe.h"
#include "WebSessionController.h"
#include "WebSingletons.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(OneStop_CorePlugin)
Q_IMPORT_QML_PLUGIN(OneStop_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_InputPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_KeyboardPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_ScreensPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_SimulatorPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_JourneysPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_Journeys_QueuePlugin)
Q_IMPORT_QML_PLUGIN(OneStop_Journeys_AppointmentPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_Journeys_CertificatePlugin)
Q_IMPORT_QML_PLUGIN(OneStop_Journeys_LookupPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_WebPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_WebViewPlugin)

Q_LOGGING_CATEGORY(lcMain, "onestop.main")

namespace {
enum ExitCode { Ok = 0, Failed = 1, BadUsage = 2, BadConfig = 3, StoreUnavailable = 4 };

// To stderr, which is also where the log goes (journald under systemd): one line per problem.
void printError(const QString &text)
{
    std::fprintf(stderr, "onestop-kiosk: %s\n", qPrintable(text));
}

// The kiosk cannot serve anyone (configuration refused, store unavailable): the problem goes to the log
// and stderr, and, unless this is a scripted run, on screen for the technician until someone restarts it.
int outOfService(const QString &details, int exitCode, const KioskOptions &options)
{
    printError(details);
    if (options.selfTest || !options.scenarioFile.isEmpty() || !options.screensDir.isEmpty())
        return exitCode;
    Translations translations;
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    translations.setEngine(&engine);
    translations.apply(QStringLiteral("zh_CN"));
    engine.setInitialProperties({{QStringLiteral("details"), details}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/OneStop/Screens/OutOfServiceWindow.qml")));
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return exitCode;
    if (options.fullscreen)
        window->showFullScreen();
    else
        window->show();
    QGuiApplication::exec();
    return exitCode;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("onestop"));
    QCoreApplication::setApplicationName(QStringLiteral("onestop-kiosk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ONESTOP_VERSION));
    // Qt's own debug logging names what is on screen (residents' names, typed text): kept off.
    QtLogPrivacy::install();
    // The on-screen keyboard (Qt Virtual Keyboard with the kiosk's layouts), unless the environment
    // already names an input method; the scenario runner's input-method events work with either.
    KeyboardEnvironment::prepare();
    // Qt WebEngine (the platform's web services): no remote debugging whatever the environment says, the
    // sandbox on unless root; initialised before the application object, as it must be.
    WebEngineEnvironment::prepare();
    QtWebEngineQuick::initialize();
    QGuiApplication app(argc, argv);

    KioskOptions options;
    QString usageError;
    if (!KioskOptions::parse(app.arguments(), &options, &usageError)) {
        printError(usageError);
        return BadUsage;
    }
    const bool scripted =
        !options.scenarioFile.isEmpty() || options.selfTest || !options.screensDir.isEmpty();
    if (QGuiApplication::platformName() == QLatin1String("offscreen") || QGuiApplication::platformName() == QLatin1String("minimal"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    qCInfo(lcMain).noquote() << "web view sandbox:" << WebEngineEnvironment::sandboxDescription();
    QString webTypesError;
    if (!WebEngineQmlTypes::registerQuietly(&webTypesError))
        printError(QStringLiteral("Qt WebEngine's QML types could not be loaded: ") + webTypesError);
    if (options.webProbe.isValid())
        return WebProbe::run({options.webProbe, options.webAllow, options.webSeconds, options.reportFile});

    // Configuration: whole or not at all.
    const QDir configDir(options.configDir);
    const auto siteResult = SiteConfigLoader::load(configDir.filePath(QStringLiteral("site.json")));
    const auto catalogResult = CatalogLoader::load(configDir.filePath(QStringLiteral("catalog.json")));
    if (!siteResult.ok() || !catalogResult.ok())
        return outOfService(QStringLiteral("configuration refused:\n") + siteResult.errorText() +
                                (siteResult.ok() ? QString() : QStringLiteral("\n")) + catalogResult.errorText(),
                            BadConfig, options);
    SiteConfig site = siteResult.value();
    const Catalog catalog = catalogResult.value();
    const ConfigErrors inconsistencies = ConfigConsistency::check(site, catalog, configDir.filePath(QStringLiteral("site.json")),
                                                                  configDir.filePath(QStringLiteral("catalog.json")));
    if (!inconsistencies.isEmpty()) {
        QStringList lines;
        for (const ConfigError &e : inconsistencies)
            lines << e.toString();
        return outOfService(QStringLiteral("configuration refused:\n") + lines.join(QLatin1Char('\n')), BadConfig, options);
    }
    if (options.platformUrl.isValid())
        site.platformUrl = options.platformUrl;

    // The case store: nothing is offered to residents without it.
    QString storeError;
    if (!QDir().mkpath(options.dataDir))
        return outOfService(QStringLiteral("cannot create the data directory %1").arg(options.dataDir), StoreUnavailable, options);
    FileKeyProvider storeKeys(site.store.keyFile.isEmpty() ? FileKeyProvider::defaultPath(options.dataDir) : site.store.keyFile);
    // The store lives on its own thread (StoreExecutor): sqlite's commits never hold up the screen.
    std::unique_ptr<StoreExecutor> store = StoreExecutor::startWorker(
        [&](QString *error) { return CaseStore::open(options.dataDir, storeKeys, error); }, &storeError);
    if (!store)
        return outOfService(QStringLiteral("case store unavailable: %1").arg(storeError), StoreUnavailable, options);

    // A quarantined store may hold unsynced cases: it stays on disk, and every start says so until a
    // technician has recovered it (docs/store.md).
    for (const QString &file : CaseStore::quarantinedFiles(options.dataDir))
        qCCritical(lcMain).noquote() << "quarantined case store waiting for a technician:" << file;

    SyncOnStoreThread syncOnStoreThread(*store, site.sync, site.platformUrl);
    SyncMonitor &sync = syncOnStoreThread.monitor();

    // Retention: a synced case's personal data is purged site.store.retention_hours after the platform has it
    // (docs/store.md); checked at start and every 15 minutes.
    QTimer retention;
    const auto purgeExpired = [&store, &site] {
        const qint64 retentionMs = qint64(site.store.retentionHours) * 3600 * 1000;
        store->post([retentionMs](CaseStore &cases) {
            QString error;
            if (cases.purgeExpired(QDateTime::currentDateTimeUtc(), retentionMs, &error) < 0)
                qCWarning(lcMain).noquote() << "retention:" << error;
        });
    };
    QObject::connect(&retention, &QTimer::timeout, &app, purgeExpired);
    retention.start(15 * 60 * 1000);
    purgeExpired();

    // Devices: simulators or real drivers, as site.json and --devices say. One libusb context and event
    // thread for the whole kiosk, started only when a device needs USB; if it cannot start, the USB
    // devices stay unavailable with the reason.
    const KioskDevices::Mode deviceMode = options.devices == QLatin1String("simulated") ? KioskDevices::Mode::Simulated
                                          : options.devices == QLatin1String("real")    ? KioskDevices::Mode::Real
                                                                                        : KioskDevices::Mode::Config;
    bool needsUsb = deviceMode == KioskDevices::Mode::Real;
    for (const DeviceConfig &d : site.devices)
        needsUsb = needsUsb || (deviceMode == KioskDevices::Mode::Config && d.driver.endsWith(QLatin1String("-usb")));
    UsbContext usb;
    bool usbStarted = false;
    std::optional<UsbDeviceTable> usbTable;
    if (needsUsb) {
        QString usbError;
        usbStarted = usb.start(&usbError);
        if (!usbStarted)
            qCWarning(lcMain).noquote() << "USB unavailable:" << usbError;
        QStringList tableErrors;
        usbTable = UsbDeviceTable::load(configDir.filePath(QStringLiteral("devices/usb-devices.json")), &tableErrors);
        if (!usbTable)
            return outOfService(QStringLiteral("USB device table refused:\n") + tableErrors.join(QLatin1Char('\n')), BadConfig, options);
    }
    KioskDevices::Inputs deviceInputs;
    deviceInputs.mode = deviceMode;
    deviceInputs.usb = usbStarted ? &usb : nullptr;
    deviceInputs.usbTable = usbTable ? &*usbTable : nullptr;
    deviceInputs.cameraSource = options.cameraSource;
    deviceInputs.configFile = configDir.filePath(QStringLiteral("site.json"));
    QStringList deviceErrors;
    const std::unique_ptr<KioskDevices> kioskDevices = KioskDevices::build(site, deviceInputs, &deviceErrors);
    if (!kioskDevices)
        return outOfService(QStringLiteral("devices refused:\n") + deviceErrors.join(QLatin1Char('\n')), BadConfig, options);
    for (const QString &line : kioskDevices->describe())
        qCInfo(lcMain).noquote() << "device" << line;
    if (!options.screenshotDir.isEmpty() && kioskDevices->simulatedPrinter())
        kioskDevices->simulatedPrinter()->setPaperOutputDirectory(options.screenshotDir);
    DeviceHub devices;
    for (Device *device : kioskDevices->all())
        devices.add(device);

    const auto residents = SampleResidents::load(configDir.filePath(QStringLiteral("residents.json")));
    if (!residents.ok())
        return outOfService(QStringLiteral("sample residents refused:\n") + residents.errorText(), BadConfig, options);

    // Session and screens.
    SystemClock systemClock;
    ManualClock manualClock;
    const Clock &clock = options.scenarioFile.isEmpty() && options.screensDir.isEmpty()
                             ? static_cast<const Clock &>(systemClock)
                             : manualClock;
    // Most used services first: one counter per service id, no personal data (app/search/ServiceUsage.h).
    ServiceUsage serviceUsage(QDir(options.dataDir).filePath(QStringLiteral("service-usage.json")));
    ServiceCatalogModel services(catalog, devices);
    services.setUsage(&serviceUsage);
    FormController form;
    SubmissionController submission(site, catalog, *store, sync, kioskDevices->printer());
    SessionController session(site, catalog, kioskDevices->reader(), kioskDevices->scanner(), services, form, submission, clock);
    QObject::connect(&submission, &SubmissionController::finished, &services, [&services, &session](bool saved) {
        if (saved)
            services.recordUse(session.serviceId());
    });
    // Queue tickets (取号): a journey without an ID card (app/journeys/queue). Its offline ticket ranges are a
    // small file in the data directory (an unreadable one is moved aside and logged by load()).
    QueueRangeStore queueRanges(QDir(options.dataDir).filePath(QStringLiteral("queue-tickets.json")));
    QString queueRangesError;
    queueRanges.load(&queueRangesError);
    // The journeys' own requests (asynchronous, on the GUI thread; sync has its own on the store's thread).
    QNetworkAccessManager journeyNetwork;
    QueueClient queueClient(journeyNetwork, site.sync, site.platformUrl, site.centerId);
    QueueTicketController queueTicket({site.centerId, site.centerName.zh, site.centerName.en}, queueClient,
                                      queueRanges, kioskDevices->printer());
    queueTicket.setNetworkAvailable(sync.networkAvailable());
    QObject::connect(&sync, &SyncMonitor::stateChanged, &queueTicket,
                     [&sync, &queueTicket] { queueTicket.setNetworkAvailable(sync.networkAvailable()); });
    session.addJourney(&queueTicket);
    QueueSingletons::set({&queueTicket});
    // Appointment check-in (预约签到), offered from the queue ticket's screen (app/journeys/appointment).
    AppointmentCheckInController appointmentCheckIn({site.centerId, site.centerName.zh, site.centerName.en}, queueClient,
                                                    kioskDevices->printer());
    appointmentCheckIn.setNetworkAvailable(sync.networkAvailable());
    QObject::connect(&sync, &SyncMonitor::stateChanged, &appointmentCheckIn,
                     [&sync, &appointmentCheckIn] { appointmentCheckIn.setNetworkAvailable(sync.networkAvailable()); });
    session.addJourney(&appointmentCheckIn);
    AppointmentSingletons::set({&appointmentCheckIn});
    // Certificates (居住证明, 户籍证明): the catalog's certificate services, issued by the platform and
    // printed on the A4 document printer, or collected at the counter (app/journeys/certificate).
    CertificateClient certificateClient(journeyNetwork, site.sync, site.platformUrl);
    CertificateController certificate({site.centerName.zh, site.centerName.en, configDir.filePath(QStringLiteral("documents"))},
                                      catalog, certificateClient, kioskDevices->documentPrinter());
    certificate.setNetworkAvailable(sync.networkAvailable());
    QObject::connect(&sync, &SyncMonitor::stateChanged, &certificate,
                     [&sync, &certificate] { certificate.setNetworkAvailable(sync.networkAvailable()); });
    session.addJourney(&certificate);
    CertificateSingletons::set({&certificate});
    // Progress lookup (办件查询): a receipt's QR code, a typed case number, or the resident's card for their own
    // cases; offline from the case store, through the store's executor (app/journeys/lookup).
    ProgressClient progressClient(journeyNetwork, site.sync, site.platformUrl);
    ProgressLookupController::Settings lookupSettings;
    lookupSettings.trackingUrlTemplate = site.trackingUrlTemplate;
    lookupSettings.serviceName = [&catalog](const QString &serviceId, const QString &language) {
        const ServiceSpec *service = catalog.find(serviceId);
        return service ? service->name.in(language) : QString();
    };
    ProgressLookupController progressLookup(lookupSettings, progressClient, *store);
    progressLookup.setNetworkAvailable(sync.networkAvailable());
    QObject::connect(&sync, &SyncMonitor::stateChanged, &progressLookup,
                     [&sync, &progressLookup] { progressLookup.setNetworkAvailable(sync.networkAvailable()); });
    session.addJourney(&progressLookup);
    LookupSingletons::set({&progressLookup});
    KioskInfo kiosk(site, options.demo, !scripted);
    // The simulator panel and the scenarios' device steps: the simulated hall when the reader, scanner and
    // printer are simulated; with --devices real a scenario drives the emulated hall (--hall) instead.
    std::unique_ptr<SimulatorController> simulator;
    if (kioskDevices->hallSimulated())
        simulator = std::make_unique<SimulatorController>(*kioskDevices->simulatedReader(), *kioskDevices->simulatedScanner(),
                                                          *kioskDevices->simulatedPrinter(), kioskDevices->simulatedCamera(),
                                                          sync, residents.value());
    if (options.demo && !simulator)
        return outOfService(QStringLiteral("--demo needs the simulated hall (--devices simulated)"), BadUsage, options);
    // The camera in the journey: QR codes on the identify screen, document pages and the resident's photo on
    // the materials screen. The router feeds each capture only while its screen is open. A camera that is
    // already the configured scanner is not doubled.
    DocumentCaptureController documentCapture;
    FaceCaptureController faceCapture;
    // E-licences (电子证照): fetched for the identified resident of a service that accepts them, picked on the
    // materials screen instead of photographing paper (the platform's lookup, through the site's TLS client).
    LicenceClient licenceClient(journeyNetwork, site.sync, site.platformUrl);
    LicenceController licences(&licenceClient);
    licences.setLanguage(session.language());
    QObject::connect(&session, &SessionController::languageChanged, &licences, &LicenceController::setLanguage);
    // The materials sub-flow: the camera's captures and the e-licences; reset with the session.
    MaterialsController materials(&documentCapture, &faceCapture, &licences);
    session.setMaterials(&materials);
    std::unique_ptr<CameraCodeScanner> cameraScanner;
    if (!qobject_cast<CameraCodeScanner *>(&kioskDevices->scanner())) {
        cameraScanner = std::make_unique<CameraCodeScanner>(&kioskDevices->camera());
        session.addCodeScanner(*cameraScanner);
    }
    CameraFrameRouter cameraFeed(session, &kioskDevices->camera(), &materials, cameraScanner.get());
    // A resident without a readable card: typed details, confirmed by staff with the staff PIN.
    NoCardIdentityController noCard(site.staff, clock);
    session.setNoCardIdentity(&noCard);
    IdentitySingletons::set({&noCard});
    // The rating's details: a poor rating's indicators and a comment (GB/T 39734).
    RatingController rating;
    session.setRatingController(&rating);
    RatingSingleton::set(&rating);
    TechnicianController technician(site.technician, clock, [&session] {
        return session.screenName() == QLatin1String("attract");
    });
    Translations translations;
    QObject::connect(&session, &SessionController::languageChanged, &app, [&](const QString &language) {
        translations.apply(language);
        kiosk.setLanguage(language);
        form.setLanguage(language);
    });
    // The on-screen keyboard's pinyin engine learns for one session only: wiped when the session ends.
    PinyinEngine pinyin;
    KeyboardController keyboard(pinyin);
    keyboard.setSessionLanguage(session.language());
    QObject::connect(&session, &SessionController::languageChanged, &keyboard, &KeyboardController::setSessionLanguage);
    QObject::connect(&session, &SessionController::sessionEnded, &keyboard, &KeyboardController::wipe);
    InputSingletons::set({&pinyin, &keyboard});
    UserActivityFilter activity(session);
    app.installEventFilter(&activity);
    // The resident's display mode (elderly mode, voice): per session, with the idle timeouts following it.
    DisplayModeController displayMode;
    QObject::connect(&displayMode, &DisplayModeController::idleFactorChanged, &session,
                     &SessionController::setIdleTimeoutFactor);
    QObject::connect(&session, &SessionController::sessionEnded, &displayMode, &DisplayModeController::reset);
    AssistSingletons::set({&displayMode});
    // The session's pictures reach the screens through "image://session/..." only; the session's end
    // forgets them, clears the clipboard and purges Qt Quick's image caches (SessionTraces).
    SessionImageStore sessionImages;
    documentCapture.setImageStore(&sessionImages);
    faceCapture.setImageStore(&sessionImages);
    SessionTraces sessionTraces(sessionImages);
    QObject::connect(&session, &SessionController::sessionEnded, &sessionTraces, &SessionTraces::wipe);
    // The voice: its engine on a worker thread of its own, started when a resident first turns it on.
    SpeechController speech(session, displayMode, {options.speechEngine, {}});

    // Quarantined case stores in the technician view: listed with when, why and what they still hold, their
    // unsynced cases brought into the live outbox exactly once, then sent.
    QuarantineController quarantine(options.dataDir, &storeKeys, store.get(), [&sync] { sync.kick(); });
    QmlSingletons::set({&session, &form, &services, &submission, &devices, &kiosk, &sync, simulator.get(), &technician,
                        &documentCapture, &faceCapture, &cameraFeed});
    QmlSingletons::current().quarantine = &quarantine;
    QmlSingletons::current().materials = &materials;
    QmlSingletons::current().licences = &licences;
    // The A4 application summary of services that give one (catalog a4_summary), on the document printer;
    // without one, or when it fails, the resident is sent to the counter with the case number.
    SummaryPrintController summaryPrint(site, catalog, kioskDevices->documentPrinter());
    QObject::connect(&submission, &SubmissionController::caseCommitted, &summaryPrint,
                     &SummaryPrintController::onCaseCommitted);
    QObject::connect(&session, &SessionController::sessionEnded, &summaryPrint, &SummaryPrintController::clear);
    QmlSingletons::current().summaryPrint = &summaryPrint;
    // The platform's web services (catalog kind "web"): the web screen opens the service in the session's
    // off-the-record profile, which goes at the session's end.
    WebSessionController webSession;
    QObject::connect(&session, &SessionController::screenChanged, &webSession, [&] {
        const ServiceSpec *service = catalog.find(session.serviceId());
        if (session.screen() == SessionController::Screen::Web && service)
            webSession.openService(*service, site.web.allowLoopbackHttp);
        else
            webSession.close();
    });
    QObject::connect(&session, &SessionController::sessionEnded, &webSession, &WebSessionController::endSession);
    WebSingletons::set({&webSession});
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.addImageProvider(QStringLiteral("qr"), new QrImageProvider);
    engine.addImageProvider(SessionImageStore::providerName(), new SessionImageProvider(sessionImages));
    translations.setEngine(&engine);
    translations.apply(session.language());

    devices.startAll();
    sync.start();
    queueTicket.start();

    if (options.selfTest) {
        const QStringList problems = SelfTest::run(engine);
        for (const QString &p : problems)
            std::fprintf(stderr, "self-test: %s\n", qPrintable(p));
        std::fprintf(stdout, "self-test: %s\n", problems.isEmpty() ? "passed" : "FAILED");
        return problems.isEmpty() ? Ok : Failed;
    }

    qint64 firstFrameMs = -1;
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/OneStop/Screens/KioskWindow.qml")));
    if (engine.rootObjects().isEmpty()) {
        printError(QStringLiteral("the kiosk screens could not be loaded"));
        return Failed;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (firstFrameMs < 0 && session.screen() == SessionController::Screen::Attract) {
            firstFrameMs = msSinceProcessStart();
            qCInfo(lcMain) << "first attract frame after" << firstFrameMs << "ms from process start";
        }
    });

    if (!options.scenarioFile.isEmpty()) {
        QStringList errors;
        const Scenario scenario = Scenario::load(options.scenarioFile, &errors);
        if (!errors.isEmpty()) {
            printError(QStringLiteral("scenario refused:\n") + errors.join(QLatin1Char('\n')));
            return BadUsage;
        }
        window->show();
        std::unique_ptr<HallControl> hall;
        if (simulator)
            hall = std::make_unique<SimulatedHall>(*simulator);
        else if (!options.hallSocket.isEmpty())
            hall = std::make_unique<EmulatedHallClient>(options.hallSocket);
        ScenarioRunner runner({window, &session, &form, &submission, &sync, store.get(), simulator.get(),
                               hall.get(), &manualClock, site.platformUrl, &displayMode, options.elderly},
                              options.screenshotDir);
        // The first frame is measured before the first step.
        QEventLoop firstFrame;
        QTimer::singleShot(0, &firstFrame, [&] { window->requestUpdate(); });
        QObject::connect(window, &QQuickWindow::frameSwapped, &firstFrame, &QEventLoop::quit);
        QTimer::singleShot(5000, &firstFrame, &QEventLoop::quit);
        firstFrame.exec();
        runner.setFirstFrameMs(firstFrameMs);
        runner.setDevices(&devices); // wait_device steps
        const bool passed = runner.run(scenario);
        const QByteArray report = QJsonDocument(runner.report()).toJson(QJsonDocument::Indented);
        if (!options.reportFile.isEmpty() && !writeFile(options.reportFile, report))
            printError(QStringLiteral("cannot write the report to %1").arg(options.reportFile));
        std::fprintf(stdout, "scenario %s: %s\n", qPrintable(scenario.name), passed ? "passed" : qPrintable(QStringLiteral("FAILED: ") + runner.failure()));
        devices.stopAll();
        return passed ? Ok : Failed;
    }

    if (!options.screensDir.isEmpty()) {
        // The screens for review: every screen and state, per language and display mode.
        window->show();
        std::unique_ptr<HallControl> hall;
        if (simulator)
            hall = std::make_unique<SimulatedHall>(*simulator);
        bool passed = hall != nullptr;
        for (const QString &language : site.languages) {
            for (const bool elderly : {false, true}) {
                if (!passed)
                    break;
                const QString dir = ScreenTour::directory(options.screensDir, language, elderly);
                QDir(dir).removeRecursively();
                ScenarioRunner runner({window, &session, &form, &submission, &sync, store.get(),
                                       simulator.get(), hall.get(), &manualClock, QUrl(), nullptr, false},
                                      dir);
                const Scenario tour = ScreenTour::scenario(language, elderly);
                passed = runner.run(tour);
                std::fprintf(stdout, "%s: %s (%lld screenshots in %s)\n", qPrintable(tour.name),
                             passed ? "done" : qPrintable(QStringLiteral("FAILED: ") + runner.failure()),
                             qlonglong(runner.report().value(QStringLiteral("screenshots")).toArray().size()),
                             qPrintable(dir));
            }
        }
        if (!hall)
            printError(QStringLiteral("--screens needs the simulated hall (--devices simulated)"));
        devices.stopAll();
        return passed ? Ok : Failed;
    }

    if (options.fullscreen)
        window->showFullScreen();
    else
        window->show();
    if (options.demo) {
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/OneStop/Simulator/SimulatorPanel.qml")));
        auto *panel = qobject_cast<QQuickWindow *>(engine.rootObjects().constLast());
        if (!panel || panel == window) {
            printError(QStringLiteral("the simulator panel could not be loaded"));
            return Failed;
        }
        // Beside the kiosk window, as a second screen on the technician's desk would be.
        panel->setPosition(window->geometry().right() + 1, window->y());
        panel->show();
    }
    const int code = app.exec();
    devices.stopAll();
    return code;
}
