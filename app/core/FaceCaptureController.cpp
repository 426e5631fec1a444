#include "FaceCaptureController.h"

#include "SessionImageStore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageWriter>

namespace {

// Voice-friendly sentences, one per gate key (FaceAssessment.h). Translated in the FaceCaptureController
// context (assets/translations/*.ts).
struct GuidanceSentence
{
    const char *key;
    const char *text;
};
const GuidanceSentence kSentences[] = {
    {"look_at_camera", QT_TRANSLATE_NOOP("FaceCaptureController", "Please look at the camera")},
    {"only_one_person", QT_TRANSLATE_NOOP("FaceCaptureController", "Only one person please")},
    {"more_light", QT_TRANSLATE_NOOP("FaceCaptureController", "More light please")},
    {"too_bright", QT_TRANSLATE_NOOP("FaceCaptureController", "Too bright, please step out of the direct light")},
    {"move_closer", QT_TRANSLATE_NOOP("FaceCaptureController", "Please move closer")},
    {"move_back", QT_TRANSLATE_NOOP("FaceCaptureController", "Please move back a little")},
    {"move_to_centre", QT_TRANSLATE_NOOP("FaceCaptureController", "Please move to the centre")},
    {"keep_steady", QT_TRANSLATE_NOOP("FaceCaptureController", "Please keep steady, the picture is blurred")},
    {"hold_still", QT_TRANSLATE_NOOP("FaceCaptureController", "Hold still")},
};

// Head and shoulders around the face box, inside the frame: less of the room (and of anyone behind).
QRect portraitCrop(const QRect &face, const QSize &frame)
{
    if (face.isEmpty())
        return QRect(QPoint(0, 0), frame);
    const int w = face.width() * 22 / 10, h = face.height() * 28 / 10;
    const QPoint centre = face.center() + QPoint(0, face.height() * 3 / 10);
    return QRect(centre.x() - w / 2, centre.y() - h / 2, w, h) & QRect(QPoint(0, 0), frame);
}

} // namespace

FaceCaptureController::FaceCaptureController(const FaceGateConfig &config, QObject *parent)
    : QObject(parent), m_gate(std::make_shared<FaceQualityGate>(config))
{
    if (!m_gate->isReady()) {
        m_error = m_gate->errorString();
        m_state = State::Failed;
    }
    m_thread.setObjectName(QStringLiteral("face-check"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

FaceCaptureController::~FaceCaptureController()
{
    // A running assess() finishes (tens of ms at most); its queued result dies with this object.
    m_thread.quit();
    m_thread.wait();
}

QString FaceCaptureController::capturedUrl() const
{
    return SessionImageStore::urlFor(m_images, QStringLiteral("photo"), m_jpeg);
}

QString FaceCaptureController::alternativeText() const
{
    return tr("You can also use your ID card instead, or ask the staff for help.");
}

QString FaceCaptureController::guidanceText(const QString &key)
{
    for (const GuidanceSentence &s : kSentences)
        if (key == QLatin1String(s.key))
            return QCoreApplication::translate("FaceCaptureController", s.text);
    return QString();
}

QString FaceCaptureController::guidance() const
{
    return m_guidanceKeys.isEmpty() ? QString() : guidanceText(m_guidanceKeys.first());
}

QStringList FaceCaptureController::guidanceTexts() const
{
    QStringList texts;
    for (const QString &key : m_guidanceKeys)
        texts.append(guidanceText(key));
    return texts;
}

int FaceCaptureController::progress() const
{
    if (m_state == State::Captured)
        return 100;
    return m_passedInRow * 100 / std::max(1, m_framesToCapture);
}

void FaceCaptureController::setFramesToCapture(int frames)
{
    m_framesToCapture = std::clamp(frames, 1, 30);
}

void FaceCaptureController::giveConsent()
{
    if (m_consent)
        return;
    m_consent = true;
    if (m_state != State::Failed)
        setState(State::Looking);
    else
        emit stateChanged();
}

void FaceCaptureController::chooseAlternative()
{
    clearSession();
    emit alternativeChosen();
}

void FaceCaptureController::retake()
{
    if (!m_consent || !m_gate->isReady())
        return;
    m_error.clear();
    ++m_generation;
    const bool hadCapture = hasCapture();
    m_jpeg.clear();
    m_best = QImage();
    m_bestSharpness = -1;
    m_passedInRow = 0;
    m_guidanceKeys.clear();
    auto gate = m_gate;
    QMetaObject::invokeMethod(m_worker, [gate] { gate->reset(); }, Qt::QueuedConnection);
    setState(State::Looking);
    emit guidanceChanged();
    if (hadCapture)
        emit capturedChanged();
}

void FaceCaptureController::reset()
{
    clearSession();
}

void FaceCaptureController::clearSession()
{
    ++m_generation;
    const bool hadCapture = hasCapture();
    m_consent = false;
    m_jpeg.clear();
    m_best = QImage();
    m_bestFace = QRect();
    m_bestSharpness = -1;
    m_passedInRow = 0;
    m_guidanceKeys.clear();
    m_dropped = 0;
    m_analysed = 0;
    auto gate = m_gate;
    QMetaObject::invokeMethod(m_worker, [gate] { gate->reset(); }, Qt::QueuedConnection);
    setState(m_gate->isReady() ? State::WaitingForConsent : State::Failed);
    emit stateChanged(); // consent changed even if the state did not
    emit guidanceChanged();
    if (hadCapture)
        emit capturedChanged();
}

void FaceCaptureController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

// Thread: GUI. Hands the frame to the worker unless it is busy (then the frame is dropped).
void FaceCaptureController::processFrame(const QImage &frame)
{
    if (!m_consent || frame.isNull())
        return;
    if (m_state == State::Captured || m_state == State::Failed || m_state == State::WaitingForConsent)
        return;
    if (m_busy) {
        ++m_dropped;
        return;
    }
    m_busy = true;
    const quint64 generation = m_generation;
    auto gate = m_gate;
    QMetaObject::invokeMethod(m_worker, [this, gate, frame, generation] {
        // Thread: worker.
        const FaceAssessment assessment = gate->assess(frame);
        QMetaObject::invokeMethod(this, [this, frame, generation, assessment] {
            onAssessed(generation, frame, assessment);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

// Thread: GUI.
void FaceCaptureController::onAssessed(quint64 generation, const QImage &frame, const FaceAssessment &a)
{
    m_busy = false;
    if (generation != m_generation || !m_consent || m_state == State::Captured || m_state == State::Failed)
        return; // a result from before a wipe or a retake
    ++m_analysed;
    if (a.state == FaceAssessment::State::Error) {
        // One unreadable frame is not the end of the capture: say nothing new, wait for the next one.
        emit frameAssessed();
        return;
    }
    m_guidanceKeys = a.guidanceKeys();
    if (a.isReady()) {
        ++m_passedInRow;
        if (a.sharpness > m_bestSharpness) {
            m_best = frame;
            m_bestFace = a.face;
            m_bestSharpness = a.sharpness;
        }
        setState(State::Holding);
    } else {
        // The moment must be continuous: a failing frame starts the count again.
        m_passedInRow = 0;
        m_best = QImage();
        m_bestSharpness = -1;
        setState(a.state == FaceAssessment::State::NoFace ? State::Looking : State::Adjusting);
    }
    emit guidanceChanged();
    if (m_passedInRow >= m_framesToCapture)
        finishCapture();
    emit frameAssessed();
}

void FaceCaptureController::finishCapture()
{
    const QImage portrait = m_best.copy(portraitCrop(m_bestFace, m_best.size())).convertToFormat(QImage::Format_RGB888);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(85);
    if (!writer.write(portrait)) {
        m_error = QStringLiteral("face capture: JPEG encoding failed: %1").arg(writer.errorString());
        m_passedInRow = 0;
        setState(State::Failed);
        return;
    }
    m_jpeg = jpeg;
    m_best = QImage(); // only the JPEG stays
    m_guidanceKeys.clear();
    setState(State::Captured);
    emit guidanceChanged();
    emit capturedChanged();
}
