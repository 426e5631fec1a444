#pragma once

#include "Scenario.h"
#include "ScenarioTokenStep.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

class CaseStore;
class DeviceHub;
class DisplayModeController;
class FormController;
class ManualClock;
class QQuickItem;
class QQuickWindow;
class SessionController;
class SimulatorController;
class HallControl;
class SubmissionController;
class StoreExecutor;
class SyncMonitor;

// Plays a Scenario through the real controllers and the real screens (offscreen): taps and typing are
// delivered as mouse and input-method events to the named QML controls. Records the screens visited,
// a PNG per screen, timings, and the case that was submitted, into a JSON report. Thread: GUI.
class ScenarioRunner : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QQuickWindow *window = nullptr;
        SessionController *session = nullptr;
        FormController *form = nullptr;
        SubmissionController *submission = nullptr;
        SyncMonitor *sync = nullptr;
        StoreExecutor *store = nullptr; // read for the report only (waits for the store's thread)
        SimulatorController *simulator = nullptr; // null when devices are real (network steps use sync then)
        HallControl *hall = nullptr;              // card, scan, paper and plug steps; null = none possible
        ManualClock *clock = nullptr;             // null when the clock is real
        QUrl platformUrl;                         // scan_token asks the platform (test hooks) for a code
        // The elderly variant of a scenario (--elderly): every session of it is switched to the elderly
        // mode by a tap on the header's elderly key as soon as it leaves the attract screen.
        DisplayModeController *displayMode = nullptr;
        bool elderly = false;
    };

    ScenarioRunner(const Parts &parts, QString screenshotDir, QObject *parent = nullptr);

    // Runs every step; returns true when all passed. Blocks in local event loops (never on a sleep).
    bool run(const Scenario &scenario);
    QJsonObject report() const { return m_report; }
    QString failure() const { return m_failure; }
    // Milliseconds from process start to the first frame of the attract screen, if it was measured.
    void setFirstFrameMs(qint64 ms) { m_firstFrameMs = ms; }
    // The kiosk's devices, for wait_device steps (without them those steps fail).
    void setDevices(DeviceHub *devices) { m_devices = devices; }

private:
    bool runStep(const ScenarioStep &step);
    bool waitUntil(const std::function<bool()> &condition, int timeoutMs);
    QQuickItem *findItem(const QString &objectName) const;
    QQuickItem *waitForItem(const QString &objectName, int timeoutMs);
    bool tap(const QString &objectName, int timeoutMs);
    // Scrolls every Flickable around `item` so that its centre is in view; true if anything moved.
    bool scrollIntoView(QQuickItem *item);
    bool type(const QJsonObject &argument, int timeoutMs);
    bool expectField(const QJsonObject &argument);
    bool focusFirstField();
    bool setDeviceState(const QJsonObject &argument);
    bool waitDevice(const QJsonObject &argument, int timeoutMs);
    bool placeCard(const QJsonValue &argument);
    bool fail(const QString &message);
    // The elderly variant: the session on screen is in the elderly mode (tapped on when it is not).
    bool keepElderly();
    void onScreenChanged();
    void capture(const QString &label);

    Parts m_parts;
    QString m_screenshotDir;
    QElapsedTimer m_elapsed;
    QJsonArray m_visited;
    QJsonArray m_screenshots;
    QJsonArray m_stepTimings;
    QString m_caseId;
    QString m_caseNumber;
    QString m_failure;
    ScenarioTokenStep m_tokens;
    bool m_receiptPrinted = false;
    QString m_receiptProblem;
    int m_currentStep = -1;
    qint64 m_firstFrameMs = -1;
    int m_elderlySessions = 0; // sessions switched to the elderly mode by the variant
    QJsonObject m_report;
    DeviceHub *m_devices = nullptr;
};
