// MaterialsController on its own: which services get the materials sub-flow, its steps as an enum (only the
// allowed transitions happen), e-licences offered only to an identified resident of a service that accepts
// them, the platform out of reach (the resident is told and goes on), back/leave/finish, and reset()
// forgetting everything. Real capture controllers; the licences' platform is a closed port (the answers of
// a real platform are tested in tests/integration/licences against platform-sim).
#include "Catalog.h"
#include "DocumentCaptureController.h"
#include "FaceCaptureController.h"
#include "LicenceClient.h"
#include "LicenceController.h"
#include "MaterialsController.h"
#include "StrictWarnings.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using Step = MaterialsController::Step;
using LicenceState = LicenceController::State;

namespace {

ServiceSpec service(bool camera, bool photo, QStringList licenceTypes)
{
    ServiceSpec s;
    s.id = QStringLiteral("svc");
    if (camera)
        s.requiredDevices << QStringLiteral("camera");
    s.photo = photo;
    for (const QString &type : licenceTypes)
        s.eLicences.append({type, LocalizedText{type, type}});
    return s;
}

const QString kType = QStringLiteral("resident");
const QString kNumber = QStringLiteral("110101199003071234");

struct Fixture
{
    DocumentCaptureController documents;
    FaceCaptureController face;
    QNetworkAccessManager nam;
    std::unique_ptr<LicenceClient> client;
    LicenceController licences;
    MaterialsController materials;

    Fixture()
        : client(makeClient(nam)), licences(client.get()), materials(&documents, &face, &licences)
    {
    }
    static std::unique_ptr<LicenceClient> makeClient(QNetworkAccessManager &nam)
    {
        nam.setProxy(QNetworkProxy::NoProxy);
        SyncSettings settings;
        settings.allowInsecureHttp = true;
        return std::make_unique<LicenceClient>(nam, settings, QUrl(QStringLiteral("http://127.0.0.1:9")));
    }
};

} // namespace

class TestMaterialsController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void whichServicesGetTheSubFlow()
    {
        Fixture f;
        QVERIFY(f.materials.appliesTo(service(true, false, {})));
        QVERIFY(f.materials.appliesTo(service(false, false, {QStringLiteral("property_certificate")})));
        QVERIFY(!f.materials.appliesTo(service(false, true, {})));
        // Without capture controllers only e-licences bring it; without a licence controller only the camera.
        MaterialsController noCamera(nullptr, nullptr, &f.licences);
        QVERIFY(!noCamera.appliesTo(service(true, true, {})));
        QVERIFY(noCamera.appliesTo(service(true, true, {QStringLiteral("business_licence")})));
        MaterialsController noLicences(&f.documents, &f.face);
        QVERIFY(!noLicences.appliesTo(service(false, false, {QStringLiteral("business_licence")})));
        MaterialsController inert;
        QVERIFY(!inert.appliesTo(service(true, true, {QStringLiteral("business_licence")})));
        QVERIFY(!inert.isActive());
        inert.openDocumentCapture();
        QCOMPARE(inert.step(), Step::List);
    }

    void stepsChangeOnlyAsAllowed()
    {
        Fixture f;
        QSignalSpy steps(&f.materials, &MaterialsController::stepChanged);
        f.materials.openDocumentCapture(); // not entered: nothing happens
        QCOMPARE(f.materials.step(), Step::List);
        QVERIFY(!f.materials.isActive());

        f.materials.enter(service(true, false, {}));
        QVERIFY(f.materials.isActive());
        QVERIFY(f.materials.isDocumentsOffered());
        QVERIFY(!f.materials.isPhotoWanted());
        QVERIFY(!f.materials.isLicencesOffered());
        f.materials.openPhotoCapture(); // no photo for this service
        QCOMPARE(f.materials.step(), Step::List);
        f.materials.openLicences(); // no licences for this service
        QCOMPARE(f.materials.step(), Step::List);
        f.materials.openDocumentCapture();
        QCOMPARE(f.materials.step(), Step::Document);
        f.materials.openPhotoCapture(); // only from the list
        QCOMPARE(f.materials.step(), Step::Document);
        QVERIFY(f.materials.back()); // an open step goes back to the list
        QCOMPARE(f.materials.step(), Step::List);
        QVERIFY(!f.materials.back()); // on the list: the session goes back to the form
        f.materials.leave();
        QVERIFY(!f.materials.isActive());
        f.materials.openDocumentCapture();
        QCOMPARE(f.materials.step(), Step::List);
        QVERIFY(steps.count() >= 4);

        f.materials.enter(service(true, true, {}));
        QVERIFY(f.materials.isPhotoWanted());
        f.materials.openPhotoCapture();
        QCOMPARE(f.materials.step(), Step::Photo);
        f.face.giveConsent();
        f.face.chooseAlternative(); // "Use another way": back to the list
        QCOMPARE(f.materials.step(), Step::List);
        QSignalSpy finished(&f.materials, &MaterialsController::finished);
        f.materials.openDocumentCapture();
        f.materials.finish(); // from an open step too: closed first
        QCOMPARE(finished.count(), 1);
        QCOMPARE(f.materials.step(), Step::List);
        QVERIFY(!f.materials.isActive());
        f.materials.finish(); // not active: nothing
        QCOMPARE(finished.count(), 1);
    }

    void nothingCapturedMeansNoAttachmentsAndAnEmptySummary()
    {
        Fixture f;
        f.materials.enter(service(true, true, {}));
        QVector<StoredAttachment> attachments;
        QString error;
        QVERIFY(f.materials.attachments(&attachments, &error));
        QVERIFY(attachments.isEmpty());
        QVERIFY(f.materials.summary().isEmpty());
        QVERIFY(f.materials.licenceIds().isEmpty());
        QCOMPARE(f.materials.pageUrl(0), QString());
    }

    void licencesOnlyForAnIdentifiedResident()
    {
        Fixture f;
        f.materials.enter(service(false, false, {QStringLiteral("property_certificate")}));
        QVERIFY(!f.materials.isLicencesOffered());
        QVERIFY(!f.materials.isDocumentsOffered());
        QCOMPARE(f.licences.state(), LicenceState::Idle); // nobody to ask for
        f.materials.openLicences();
        QCOMPARE(f.materials.step(), Step::List);
    }

    // The platform cannot be reached: the resident is told to photograph or bring paper, nothing can be
    // picked, the Licences step stays closed only as far as there is nothing in it, and finish() goes on.
    void platformOutOfReachTheResidentIsToldAndGoesOn()
    {
        Fixture f;
        f.materials.enter(service(true, false, {QStringLiteral("property_certificate")}), kType, kNumber);
        QVERIFY(f.materials.isLicencesOffered());
        QVERIFY(f.materials.isDocumentsOffered());
        QCOMPARE(f.licences.state(), LicenceState::Loading);
        QVERIFY(!f.licences.notice().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(f.licences.state(), LicenceState::Unavailable, 15000);
        QVERIFY2(f.licences.notice().contains(QStringLiteral("photograph the documents")),
                 qPrintable(f.licences.notice()));
        QVERIFY(f.licences.licences().isEmpty());
        QVERIFY(!f.licences.toggle(QStringLiteral("L-1"))); // nothing to pick
        QVERIFY(f.materials.licenceIds().isEmpty());
        // Entering again (back from the review) asks again: the platform may be back.
        f.materials.leave();
        f.materials.enter(service(true, false, {QStringLiteral("property_certificate")}), kType, kNumber);
        QCOMPARE(f.licences.state(), LicenceState::Loading);
        QSignalSpy finished(&f.materials, &MaterialsController::finished);
        f.materials.finish();
        QCOMPARE(finished.count(), 1);
        // The session ends while the request is out: its answer is never applied.
        f.materials.reset();
        QCOMPARE(f.licences.state(), LicenceState::Idle);
        QTest::qWait(200);
        QCOMPARE(f.licences.state(), LicenceState::Idle);
    }

    void withoutAClientLicencesAreUnavailableAtOnce()
    {
        DocumentCaptureController documents;
        FaceCaptureController face;
        LicenceController licences; // inert
        MaterialsController materials(&documents, &face, &licences);
        materials.enter(service(false, false, {QStringLiteral("business_licence")}), kType, kNumber);
        QCOMPARE(licences.state(), LicenceState::Unavailable);
        QVERIFY(!licences.notice().isEmpty());
    }

    void resetForgetsEverything()
    {
        Fixture f;
        f.materials.enter(service(true, true, {QStringLiteral("property_certificate")}), kType, kNumber);
        f.materials.openPhotoCapture();
        f.face.giveConsent();
        QSignalSpy service(&f.materials, &MaterialsController::serviceChanged);
        f.materials.reset();
        QCOMPARE(service.count(), 1);
        QCOMPARE(f.materials.step(), Step::List);
        QVERIFY(!f.materials.isActive());
        QVERIFY(!f.materials.isDocumentsOffered());
        QVERIFY(!f.materials.isPhotoWanted());
        QVERIFY(!f.materials.isLicencesOffered());
        QVERIFY(!f.face.isConsentGiven());
        QCOMPARE(f.licences.state(), LicenceState::Idle);
        QVERIFY(f.licences.licences().isEmpty());
        QVERIFY(f.materials.summary().isEmpty());
    }
};

QTEST_MAIN(TestMaterialsController)
#include "tst_materials_controller.moc"
