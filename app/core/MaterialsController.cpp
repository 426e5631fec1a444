#include "MaterialsController.h"

#include "Catalog.h"
#include "DocumentCaptureController.h"
#include "FaceCaptureController.h"
#include "LicenceController.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMaterials, "onestop.materials")

MaterialsController::MaterialsController(DocumentCaptureController *documents, FaceCaptureController *face,
                                         LicenceController *licences, QObject *parent)
    : QObject(parent), m_documents(documents), m_face(face), m_licences(licences)
{
    if (m_documents)
        connect(m_documents, &DocumentCaptureController::pagesChanged, this, &MaterialsController::summaryChanged);
    if (m_face) {
        connect(m_face, &FaceCaptureController::stateChanged, this, &MaterialsController::summaryChanged);
        // "Use another way": the resident brings a printed photo; back to the list.
        connect(m_face, &FaceCaptureController::alternativeChosen, this, &MaterialsController::closeStep);
    }
    if (m_licences)
        connect(m_licences, &LicenceController::selectionChanged, this, &MaterialsController::summaryChanged);
}

MaterialsController::MaterialsController(QObject *parent) : QObject(parent) { }

MaterialsController::~MaterialsController() = default;

DocumentCaptureController *MaterialsController::documents() const { return m_documents; }
FaceCaptureController *MaterialsController::face() const { return m_face; }
LicenceController *MaterialsController::licences() const { return m_licences; }

bool MaterialsController::appliesTo(const ServiceSpec &service) const
{
    const bool camera = m_documents && m_face && service.requiredDevices.contains(QLatin1String("camera"));
    return camera || (m_licences && !service.eLicences.isEmpty());
}

void MaterialsController::enter(const ServiceSpec &service, const QString &idType, const QString &idNumber)
{
    m_camera = m_documents && m_face && service.requiredDevices.contains(QLatin1String("camera"));
    m_photo = m_camera && service.photo;
    m_pdf = service.documentsAsPdf;
    const bool identified = !idType.isEmpty() && !idNumber.isEmpty();
    m_licencesOffered = m_licences && !service.eLicences.isEmpty() && identified;
    if (m_licencesOffered && !m_licences->holdsFor(service.eLicenceTypes()))
        m_licences->fetch(idType, idNumber, service.eLicenceTypes());
    m_active = true;
    m_step = Step::List;
    emit serviceChanged();
    emit stepChanged();
    emit summaryChanged();
}

void MaterialsController::leave()
{
    if (!m_active)
        return;
    closeStep();
    m_active = false;
    emit stepChanged();
}

void MaterialsController::reset()
{
    // Pages, photo, consent, previews and the licences exist only in memory; they go with the session.
    if (m_documents)
        m_documents->reset();
    if (m_face)
        m_face->reset();
    if (m_licences)
        m_licences->reset();
    m_active = false;
    m_step = Step::List;
    m_camera = m_photo = m_pdf = m_licencesOffered = false;
    emit serviceChanged();
    emit stepChanged();
    emit summaryChanged();
}

bool MaterialsController::isDocumentsOffered() const { return m_camera; }
bool MaterialsController::isPhotoWanted() const { return m_photo; }
bool MaterialsController::isLicencesOffered() const { return m_licencesOffered; }

QString MaterialsController::summary() const
{
    QStringList parts;
    const int pages = m_documents ? m_documents->pageCount() : 0;
    if (pages == 1)
        parts << tr("1 page");
    else if (pages > 1)
        parts << tr("%1 pages").arg(pages);
    if (m_face && m_face->hasCapture())
        parts << tr("1 photo");
    const int licences = m_licences ? int(m_licences->selectedIds().size()) : 0;
    if (licences == 1)
        parts << tr("1 e-licence");
    else if (licences > 1)
        parts << tr("%1 e-licences").arg(licences);
    return parts.join(QStringLiteral(", "));
}

QString MaterialsController::pageUrl(int index) const
{
    return m_documents ? m_documents->pageUrl(index) : QString();
}

void MaterialsController::setStep(Step step)
{
    if (step == m_step)
        return;
    qCDebug(lcMaterials) << "step" << int(m_step) << "->" << int(step);
    m_step = step;
    emit stepChanged();
}

void MaterialsController::openDocumentCapture()
{
    if (m_active && m_step == Step::List && m_camera)
        setStep(Step::Document);
}

void MaterialsController::openPhotoCapture()
{
    if (m_active && m_step == Step::List && m_photo)
        setStep(Step::Photo);
}

void MaterialsController::openLicences()
{
    if (m_active && m_step == Step::List && m_licencesOffered)
        setStep(Step::Licences);
}

void MaterialsController::closeStep()
{
    if (!m_active)
        return;
    // A page under preview that was neither used nor retaken is dropped; accepted pages stay.
    if (m_documents && m_documents->state() == DocumentCaptureController::State::Preview)
        m_documents->retake();
    setStep(Step::List);
}

void MaterialsController::finish()
{
    if (!m_active)
        return;
    closeStep();
    m_active = false;
    emit stepChanged();
    emit finished();
}

bool MaterialsController::back()
{
    if (!m_active || m_step == Step::List)
        return false;
    closeStep();
    return true;
}

bool MaterialsController::attachments(QVector<StoredAttachment> *out, QString *error) const
{
    if (!m_camera)
        return true;
    m_documents->setPdfRequested(m_pdf);
    const QList<DocumentCaptureController::Attachment> pages = m_documents->attachments(error);
    if (m_documents->pageCount() > 0 && pages.isEmpty())
        return false;
    for (const DocumentCaptureController::Attachment &page : pages)
        out->append({page.fileName, page.mimeType, page.data,
                     page.mimeType == QLatin1String("application/pdf") ? QStringLiteral("pdf") : QStringLiteral("page")});
    if (m_face->hasCapture())
        out->append({QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), m_face->capturedJpeg(),
                     QStringLiteral("photo")});
    return true;
}

QStringList MaterialsController::licenceIds() const
{
    return m_licencesOffered && m_licences ? m_licences->selectedIds() : QStringList();
}
