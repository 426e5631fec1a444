#pragma once

#include "FaceQualityGate.h"

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QtQml/qqmlregistration.h>

#include <memory>

class SessionImageStore;

// The face-capture screen: guides the resident with one spoken sentence at a time (the first failing
// gate) and keeps the best frame once every gate passes.
// - Nothing is analysed before the resident's separate consent (giveConsent()); reset() (session end) and
//   chooseAlternative() take it back.
// - Face capture is never the only way: alternativeAvailable is always true and the screen shows the other
//   way (the ID card, or the staff); chooseAlternative() wipes everything and says so.
// - Frames come in through processFrame() and are analysed on a worker thread; frames arriving while it is
//   busy are dropped. The best frame (sharpest of those that passed every gate in a row) becomes one JPEG
//   in memory (capturedJpeg()), cropped to head and shoulders. Frames never touch the disk.
// Thread: GUI (the object and all its members); FaceQualityGate::assess runs on the worker.
class FaceCaptureController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("FaceCaptureController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool consentGiven READ isConsentGiven NOTIFY stateChanged)
    Q_PROPERTY(bool captured READ hasCapture NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    // The captured picture as a URL for an Image element ("" before capture): "image://session/..." with the
    // image store wired (setImageStore), a "data:image/jpeg;base64,..." URL without it.
    Q_PROPERTY(QString capturedUrl READ capturedUrl NOTIFY stateChanged)
    Q_PROPERTY(bool alternativeAvailable READ isAlternativeAvailable CONSTANT)
    Q_PROPERTY(QString alternativeText READ alternativeText NOTIFY guidanceChanged)
    Q_PROPERTY(QStringList guidanceKeys READ guidanceKeys NOTIFY guidanceChanged)
    Q_PROPERTY(QString guidance READ guidance NOTIFY guidanceChanged)
    Q_PROPERTY(QStringList guidanceTexts READ guidanceTexts NOTIFY guidanceChanged)
    Q_PROPERTY(int progress READ progress NOTIFY guidanceChanged)

public:
    enum class State {
        WaitingForConsent, // nothing is analysed
        Looking,           // consent given, no face yet
        Adjusting,         // a face, some gate fails: guidance says what to do
        Holding,           // every gate passes; keeping the best frame
        Captured,          // capturedJpeg() holds the picture; frames are ignored until retake()
        Failed,            // the face check cannot run (error says why); the alternative remains
    };
    Q_ENUM(State)

    explicit FaceCaptureController(const FaceGateConfig &config = FaceGateConfig(), QObject *parent = nullptr);
    ~FaceCaptureController() override;

    State state() const { return m_state; }
    bool isConsentGiven() const { return m_consent; }
    bool hasCapture() const { return !m_jpeg.isEmpty(); }
    QString error() const { return m_error; }
    QString capturedUrl() const;
    bool isAlternativeAvailable() const { return true; }
    QString alternativeText() const;
    QStringList guidanceKeys() const { return m_guidanceKeys; }
    QString guidance() const;             // the first failing gate as a sentence in the UI language
    QStringList guidanceTexts() const;    // all failing gates, same order
    int progress() const;                 // 0..100: passing frames kept towards the capture
    int droppedFrames() const { return m_dropped; }
    int analysedFrames() const { return m_analysed; }

    // How many frames in a row must pass every gate before the best of them is kept (default 3).
    void setFramesToCapture(int frames);
    int framesToCapture() const { return m_framesToCapture; }

    // The sentence for a guidance key in the UI language (the keys of FaceAssessment::guidanceKeys()).
    static QString guidanceText(const QString &key);

    Q_INVOKABLE QByteArray capturedJpeg() const { return m_jpeg; }
    // Optional (GUI thread, before the first session; main.cpp wires it): the store that serves the photo to
    // the screens as an "image://session/..." URL. Without it capturedUrl is a "data:" URL.
    void setImageStore(SessionImageStore *store) { m_images = store; }
    Q_INVOKABLE void giveConsent();
    Q_INVOKABLE void chooseAlternative(); // the resident prefers another way: wipe and emit alternativeChosen
    Q_INVOKABLE void retake();            // drop the picture, keep the consent, look again
    Q_INVOKABLE void reset();             // session end: consent, frames, picture and history gone

public slots:
    void processFrame(const QImage &frame);

signals:
    void stateChanged();
    void guidanceChanged();
    void frameAssessed(); // one frame analysed (tests and a progress ring use it)
    void capturedChanged();
    void alternativeChosen();

private:
    void onAssessed(quint64 generation, const QImage &frame, const FaceAssessment &assessment);
    void finishCapture();
    void setState(State state);
    void clearSession();

    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread; jobs run in its event loop
    std::shared_ptr<FaceQualityGate> m_gate; // used only on m_thread after construction
    State m_state = State::WaitingForConsent;
    bool m_consent = false;
    bool m_busy = false;
    quint64 m_generation = 0; // bumped by every wipe: late results of an older session are dropped
    QString m_error;
    QStringList m_guidanceKeys;
    int m_framesToCapture = 3;
    int m_passedInRow = 0;
    QImage m_best;
    QRect m_bestFace;
    double m_bestSharpness = -1;
    QByteArray m_jpeg;
    SessionImageStore *m_images = nullptr;
    int m_dropped = 0;
    int m_analysed = 0;
};
