#pragma once

#include "DocumentScan.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QObject>
#include <QThread>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class SessionImageStore;

class DocumentScanner;

// The document-photo screen: live frames show whether a page is in view (corners for an overlay), capture()
// freezes the flattened page as a preview, then retake() or accept(). Accepted pages are the case's
// attachments: one JPEG per page, or one PDF of all pages when the service asks for a PDF.
// Frames are scanned on a worker thread; frames arriving while it is busy are dropped. Nothing touches
// the disk; reset() (session end) forgets every page.
// Thread: GUI (the object and all its members); DocumentScanner::scan runs on the worker.
class DocumentCaptureController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("DocumentCaptureController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool pageFound READ isPageFound NOTIFY scanChanged)
    Q_PROPERTY(QVariantList corners READ cornersForDisplay NOTIFY scanChanged)
    Q_PROPERTY(double confidence READ confidence NOTIFY scanChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY pagesChanged)
    Q_PROPERTY(int maxPages READ maxPages CONSTANT)
    Q_PROPERTY(bool pdfRequested READ isPdfRequested WRITE setPdfRequested NOTIFY pagesChanged)
    // The preview as a URL for an Image element ("" when there is none): "image://session/..." with the image
    // store wired (setImageStore), a "data:image/jpeg;base64,..." URL without it.
    Q_PROPERTY(QString previewUrl READ previewUrl NOTIFY stateChanged)

public:
    enum class State {
        Live,    // frames are scanned; capture() when pageFound
        Preview, // previewImage() waits for retake() or accept()
    };
    Q_ENUM(State)

    struct Attachment
    {
        QString fileName; // "page-1.jpg" ... or "document.pdf"
        QString mimeType; // "image/jpeg" or "application/pdf"
        QByteArray data;
    };

    explicit DocumentCaptureController(const DocumentScanConfig &config = DocumentScanConfig(), int maxPages = 10,
                                       QObject *parent = nullptr);
    ~DocumentCaptureController() override;

    State state() const { return m_state; }
    bool isPageFound() const { return m_last.found; }
    QVariantList cornersForDisplay() const; // [{x, y}] as fractions of the frame, TL TR BR BL; [] when none
    double confidence() const { return m_last.confidence; }
    QString notice() const;
    int pageCount() const { return int(m_pages.size()); }
    int maxPages() const { return m_maxPages; }
    bool isPdfRequested() const { return m_pdfRequested; }
    void setPdfRequested(bool pdf);
    int droppedFrames() const { return m_dropped; }

    QImage previewImage() const { return m_preview; }
    QByteArray previewJpeg() const { return m_previewJpeg; }
    QString previewUrl() const;
    QList<QByteArray> pages() const { return m_pages; }
    // An accepted page as a URL for a thumbnail ("" for a wrong index).
    QString pageUrl(int index) const;
    // Optional (GUI thread, before the first session; main.cpp wires it): the store that serves the preview
    // and the pages to the screens as "image://session/..." URLs. Without it the URLs are "data:" URLs.
    void setImageStore(SessionImageStore *store) { m_images = store; }
    // The attachments to file with the case: a PDF of all pages when pdfRequested, else one JPEG a page.
    // Empty (and *error set) when a PDF was asked for and could not be made.
    QList<Attachment> attachments(QString *error = nullptr) const;

    Q_INVOKABLE bool capture();  // Live -> Preview; false (notice says why) without a page in view
    Q_INVOKABLE void retake();   // Preview -> Live, the preview is dropped
    Q_INVOKABLE bool accept();   // Preview -> Live, the page is kept; false when maxPages is reached
    Q_INVOKABLE void removePage(int index);
    Q_INVOKABLE void reset();    // session end: every page, the preview and the last scan are gone

public slots:
    void processFrame(const QImage &frame);

signals:
    void stateChanged();
    void scanChanged();
    void noticeChanged();
    void pagesChanged();
    void frameScanned();

private:
    enum class Notice { None, NoPage, TooManyPages, EncodeFailed };
    void onScanned(quint64 generation, QSize frameSize, const DocumentScan &scan);
    void setState(State state);
    void setNotice(Notice notice);

    QThread m_thread;
    QObject *m_worker = nullptr;
    std::shared_ptr<const DocumentScanner> m_scanner;
    State m_state = State::Live;
    int m_maxPages;
    bool m_pdfRequested = false;
    bool m_busy = false;
    quint64 m_generation = 0;
    QSize m_frameSize;
    DocumentScan m_last;
    Notice m_notice = Notice::None;
    QImage m_preview;
    QByteArray m_previewJpeg;
    QList<QByteArray> m_pages;
    SessionImageStore *m_images = nullptr;
    int m_dropped = 0;
};
