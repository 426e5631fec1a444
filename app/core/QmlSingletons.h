#pragma once

// The application's controllers as QML singletons. The objects are built and owned by main.cpp (the one
// composition root), which hands them over through QmlSingletons::set() before the QML engine loads.
// Nothing here constructs anything; create() only returns what main.cpp handed over.

#include "CameraFrameRouter.h"
#include "DeviceHub.h"
#include "DocumentCaptureController.h"
#include "FaceCaptureController.h"
#include "FormController.h"
#include "KioskInfo.h"
#include "LicenceController.h"
#include "MaterialsController.h"
#include "ServiceCatalogModel.h"
#include "SessionController.h"
#include "SimulatorController.h"
#include "SubmissionController.h"
#include "SummaryPrintController.h"
#include "SyncMonitor.h"
#include "TechnicianController.h"
#include "QuarantineController.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

struct QmlSingletons
{
    SessionController *session = nullptr;
    FormController *form = nullptr;
    ServiceCatalogModel *services = nullptr;
    SubmissionController *submission = nullptr;
    DeviceHub *devices = nullptr;
    KioskInfo *kiosk = nullptr;
    SyncMonitor *sync = nullptr;
    SimulatorController *simulator = nullptr; // null unless the devices are simulated
    TechnicianController *technician = nullptr;
    DocumentCaptureController *documentCapture = nullptr; // the materials screen's document photos
    FaceCaptureController *faceCapture = nullptr;         // the materials screen's photo of the resident
    CameraFrameRouter *cameraFeed = nullptr;              // the camera's frames and preview (CameraFeed)
    QuarantineController *quarantine = nullptr;           // the technician view's quarantined stores
    SummaryPrintController *summaryPrint = nullptr;       // the A4 application summary after submission
    MaterialsController *materials = nullptr;             // the materials sub-flow (Materials)
    LicenceController *licences = nullptr;                // its e-licences (Licences)

    static void set(const QmlSingletons &instances) { current() = instances; }
    static QmlSingletons &current()
    {
        static QmlSingletons instances;
        return instances;
    }
    // For the camera singletons, which main.cpp may not wire (no camera configured): an inert object owned
    // by the QML engine, so that screens bind to something (nothing is offered without the camera).
    template <typename T> static T *handOverOrInert(T *object)
    {
        if (object)
            return handOver(object);
        auto *inert = new T;
        QJSEngine::setObjectOwnership(inert, QJSEngine::JavaScriptOwnership);
        return inert;
    }
    template <typename T> static T *handOver(T *object)
    {
        if (object)
            QJSEngine::setObjectOwnership(object, QJSEngine::CppOwnership);
        return object;
    }
};

struct SessionSingleton
{
    Q_GADGET
    QML_FOREIGN(SessionController)
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
public:
    static SessionController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOver(QmlSingletons::current().session); }
};

struct FormSingleton
{
    Q_GADGET
    QML_FOREIGN(FormController)
    QML_NAMED_ELEMENT(Form)
    QML_SINGLETON
public:
    static FormController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOver(QmlSingletons::current().form); }
};

struct ServicesSingleton
{
    Q_GADGET
    QML_FOREIGN(ServiceCatalogModel)
    QML_NAMED_ELEMENT(Services)
    QML_SINGLETON
public:
    static ServiceCatalogModel *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOver(QmlSingletons::current().services); }
};

struct SubmissionSingleton
{
    Q_GADGET
    QML_FOREIGN(SubmissionController)
    QML_NAMED_ELEMENT(Submission)
    QML_SINGLETON
public:
    static SubmissionController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOver(QmlSingletons::current().submission); }
};

struct DevicesSingleton
{
    Q_GADGET
    QML_FOREIGN(DeviceHub)
    QML_NAMED_ELEMENT(Devices)
    QML_SINGLETON
public:
    static DeviceHub *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOver(QmlSingletons::current().devices); }
};

struct KioskSingleton
{
    Q_GADGET
    QML_FOREIGN(KioskInfo)
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON
public:
    static KioskInfo *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOver(QmlSingletons::current().kiosk); }
};

struct SyncSingleton
{
    Q_GADGET
    QML_FOREIGN(SyncMonitor)
    QML_NAMED_ELEMENT(Sync)
    QML_SINGLETON
public:
    static SyncMonitor *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOver(QmlSingletons::current().sync); }
};

struct SimulatorSingleton
{
    Q_GADGET
    QML_FOREIGN(SimulatorController)
    QML_NAMED_ELEMENT(Simulator)
    QML_SINGLETON
public:
    static SimulatorController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOver(QmlSingletons::current().simulator); }
};

struct TechnicianSingleton
{
    Q_GADGET
    QML_FOREIGN(TechnicianController)
    QML_NAMED_ELEMENT(Technician)
    QML_SINGLETON
public:
    static TechnicianController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOver(QmlSingletons::current().technician); }
};

struct QuarantineSingleton
{
    Q_GADGET
    QML_FOREIGN(QuarantineController)
    QML_NAMED_ELEMENT(Quarantine)
    QML_SINGLETON
public:
    static QuarantineController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOverOrInert(QmlSingletons::current().quarantine); }
};

struct SummaryPrintSingleton
{
    Q_GADGET
    QML_FOREIGN(SummaryPrintController)
    QML_NAMED_ELEMENT(SummaryPrint)
    QML_SINGLETON
public:
    static SummaryPrintController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOverOrInert(QmlSingletons::current().summaryPrint);
    }
};

struct DocumentCaptureSingleton
{
    Q_GADGET
    QML_FOREIGN(DocumentCaptureController)
    QML_NAMED_ELEMENT(DocumentCapture)
    QML_SINGLETON
public:
    static DocumentCaptureController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOverOrInert(QmlSingletons::current().documentCapture); }
};

struct FaceCaptureSingleton
{
    Q_GADGET
    QML_FOREIGN(FaceCaptureController)
    QML_NAMED_ELEMENT(FaceCapture)
    QML_SINGLETON
public:
    static FaceCaptureController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOverOrInert(QmlSingletons::current().faceCapture); }
};

struct CameraFeedSingleton
{
    Q_GADGET
    QML_FOREIGN(CameraFrameRouter)
    QML_NAMED_ELEMENT(CameraFeed)
    QML_SINGLETON
public:
    static CameraFrameRouter *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOverOrInert(QmlSingletons::current().cameraFeed); }
};

struct MaterialsSingleton
{
    Q_GADGET
    QML_FOREIGN(MaterialsController)
    QML_NAMED_ELEMENT(Materials)
    QML_SINGLETON
public:
    static MaterialsController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOverOrInert(QmlSingletons::current().materials); }
};

struct LicencesSingleton
{
    Q_GADGET
    QML_FOREIGN(LicenceController)
    QML_NAMED_ELEMENT(Licences)
    QML_SINGLETON
public:
    static LicenceController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOverOrInert(QmlSingletons::current().licences); }
};
