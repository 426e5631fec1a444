#include "CameraCodeScanner.h"

#include "CameraLogging.h"
#include "FrameMailbox.h"
#include "ScanPayload.h"

#include <QMutex>

// The decoding side: lives on the scanner's thread, owns the decoder.
class CameraCodeScanner::Worker : public QObject
{
public:
    Worker(CameraCodeScanner *scanner, std::shared_ptr<FrameMailbox> mailbox, CodeFormats formats)
        : m_scanner(scanner)
        , m_mailbox(std::move(mailbox))
        , m_decoder(CodeFrameDecoder::kioskOptions(formats))
        , m_formats(formats)
    {
    }

    // Worker thread: decodes the newest frame until the mailbox is empty.
    void drain()
    {
        QImage frame;
        while (m_mailbox->take(&frame)) {
            {
                QMutexLocker lock(&m_formatsMutex);
                if (m_decoder.options().formats != m_formats)
                    m_decoder.setFormats(m_formats);
            }
            const QList<DecodedCode> codes = m_decoder.decode(frame);
            frame = QImage();
            if (!codes.isEmpty()) {
                CameraCodeScanner *scanner = m_scanner;
                QMetaObject::invokeMethod(scanner, [scanner, codes] { scanner->onDecoded(codes); }, Qt::QueuedConnection);
            }
        }
    }

    // Any thread.
    void setFormats(CodeFormats formats)
    {
        QMutexLocker lock(&m_formatsMutex);
        m_formats = formats;
    }

private:
    CameraCodeScanner *m_scanner;
    std::shared_ptr<FrameMailbox> m_mailbox;
    CodeFrameDecoder m_decoder;
    QMutex m_formatsMutex;
    CodeFormats m_formats;
};

CameraCodeScanner::CameraCodeScanner(Camera *camera, CodeFormats formats, const QString &name, QObject *parent)
    : CodeScanner(QStringLiteral("scanner"), name, parent)
    , m_camera(camera)
    , m_mailbox(std::make_shared<FrameMailbox>(QStringLiteral("code scanner")))
{
    m_clock.start();
    m_worker = new Worker(this, m_mailbox, formats);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("code-scanner"));
    m_thread.start();
    // Called on the thread that offered the frame (GUI) when the box was empty: wake the worker.
    Worker *worker = m_worker;
    m_mailbox->setWakeUp([worker] { QMetaObject::invokeMethod(worker, [worker] { worker->drain(); }, Qt::QueuedConnection); });
    if (camera) {
        connect(camera, &Camera::frameReady, this, &CameraCodeScanner::onFrame);
        connect(camera, &Device::stateChanged, this, &CameraCodeScanner::applyState);
    }
}

CameraCodeScanner::~CameraCodeScanner()
{
    m_mailbox->setWakeUp({});
    m_thread.quit();
    m_thread.wait(); // at most one decode in progress
}

bool CameraCodeScanner::isSimulated() const
{
    return m_camera && m_camera->isSimulated();
}

void CameraCodeScanner::start()
{
    if (m_started)
        return;
    m_started = true;
    applyState();
}

void CameraCodeScanner::stop()
{
    if (!m_started)
        return;
    m_started = false;
    QImage discard;
    m_mailbox->take(&discard);
    m_lastSeen.clear();
    applyState();
}

void CameraCodeScanner::setFormats(CodeFormats formats)
{
    m_worker->setFormats(formats);
}

quint64 CameraCodeScanner::framesDecoded() const
{
    return m_mailbox->delivered();
}

quint64 CameraCodeScanner::framesDropped() const
{
    return m_mailbox->dropped();
}

void CameraCodeScanner::applyState()
{
    if (!m_started)
        setState(Status::Unavailable, QStringLiteral("stopped"));
    else if (!m_camera)
        setState(Status::Unavailable, QStringLiteral("camera: gone"));
    else if (!m_camera->isReady())
        setState(Status::Unavailable, QStringLiteral("camera: %1").arg(m_camera->reason()));
    else
        setState(Status::Ready);
}

void CameraCodeScanner::onFrame(const QImage &frame)
{
    if (m_started && !frame.isNull())
        m_mailbox->offer(frame, ++m_sequence);
}

void CameraCodeScanner::onDecoded(const QList<DecodedCode> &codes)
{
    if (!m_started)
        return;
    const qint64 now = m_clock.elapsed();
    for (const DecodedCode &code : codes) {
        const auto last = m_lastSeen.constFind(code.text);
        const bool repeat = last != m_lastSeen.cend() && now - *last < m_repeatQuietMs;
        m_lastSeen.insert(code.text, now);
        if (repeat)
            continue;
        const QString problem = scanPayloadProblem(code.text);
        if (!problem.isEmpty()) {
            reportError(QStringLiteral("scan"), problem);
            continue;
        }
        qCDebug(lcCamera) << name() << "decoded a" << codeFormatName(code.format);
        emit codeScanned(ScannedCode{code.text, code.symbology});
    }
}
