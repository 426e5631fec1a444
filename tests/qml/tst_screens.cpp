// Qt Quick tests of the kiosk's screens against the real controllers, composed here the way main.cpp
// composes them: a store in a temporary directory, the shipped kiosk-config, simulated devices, a sync
// client that cannot reach anything (network marked down) and a manual clock for the idle timeouts.
// The QML test cases are the tst_*.qml files next to this one.

#include "AssistSingletons.h"
#include "CameraFrameRouter.h"
#include "LicenceClient.h"
#include "LicenceController.h"
#include "MaterialsController.h"
#include "CaseStore.h"
#include "CatalogLoader.h"
#include "Clock.h"
#include "DeviceHub.h"
#include "DisplayModeController.h"
#include "DocumentCaptureController.h"
#include "FaceCaptureController.h"
#include "FormController.h"
#include "IdentitySingletons.h"
#include "InputSingletons.h"
#include "KeyboardController.h"
#include "KeyboardEnvironment.h"
#include "KeyProvider.h"
#include "KioskInfo.h"
#include "PinyinEngine.h"
#include "QmlSingletons.h"
#include "QmlTestHarness.h"
#include "Quarantine.h"
#include "QuarantineController.h"
#include "RatingSingleton.h"
#include "QrImageProvider.h"
#include "SampleResidents.h"
#include "ServiceCatalogModel.h"
#include "SessionController.h"
#include "SessionImageProvider.h"
#include "SessionImageStore.h"
#include "SessionTraces.h"
#include "SimulatedCamera.h"
#include "SimulatedCodeScanner.h"
#include "SimulatedIdCardReader.h"
#include "SimulatedReceiptPrinter.h"
#include "SimulatorController.h"
#include "SiteConfigLoader.h"
#include "StrictWarnings.h"
#include "SubmissionController.h"
#include "StoreExecutor.h"
#include "SyncClient.h"
#include "SyncMonitor.h"
#include "UserActivityFilter.h"
#include "WebEngineEnvironment.h"
#include "WebEngineQmlTypes.h"
#include "WebSingletons.h"

#include <QDir>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(OneStop_CorePlugin)
Q_IMPORT_QML_PLUGIN(OneStop_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_InputPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_KeyboardPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_ScreensPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_SimulatorPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_WebPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_WebViewPlugin)

namespace {
// The kiosk, composed once for the whole run; each test case starts from Harness.reset().
struct Kiosk
{
    QTemporaryDir dataDir;
    SiteConfig site;
    Catalog catalog;
    QVector<IdCardData> residents;
    std::unique_ptr<CaseStore> store;
    std::unique_ptr<StoreExecutor> executor; // jobs on this thread, from the event loop
    QNetworkAccessManager network;
    std::unique_ptr<SyncClient> sync;
    std::unique_ptr<SyncMonitor> syncMonitor;
    SimulatedIdCardReader reader{QStringLiteral("test-idcard")};
    SimulatedCodeScanner scanner{QStringLiteral("test-scanner")};
    std::unique_ptr<SimulatedReceiptPrinter> printer;
    SimulatedCamera camera{QStringLiteral("test-camera")};
    DeviceHub devices;
    ManualClock clock;
    std::unique_ptr<ServiceCatalogModel> services;
    FormController form;
    std::unique_ptr<SubmissionController> submission;
    std::unique_ptr<NoCardIdentityController> noCard; // the staff PIN of kiosk-config/site.json
    RatingController rating;
    std::unique_ptr<SessionController> session;
    std::unique_ptr<KioskInfo> kiosk;
    std::unique_ptr<SimulatorController> simulator;
    std::unique_ptr<UserActivityFilter> activity;
    std::unique_ptr<TechnicianController> technician;
    std::unique_ptr<QmlTestHarness> harness;
    // A quarantined store with one unsynced case (another center: the live counters stay as they are), for
    // the technician view's quarantine list.
    std::unique_ptr<FileKeyProvider> storeKeys;
    std::unique_ptr<QuarantineController> quarantine;
    // The materials screen: its own scripted camera, so that the test decides what the camera sees.
    ScriptedCamera materialsCamera;
    DocumentCaptureController documentCapture;
    FaceCaptureController faceCapture;
    // The e-licences against the fixture's platform URL, which nobody serves: the resident is told they
    // cannot be fetched (the licences' own tests run against platform-sim).
    QNetworkAccessManager licenceNetwork;
    std::unique_ptr<LicenceClient> licenceClient;
    std::unique_ptr<LicenceController> licences;
    std::unique_ptr<MaterialsController> materials;
    std::unique_ptr<CameraFrameRouter> cameraFeed;
    // The on-screen keyboard, wired as main.cpp wires it.
    std::unique_ptr<PinyinEngine> pinyin;
    std::unique_ptr<KeyboardController> keyboard;
    DisplayModeController displayMode;
    // The traces wiped at the session's end, wired as main.cpp wires them (the pictures: Setup's store).
    std::unique_ptr<SessionTraces> sessionTraces;
};

[[noreturn]] void refuse(const QString &what)
{
    std::fprintf(stderr, "tst_screens: cannot compose the kiosk: %s\n", qPrintable(what));
    std::exit(1);
}

// A store with one pending case, moved aside as damaged, as CaseStore::open does.
bool makeQuarantinedStore(const QString &dataDir, QString *error)
{
    {
        std::unique_ptr<CaseStore> old = CaseStore::open(dataDir, error);
        if (!old)
            return false;
        CaseSubmission lost;
        lost.id = QStringLiteral("0e4f4c1e-7d4b-4f0a-9a51-quarantined1");
        lost.caseNumber = QStringLiteral("SH-TEST-Q-K01-20261130-ABCD-0001");
        lost.serviceId = QStringLiteral("residence-permit");
        lost.centerId = QStringLiteral("SH-TEST-Q");
        lost.submittedAt = QDateTime(QDate(2026, 11, 30), QTime(2, 0), Qt::UTC);
        lost.language = QStringLiteral("zh_CN");
        if (!old->submitCase(lost, {}, error))
            return false;
    }
    const QString file = QDir(dataDir).filePath(QStringLiteral("cases.sqlite"));
    const QString moved = quarantineDatabaseFile(file, QDateTime(QDate(2026, 11, 30), QTime(2, 15), Qt::UTC), error);
    return !moved.isEmpty() && writeQuarantineReason(moved, QStringLiteral("test: integrity check failed"), error);
}
} // namespace

class Setup : public QObject
{
    Q_OBJECT

public:
    // Before the application exists, as in main.cpp: the tests run with Qt Virtual Keyboard as the input
    // method, so typing with key events and input-method events is tested with the keyboard in place.
    // Qt WebEngine (the web service screen) is initialised before the application too, as main.cpp does.
    Setup()
    {
        KeyboardEnvironment::prepare();
        WebEngineEnvironment::prepare();
        QtWebEngineQuick::initialize();
    }

public slots:
    void applicationAvailable()
    {
        installStrictWarnings();
        QString webTypesError;
        if (!WebEngineQmlTypes::registerQuietly(&webTypesError))
            refuse(webTypesError);
        // The tests run offscreen; the software renderer needs no GPU.
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);

        m_kiosk = std::make_unique<Kiosk>();
        Kiosk &k = *m_kiosk;
        if (!k.dataDir.isValid())
            refuse(QStringLiteral("no temporary directory"));

        const auto site = SiteConfigLoader::load(sourcePath(QStringLiteral("kiosk-config/site.json")));
        const auto catalog = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        const auto residents = SampleResidents::load(sourcePath(QStringLiteral("kiosk-config/residents.json")));
        if (!site.ok() || !catalog.ok() || !residents.ok())
            refuse(site.errorText() + catalog.errorText() + residents.errorText());
        k.site = site.value();
        k.catalog = catalog.value();
        k.residents = residents.value();

        QString error;
        if (!makeQuarantinedStore(k.dataDir.path(), &error))
            refuse(error);
        k.store = CaseStore::open(k.dataDir.path(), &error);
        if (!k.store)
            refuse(error);
        // Port 9 on loopback (discard): nothing answers there, and the network is marked down anyway.
        k.sync = std::make_unique<SyncClient>(*k.store, k.network, k.site.sync, QUrl(QStringLiteral("http://127.0.0.1:9")));
        k.sync->setNetworkAvailable(false);
        k.executor = StoreExecutor::onThisThread(*k.store);
        k.syncMonitor = std::make_unique<SyncMonitor>(*k.sync, k.sync->status());

        k.printer = std::make_unique<SimulatedReceiptPrinter>(QStringLiteral("test-printer"), 80);
        k.devices.add(&k.reader);
        k.devices.add(&k.scanner);
        k.devices.add(k.printer.get());
        k.devices.add(&k.camera);

        k.services = std::make_unique<ServiceCatalogModel>(k.catalog, k.devices);
        k.submission = std::make_unique<SubmissionController>(k.site, k.catalog, *k.executor, *k.syncMonitor, *k.printer);
        k.session = std::make_unique<SessionController>(k.site, k.catalog, k.reader, k.scanner, *k.services, k.form,
                                                        *k.submission, k.clock);
        k.noCard = std::make_unique<NoCardIdentityController>(k.site.staff, k.clock);
        k.session->setNoCardIdentity(k.noCard.get());
        IdentitySingletons::set({k.noCard.get()});
        k.session->setRatingController(&k.rating);
        RatingSingleton::set(&k.rating);
        k.kiosk = std::make_unique<KioskInfo>(k.site, true, false);
        k.simulator = std::make_unique<SimulatorController>(k.reader, k.scanner, *k.printer, &k.camera, *k.syncMonitor, k.residents);
        QObject::connect(k.session.get(), &SessionController::languageChanged, k.kiosk.get(), [&k](const QString &language) {
            k.kiosk->setLanguage(language);
            k.form.setLanguage(language);
        });
        k.activity = std::make_unique<UserActivityFilter>(*k.session);
        qApp->installEventFilter(k.activity.get());
        QString pinError;
        if (!TechnicianPin::parse(TechnicianPin::hash(QStringLiteral("246810"), TechnicianPin::minimumIterations),
                                  &k.site.technician.pin, &pinError))
            refuse(pinError);
        k.technician = std::make_unique<TechnicianController>(k.site.technician, k.clock, [&k] {
            return k.session->screenName() == QLatin1String("attract");
        });
        k.harness = std::make_unique<QmlTestHarness>(k.clock, *k.session, *k.simulator, k.catalog, k.residents,
                                                     *k.technician);

        SyncSettings licenceTransport = k.site.sync;
        licenceTransport.allowInsecureHttp = true; // as the sync client above: plain HTTP to a closed port
        k.licenceClient = std::make_unique<LicenceClient>(k.licenceNetwork, licenceTransport,
                                                          QUrl(QStringLiteral("http://127.0.0.1:9")));
        k.licences = std::make_unique<LicenceController>(k.licenceClient.get());
        QObject::connect(k.session.get(), &SessionController::languageChanged, k.licences.get(),
                         &LicenceController::setLanguage);
        k.materials = std::make_unique<MaterialsController>(&k.documentCapture, &k.faceCapture, k.licences.get());
        k.session->setMaterials(k.materials.get());
        k.cameraFeed = std::make_unique<CameraFrameRouter>(*k.session, &k.materialsCamera, k.materials.get());
        k.harness->setCamera(&k.materialsCamera, k.submission.get(), k.store.get());
        k.documentCapture.setImageStore(&m_sessionImages);
        k.faceCapture.setImageStore(&m_sessionImages);
        k.sessionTraces = std::make_unique<SessionTraces>(m_sessionImages);
        QObject::connect(k.session.get(), &SessionController::sessionEnded, k.sessionTraces.get(), &SessionTraces::wipe);
        k.harness->setSessionImages(&m_sessionImages);

        QmlSingletons::set({k.session.get(), &k.form, k.services.get(), k.submission.get(), &k.devices, k.kiosk.get(),
                            k.syncMonitor.get(), k.simulator.get(), k.technician.get(), &k.documentCapture, &k.faceCapture,
                            k.cameraFeed.get()});
        k.storeKeys = std::make_unique<FileKeyProvider>(FileKeyProvider::defaultPath(k.dataDir.path()));
        k.quarantine = std::make_unique<QuarantineController>(k.dataDir.path(), k.storeKeys.get(), k.executor.get(),
                                                              [&k] { k.sync->kick(); });
        QmlSingletons::current().quarantine = k.quarantine.get();
        QmlSingletons::current().materials = k.materials.get();
        QmlSingletons::current().licences = k.licences.get();
        qmlRegisterSingletonInstance("OneStop.Test", 1, 0, "Harness", k.harness.get());
        k.pinyin = std::make_unique<PinyinEngine>();
        k.keyboard = std::make_unique<KeyboardController>(*k.pinyin);
        QObject::connect(k.session.get(), &SessionController::languageChanged, k.keyboard.get(),
                         &KeyboardController::setSessionLanguage);
        QObject::connect(k.session.get(), &SessionController::sessionEnded, k.keyboard.get(), &KeyboardController::wipe);
        InputSingletons::set({k.pinyin.get(), k.keyboard.get()});
        QObject::connect(&k.displayMode, &DisplayModeController::idleFactorChanged, k.session.get(),
                         &SessionController::setIdleTimeoutFactor);
        QObject::connect(k.session.get(), &SessionController::sessionEnded, &k.displayMode,
                         &DisplayModeController::reset);
        AssistSingletons::set({&k.displayMode});

        k.devices.startAll();
        k.materialsCamera.start();
        k.sync->start();
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->addImageProvider(QStringLiteral("qr"), new QrImageProvider);
        engine->addImageProvider(SessionImageStore::providerName(),
                                 new SessionImageProvider(m_sessionImages));
    }

    void cleanupTestCase()
    {
        if (!m_kiosk)
            return;
        qApp->removeEventFilter(m_kiosk->activity.get());
        m_kiosk->devices.stopAll();
        QmlSingletons::set({});
        InputSingletons::set({});
        AssistSingletons::set({});
        IdentitySingletons::set({});
        RatingSingleton::set(nullptr);
        m_kiosk.reset();
    }

private:
    // The session's pictures, served by the engine's "session" image provider: outlives the engine.
    SessionImageStore m_sessionImages;
    std::unique_ptr<Kiosk> m_kiosk;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_screens, Setup)

#include "tst_screens.moc"
