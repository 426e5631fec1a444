#pragma once

#include "CaseStore.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVector>
#include <QtQml/qqmlregistration.h>

class DocumentCaptureController;
class FaceCaptureController;
class LicenceController;
struct ServiceSpec;

// The materials sub-flow between the form and the review, one step at a time:
//   List      what the guide asks for, the pages photographed so far, the photo, the licences picked;
//   Document  the camera photographs one page (DocumentCaptureController);
//   Photo     one photo of the resident, for services with "photo" (FaceCaptureController);
//   Licences  the resident picks e-licences (电子证照) the platform holds for them (LicenceController).
// A service gets this sub-flow when it uses the camera (catalog required_devices) and the capture controllers
// are given, or when it accepts e-licences (catalog e_licences) and a licence controller is given. Everything
// in it is optional: paper copies can always be brought to the counter.
// The session asks appliesTo(), calls enter() when the resident reaches the materials screen, leave() when
// the resident goes back to the form, and reset() when the session ends; finished() asks it for the review.
// CameraFrameRouter feeds camera frames to the capture of the open step only. In QML it is the singleton
// Materials; QML compares `step` with the enum (MaterialsController.Document, ...), never a string.
// Thread: GUI.
class MaterialsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MaterialsController is made by the application")
    Q_PROPERTY(Step step READ step NOTIFY stepChanged)
    Q_PROPERTY(bool active READ isActive NOTIFY stepChanged)
    // The service photographs documents here (it uses the camera).
    Q_PROPERTY(bool documentsOffered READ isDocumentsOffered NOTIFY serviceChanged)
    Q_PROPERTY(bool photoWanted READ isPhotoWanted NOTIFY serviceChanged)
    // The service accepts e-licences and the resident is identified: the Licences step is offered.
    Q_PROPERTY(bool licencesOffered READ isLicencesOffered NOTIFY serviceChanged)
    // "2 pages, 1 photo, 1 e-licence" / "" for the review screen.
    Q_PROPERTY(QString summary READ summary NOTIFY summaryChanged)

public:
    enum class Step { List, Document, Photo, Licences };
    Q_ENUM(Step)

    // Any argument may be null: that part of the sub-flow is then simply absent. Documents and face come
    // together (both or neither).
    MaterialsController(DocumentCaptureController *documents, FaceCaptureController *face,
                        LicenceController *licences = nullptr, QObject *parent = nullptr);
    // Inert (no capture, no licences): what QML gets when main.cpp wired none.
    explicit MaterialsController(QObject *parent = nullptr);
    ~MaterialsController() override;

    DocumentCaptureController *documents() const;
    FaceCaptureController *face() const;
    LicenceController *licences() const;

    // The service gets the materials step (the camera's captures, or e-licences).
    bool appliesTo(const ServiceSpec &service) const;
    // The resident reaches the materials screen of this service: the step is List. For an identified
    // resident (idType, idNumber non-empty) of a service accepting e-licences, the licences are fetched.
    // What was captured or picked before (back from the review) stays.
    void enter(const ServiceSpec &service, const QString &idType = {}, const QString &idNumber = {});
    // The resident went back to the form: the sub-flow closes (captured things stay).
    void leave();
    // The session's end: pages, photo, consent, licences and the service are forgotten; step List.
    void reset();

    Step step() const { return m_step; }
    bool isActive() const { return m_active; }
    bool isDocumentsOffered() const;
    bool isPhotoWanted() const;
    bool isLicencesOffered() const;
    QString summary() const;
    // An accepted page as a URL for a thumbnail ("" for a wrong index): DocumentCaptureController::pageUrl.
    Q_INVOKABLE QString pageUrl(int index) const;

    Q_INVOKABLE void openDocumentCapture(); // List -> Document
    Q_INVOKABLE void openPhotoCapture();    // List -> Photo (services with "photo")
    Q_INVOKABLE void openLicences();        // List -> Licences (licencesOffered)
    Q_INVOKABLE void closeStep();           // Document | Photo | Licences -> List
    Q_INVOKABLE void finish();              // -> finished() (the session shows the review)
    // The session's back(): an open step goes back to the list (true); on the list, false (the form).
    bool back();

    // What the case carries (GUI thread, on submit): the pages (a PDF when the service asks for one) and the
    // photo as attachments. False (error set) when pages were taken but could not be prepared.
    bool attachments(QVector<StoredAttachment> *out, QString *error) const;
    // The licence ids the resident picked (empty without licences).
    QStringList licenceIds() const;

signals:
    void stepChanged();
    void serviceChanged();
    void summaryChanged();
    void finished();

private:
    void setStep(Step step);

    QPointer<DocumentCaptureController> m_documents;
    QPointer<FaceCaptureController> m_face;
    QPointer<LicenceController> m_licences;
    Step m_step = Step::List;
    bool m_active = false;
    bool m_camera = false;       // the entered service uses the camera
    bool m_photo = false;        // ... and wants a photo
    bool m_pdf = false;          // ... and its pages go as one PDF
    bool m_licencesOffered = false;
};
