#pragma once

#include "Camera.h"

#include <QImage>
#include <QObject>
#include <QTimer>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QVector>

class ManualClock;
class SessionController;
class SimulatorController;
class TechnicianController;
struct Catalog;
struct IdCardData;

// What the QML tests need beyond the controllers' own API: the manual clock, a way back to a clean
// kiosk between tests, and the full personal values of the sample residents (to prove they are masked
// or gone). Registered as the singleton Harness of module OneStop.Test. Thread: GUI.
// A camera whose picture the test chooses: Ready while started; while `showing`, it emits `picture` ten
// times a second (a generated A4 page on a desk, or the desk alone). Thread: GUI.
class ScriptedCamera : public Camera
{
    Q_OBJECT
public:
    explicit ScriptedCamera(QObject *parent = nullptr);
    bool isSimulated() const override { return true; }
    void start() override { setState(Status::Ready); }
    void stop() override
    {
        m_timer.stop();
        setState(Status::Unavailable, QStringLiteral("stopped"));
    }
    void show(const QImage &picture);

private:
    QTimer m_timer;
    QImage m_picture;
};

class QmlTestHarness : public QObject
{
    Q_OBJECT

public:
    QmlTestHarness(ManualClock &clock, SessionController &session, SimulatorController &simulator,
                   const Catalog &catalog, const QVector<IdCardData> &residents,
                   TechnicianController &technician, QObject *parent = nullptr);

    // Moves the manual clock on, one second at a time as the real clock would, re-checking the
    // session's and the technician view's timers after each step.
    Q_INVOKABLE void advanceClock(int ms);
    // Ends any session and puts every simulated device back to ready with paper and network down.
    Q_INVOKABLE void reset();
    // The sample resident's name and ID number as on the card (unmasked).
    Q_INVOKABLE QString residentName(int index) const;
    Q_INVOKABLE QString residentIdNumber(int index) const;
    // The technician PIN the test kiosk is configured with.
    Q_INVOKABLE QString technicianPin() const;
    // The ids of the services in the loaded catalog, in catalog order.
    Q_INVOKABLE QStringList serviceIds() const;
    // What the materials screen's camera sees: "page" (an A4 page on a desk), "desk" (no page) or "".
    Q_INVOKABLE void showToCamera(const QString &what);
    // The attachments committed with the last case (kinds, in order), from the store.
    Q_INVOKABLE QStringList lastCaseAttachmentKinds() const;
    // The rating stored for the last case, from the store: level, indicators, comment ({} when none yet).
    Q_INVOKABLE QVariantMap lastRating() const;
    // Where any of `canaries` can still be found outside the item tree: every property and model row of
    // every controller handed to QML (OneStop.Core, .Input, .Assist singletons and the no-card controller),
    // the form's review rows, and the clipboard. One line per hit, [] when none (the canary wipe test).
    Q_INVOKABLE QStringList controllerTraces(const QStringList &canaries) const;
    // The clipboard's text (and the selection's, where there is one).
    Q_INVOKABLE QString clipboardText() const;
    // How many session pictures the image store still serves.
    Q_INVOKABLE int sessionImageCount() const;
    void setSessionImages(class SessionImageStore *images) { m_images = images; }

    void setCamera(ScriptedCamera *camera, class SubmissionController *submission, class CaseStore *store)
    {
        m_camera = camera;
        m_submission = submission;
        m_store = store;
    }

private:
    ManualClock &m_clock;
    SessionController &m_session;
    SimulatorController &m_simulator;
    const Catalog &m_catalog;
    const QVector<IdCardData> &m_residents;
    TechnicianController &m_technician;
    ScriptedCamera *m_camera = nullptr;
    SubmissionController *m_submission = nullptr;
    CaseStore *m_store = nullptr;
    SessionImageStore *m_images = nullptr;
    QImage m_page;
    QImage m_desk;
};
