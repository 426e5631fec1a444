#include "DocumentCaptureController.h"

#include "SessionImageStore.h"

#include "DocumentPdf.h"
#include "DocumentScanner.h"

#include <QBuffer>
#include <QImageWriter>
#include <QVariantMap>

namespace {

QByteArray encodeJpeg(const QImage &image, QString *error)
{
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(85);
    const QImage source = image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_RGB888);
    if (!writer.write(source)) {
        *error = writer.errorString();
        return QByteArray();
    }
    return jpeg;
}

} // namespace

DocumentCaptureController::DocumentCaptureController(const DocumentScanConfig &config, int maxPages, QObject *parent)
    : QObject(parent), m_scanner(std::make_shared<const DocumentScanner>(config)), m_maxPages(std::max(1, maxPages))
{
    m_thread.setObjectName(QStringLiteral("document-scan"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

DocumentCaptureController::~DocumentCaptureController()
{
    m_thread.quit();
    m_thread.wait();
}

QVariantList DocumentCaptureController::cornersForDisplay() const
{
    QVariantList list;
    if (!m_last.found || m_frameSize.isEmpty())
        return list;
    for (const QPointF &p : m_last.corners)
        list.append(QVariantMap{{QStringLiteral("x"), p.x() / m_frameSize.width()},
                                {QStringLiteral("y"), p.y() / m_frameSize.height()}});
    return list;
}

QString DocumentCaptureController::previewUrl() const
{
    return SessionImageStore::urlFor(m_images, QStringLiteral("preview"), m_previewJpeg);
}

QString DocumentCaptureController::pageUrl(int index) const
{
    if (index < 0 || index >= m_pages.size())
        return QString();
    return SessionImageStore::urlFor(m_images, QStringLiteral("page"), m_pages.at(index));
}

QString DocumentCaptureController::notice() const
{
    switch (m_notice) {
    case Notice::None: return QString();
    case Notice::NoPage: return tr("No page found. Please lay the document flat inside the frame.");
    case Notice::TooManyPages: return tr("You have photographed the most pages this application takes.");
    case Notice::EncodeFailed: return tr("The photo could not be saved. Please take it again.");
    }
    return QString();
}

void DocumentCaptureController::setPdfRequested(bool pdf)
{
    if (m_pdfRequested == pdf)
        return;
    m_pdfRequested = pdf;
    emit pagesChanged();
}

QList<DocumentCaptureController::Attachment> DocumentCaptureController::attachments(QString *error) const
{
    QList<Attachment> list;
    if (m_pages.isEmpty())
        return list;
    if (m_pdfRequested) {
        QString why;
        const QByteArray pdf = documentPdf(m_pages, &why);
        if (pdf.isEmpty()) {
            if (error)
                *error = why;
            return list;
        }
        list.append({QStringLiteral("document.pdf"), QStringLiteral("application/pdf"), pdf});
        return list;
    }
    for (int i = 0; i < m_pages.size(); ++i)
        list.append({QStringLiteral("page-%1.jpg").arg(i + 1), QStringLiteral("image/jpeg"), m_pages.at(i)});
    return list;
}

bool DocumentCaptureController::capture()
{
    if (m_state != State::Live)
        return false;
    if (m_pages.size() >= m_maxPages) {
        setNotice(Notice::TooManyPages);
        return false;
    }
    if (!m_last.found || m_last.page.isNull()) {
        setNotice(Notice::NoPage);
        return false;
    }
    QString why;
    // One encode per capture on the GUI thread (a few ms for a 150 dpi page).
    const QByteArray jpeg = encodeJpeg(m_last.page, &why);
    if (jpeg.isEmpty()) {
        setNotice(Notice::EncodeFailed);
        return false;
    }
    m_preview = m_last.page;
    m_previewJpeg = jpeg;
    setNotice(Notice::None);
    setState(State::Preview);
    return true;
}

void DocumentCaptureController::retake()
{
    if (m_state != State::Preview)
        return;
    m_preview = QImage();
    m_previewJpeg.clear();
    m_last = DocumentScan(); // the next frame decides again
    emit scanChanged();
    setState(State::Live);
}

bool DocumentCaptureController::accept()
{
    if (m_state != State::Preview)
        return false;
    if (m_pages.size() >= m_maxPages) {
        setNotice(Notice::TooManyPages);
        return false;
    }
    m_pages.append(m_previewJpeg);
    m_preview = QImage();
    m_previewJpeg.clear();
    m_last = DocumentScan();
    emit scanChanged();
    emit pagesChanged();
    setState(State::Live);
    return true;
}

void DocumentCaptureController::removePage(int index)
{
    if (index < 0 || index >= m_pages.size())
        return;
    m_pages.removeAt(index);
    emit pagesChanged();
}

void DocumentCaptureController::reset()
{
    ++m_generation;
    m_pages.clear();
    m_preview = QImage();
    m_previewJpeg.clear();
    m_last = DocumentScan();
    m_frameSize = QSize();
    m_pdfRequested = false;
    m_dropped = 0;
    setNotice(Notice::None);
    setState(State::Live);
    emit scanChanged();
    emit pagesChanged();
}

void DocumentCaptureController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void DocumentCaptureController::setNotice(Notice notice)
{
    if (m_notice == notice)
        return;
    m_notice = notice;
    emit noticeChanged();
}

// Thread: GUI. Hands the frame to the worker unless it is busy (then the frame is dropped).
void DocumentCaptureController::processFrame(const QImage &frame)
{
    if (m_state != State::Live || frame.isNull())
        return;
    if (m_busy) {
        ++m_dropped;
        return;
    }
    m_busy = true;
    const quint64 generation = m_generation;
    auto scanner = m_scanner;
    QMetaObject::invokeMethod(m_worker, [this, scanner, frame, generation] {
        // Thread: worker.
        const DocumentScan scan = scanner->scan(frame);
        const QSize size = frame.size();
        QMetaObject::invokeMethod(this, [this, size, generation, scan] { onScanned(generation, size, scan); },
                                  Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

// Thread: GUI.
void DocumentCaptureController::onScanned(quint64 generation, QSize frameSize, const DocumentScan &scan)
{
    m_busy = false;
    if (generation != m_generation || m_state != State::Live)
        return;
    m_last = scan;
    m_frameSize = frameSize;
    if (scan.found && m_notice == Notice::NoPage)
        setNotice(Notice::None);
    emit scanChanged();
    emit frameScanned();
}
