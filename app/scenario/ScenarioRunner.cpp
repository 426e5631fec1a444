#include "ScenarioRunner.h"

#include "HallControl.h"
#include "ScenarioKeyboard.h"
#include "ScenarioWebPage.h"

#include "CaseStore.h"
#include "Clock.h"
#include "DeviceHub.h"
#include "DisplayModeController.h"
#include "FormController.h"
#include "SessionController.h"
#include "SimulatorController.h"
#include "StoreExecutor.h"
#include "SubmissionController.h"
#include "SyncMonitor.h"
#include "WarningCollector.h"

#include "ScenarioTap.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QGuiApplication>
#include <QImage>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

Q_LOGGING_CATEGORY(lcScenario, "onestop.scenario")

namespace {
constexpr int defaultTimeoutMs = 10000;

// What the report says about a step's argument: enough to find the step, never the personal values a
// scenario may carry (card fields, typed text, expected field values).
QString describe(const ScenarioStep &step)
{
    const QJsonValue &value = step.argument;
    if (step.action == QLatin1String("place_card"))
        return value.toObject().contains(QStringLiteral("sample"))
                   ? QStringLiteral("sample %1").arg(value.toObject().value(QStringLiteral("sample")).toInt())
                   : QStringLiteral("card given field by field");
    if (step.action == QLatin1String("type") || step.action == QLatin1String("type_keys"))
        return value.toObject().value(QStringLiteral("target")).toString();
    if (step.action == QLatin1String("tap_web") || step.action == QLatin1String("expect_web"))
        return value.toObject().value(QStringLiteral("selector")).toString();
    if (step.action == QLatin1String("expect_field"))
        return value.toObject().value(QStringLiteral("field")).toString();
    if (step.action == QLatin1String("scan_code"))
        return QStringLiteral("%1 characters").arg(value.toString().size());
    if (step.action == QLatin1String("scan_token"))
        return value.toObject().value(QStringLiteral("again")).toBool()
                   ? QStringLiteral("the previous code again")
                   : QStringLiteral("a %1 code")
                         .arg(value.toObject().value(QStringLiteral("typ")).toString());
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return QString();
}
} // namespace

ScenarioRunner::ScenarioRunner(const Parts &parts, QString screenshotDir, QObject *parent)
    : QObject(parent), m_parts(parts), m_screenshotDir(std::move(screenshotDir))
{
    connect(parts.session, &SessionController::screenChanged, this, &ScenarioRunner::onScreenChanged);
    connect(parts.submission, &SubmissionController::changed, this, [this] {
        if (!m_parts.submission->caseId().isEmpty()) {
            m_caseId = m_parts.submission->caseId();
            m_caseNumber = m_parts.submission->caseNumber();
        }
        if (m_parts.submission->receiptState() == SubmissionController::ReceiptState::Printed)
            m_receiptPrinted = true;
        if (m_parts.submission->receiptState() == SubmissionController::ReceiptState::NotPrinted)
            m_receiptProblem = m_parts.submission->receiptProblem();
    });
}

bool ScenarioRunner::fail(const QString &message)
{
    m_failure = QStringLiteral("step %1: %2").arg(m_currentStep).arg(message);
    return false;
}

bool ScenarioRunner::waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    if (condition())
        return true;
    QEventLoop loop;
    QTimer poll;
    QTimer deadline;
    deadline.setSingleShot(true);
    bool met = false;
    connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition()) {
            met = true;
            loop.quit();
        }
    });
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start(10);
    deadline.start(timeoutMs);
    loop.exec();
    return met || condition();
}

static QQuickItem *findIn(QQuickItem *item, const QString &name)
{
    if (!item)
        return nullptr;
    if (item->objectName() == name && item->isVisible())
        return item;
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findIn(child, name))
            return found;
    }
    return nullptr;
}

QQuickItem *ScenarioRunner::findItem(const QString &objectName) const
{
    return findIn(m_parts.window->contentItem(), objectName);
}

QQuickItem *ScenarioRunner::waitForItem(const QString &objectName, int timeoutMs)
{
    QQuickItem *found = nullptr;
    waitUntil(
        [&] {
            found = findItem(objectName);
            return found && found->isEnabled();
        },
        timeoutMs);
    return found;
}

// A resident scrolls to a control before touching it; so does the runner: every Flickable between the
// item and the window is moved so that the item's centre is inside it.
bool ScenarioRunner::scrollIntoView(QQuickItem *item)
{
    bool moved = false;
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        const QVariant contentY = p->property("contentY");
        const QVariant contentHeight = p->property("contentHeight");
        if (!contentY.isValid() || !contentHeight.isValid() || !p->inherits("QQuickFlickable"))
            continue;
        const qreal centre = item->mapToItem(p, QPointF(0, item->height() / 2)).y();
        if (centre >= 0 && centre <= p->height())
            continue;
        const qreal wanted = contentY.toReal() + centre - p->height() / 2;
        const qreal maxY = qMax<qreal>(0, contentHeight.toReal() - p->height());
        const qreal target = qBound<qreal>(0, wanted, maxY);
        if (!qFuzzyCompare(target + 1, contentY.toReal() + 1)) {
            p->setProperty("contentY", target);
            moved = true;
        }
    }
    QCoreApplication::processEvents();
    return moved;
}

// The part of the window where `item` can be seen: the window clipped by every Flickable it is in.
static QRectF visibleSceneRect(QQuickItem *item, const QSizeF &windowSize)
{
    QRectF visible(QPointF(0, 0), windowSize);
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (p->inherits("QQuickFlickable"))
            visible &= p->mapRectToScene(QRectF(0, 0, p->width(), p->height()));
    }
    return visible;
}

bool ScenarioRunner::tap(const QString &objectName, int timeoutMs)
{
    QQuickItem *item = waitForItem(objectName, timeoutMs);
    if (!item)
        return fail(QStringLiteral("no visible control named '%1' on screen '%2'")
                        .arg(objectName, m_parts.session->screenName()));
    if (!item->isEnabled())
        return fail(QStringLiteral("control '%1' is disabled").arg(objectName));
    // Layouts place their children when polished for the next frame; a control that just appeared (or an
    // error text that just grew a field) may still have its old geometry. Polish the control's ancestors
    // innermost first (their sizes, so a Flickable's contentHeight is current), then outermost first
    // (their positions), before and after scrolling, so the tap lands where the resident would see it.
    QVector<QQuickItem *> chain;
    for (QQuickItem *p = item; p; p = p->parentItem())
        chain.prepend(p);
    const auto polish = [&chain] {
        for (auto it = chain.crbegin(); it != chain.crend(); ++it)
            (*it)->ensurePolished();
        for (QQuickItem *p : std::as_const(chain))
            p->ensurePolished();
    };
    // A layout that is still settling (the on-screen keyboard sliding in shrinks the screen) can move the
    // control again after the scroll: scroll until it stays.
    for (int i = 0; i < 5; ++i) {
        polish();
        if (!scrollIntoView(item))
            break;
    }
    const QPointF local(item->width() / 2, item->height() / 2);
    const QPointF scenePos = item->mapToScene(local);
    if (!visibleSceneRect(item, m_parts.window->size()).contains(scenePos))
        return fail(QStringLiteral(
                        "control '%1' is out of sight (outside the window or its scrolled area) at (%2, %3)")
                        .arg(objectName)
                        .arg(scenePos.x())
                        .arg(scenePos.y()));
    scenarioTap(m_parts.window, scenePos);
    return true;
}

bool ScenarioRunner::type(const QJsonObject &argument, int timeoutMs)
{
    const QString name = argument.value(QStringLiteral("target")).toString();
    const QString text = argument.value(QStringLiteral("text")).toString();
    QQuickItem *item = waitForItem(name, timeoutMs);
    if (!item)
        return fail(QStringLiteral("no visible field named '%1' on screen '%2'")
                        .arg(name, m_parts.session->screenName()));
    item->forceActiveFocus(Qt::OtherFocusReason);
    if (!item->hasActiveFocus())
        return fail(QStringLiteral("field '%1' does not take focus (read-only or disabled?)").arg(name));
    QMetaObject::invokeMethod(item, "selectAll");
    // Committed text as an input method delivers it: works for Chinese as well as digits.
    QInputMethodEvent event;
    event.setCommitString(text);
    QCoreApplication::sendEvent(item, &event);
    QCoreApplication::processEvents();
    return true;
}

// The first visible, enabled, editable text field in tree order (where the on-screen keyboard opens).
static QQuickItem *firstTextField(QQuickItem *item)
{
    if (!item || !item->isVisible())
        return nullptr;
    // TextField and TextArea: editable text with a placeholder.
    if (item->isEnabled() && item->property("placeholderText").isValid() &&
        item->property("readOnly").isValid() && !item->property("readOnly").toBool())
        return item;
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = firstTextField(child))
            return found;
    }
    return nullptr;
}

bool ScenarioRunner::focusFirstField()
{
    QQuickItem *field = nullptr;
    waitUntil([&] { return (field = firstTextField(m_parts.window->contentItem())) != nullptr; },
              defaultTimeoutMs);
    if (!field)
        return fail(QStringLiteral("no text field on screen '%1'").arg(m_parts.session->screenName()));
    scrollIntoView(field);
    field->forceActiveFocus(Qt::MouseFocusReason);
    if (!field->hasActiveFocus())
        return fail(QStringLiteral("the first text field on screen '%1' does not take focus")
                        .arg(m_parts.session->screenName()));
    QCoreApplication::processEvents();
    return true;
}

bool ScenarioRunner::expectField(const QJsonObject &argument)
{
    const QString field = argument.value(QStringLiteral("field")).toString();
    const QString value = m_parts.form->value(field);
    const QString error = m_parts.form->error(field);
    if (argument.contains(QStringLiteral("value")) &&
        value != argument.value(QStringLiteral("value")).toString())
        return fail(QStringLiteral("field '%1' has a different value than expected").arg(field));
    if (argument.contains(QStringLiteral("error"))) {
        const QString expected = argument.value(QStringLiteral("error")).toString();
        if (expected.isEmpty() ? !error.isEmpty() : !error.contains(expected))
            return fail(
                QStringLiteral("field '%1': error is '%2', expected '%3'").arg(field, error, expected));
    }
    if (argument.contains(QStringLiteral("valid")) &&
        argument.value(QStringLiteral("valid")).toBool() != error.isEmpty())
        return fail(QStringLiteral("field '%1': validity differs (error '%2')").arg(field, error));
    return true;
}

bool ScenarioRunner::setDeviceState(const QJsonObject &argument)
{
    if (!m_parts.hall)
        return fail(QStringLiteral("set_device_state needs simulated or emulated devices"));
    const QString device = argument.value(QStringLiteral("device")).toString();
    QString error;
    if (argument.contains(QStringLiteral("plugged")) &&
        !m_parts.hall->setPlugged(device, argument.value(QStringLiteral("plugged")).toBool(), &error))
        return fail(error);
    if (argument.contains(QStringLiteral("paper")) &&
        !m_parts.hall->setPaper(argument.value(QStringLiteral("paper")).toString(), &error))
        return fail(error);
    return true;
}

// Waits until a device reaches a status ("ready", "busy" or "unavailable"), as staff would watch the
// technician view: a printer given paper again is Ready only after its next status round.
bool ScenarioRunner::waitDevice(const QJsonObject &argument, int timeoutMs)
{
    const QString kind = argument.value(QStringLiteral("device")).toString();
    const QString wanted = argument.value(QStringLiteral("status")).toString(QStringLiteral("ready"));
    static const QStringList statuses{QStringLiteral("ready"), QStringLiteral("busy"),
                                      QStringLiteral("unavailable")};
    if (!statuses.contains(wanted))
        return fail(
            QStringLiteral("wait_device: status is one of %1").arg(statuses.join(QStringLiteral(", "))));
    Device *device = m_devices ? m_devices->device(kind) : nullptr;
    if (!device)
        return fail(QStringLiteral("wait_device: no %1 at this kiosk").arg(kind));
    const auto reached = [&] {
        const Device::Status status = device->status();
        return wanted == QLatin1String("ready")  ? status == Device::Status::Ready
               : wanted == QLatin1String("busy") ? status == Device::Status::Busy
                                                 : status == Device::Status::Unavailable;
    };
    if (!waitUntil(reached, timeoutMs))
        return fail(QStringLiteral("%1 is not %2 after %3 ms (%4)")
                        .arg(kind, wanted)
                        .arg(timeoutMs)
                        .arg(device->reason()));
    return true;
}

bool ScenarioRunner::placeCard(const QJsonValue &argument)
{
    if (!m_parts.hall)
        return fail(QStringLiteral("place_card needs a simulated or emulated reader"));
    QString error;
    if (!m_parts.hall->placeCard(argument.toObject(), &error))
        return fail(error);
    return true;
}

bool ScenarioRunner::keepElderly()
{
    if (!m_parts.displayMode)
        return fail(QStringLiteral("the elderly variant needs the display mode"));
    if (m_parts.session->screen() == SessionController::Screen::Attract || m_parts.displayMode->isElderly())
        return true;
    // As a resident would: the elderly key in the header of the screen the session is on.
    if (!tap(QStringLiteral("header.elderly"), defaultTimeoutMs))
        return false;
    if (!m_parts.displayMode->isElderly())
        return fail(
            QStringLiteral("the header's elderly key did not switch the elderly mode on (screen '%1')")
                .arg(m_parts.session->screenName()));
    ++m_elderlySessions;
    return true;
}

bool ScenarioRunner::runStep(const ScenarioStep &step)
{
    const QString &a = step.action;
    const int timeoutMs = step.options.value(QStringLiteral("timeout_ms")).toInt(defaultTimeoutMs);
    if (a == QLatin1String("tap"))
        return tap(step.argument.toString(), timeoutMs);
    if (a == QLatin1String("type"))
        return type(step.argument.toObject(), timeoutMs);
    if (a == QLatin1String("wait_for")) {
        const QString screen = step.argument.toString();
        if (!waitUntil([&] { return m_parts.session->screenName() == screen; }, timeoutMs))
            return fail(QStringLiteral("screen '%1' did not come within %2 ms (on '%3')")
                            .arg(screen)
                            .arg(timeoutMs)
                            .arg(m_parts.session->screenName()));
        return true;
    }
    if (a == QLatin1String("expect_screen")) {
        if (m_parts.session->screenName() != step.argument.toString())
            return fail(QStringLiteral("expected screen '%1', on '%2'")
                            .arg(step.argument.toString(), m_parts.session->screenName()));
        return true;
    }
    if (a == QLatin1String("expect_field"))
        return expectField(step.argument.toObject());
    if (a == QLatin1String("place_card"))
        return placeCard(step.argument);
    if (a == QLatin1String("remove_card")) {
        QString error;
        if (!m_parts.hall)
            return fail(QStringLiteral("remove_card needs a simulated or emulated reader"));
        return m_parts.hall->removeCard(&error) || fail(error);
    }
    if (a == QLatin1String("scan_code")) {
        QString error;
        if (!m_parts.hall)
            return fail(QStringLiteral("scan_code needs a simulated or emulated scanner"));
        return m_parts.hall->scan(step.argument.toString(), &error) || fail(error);
    }
    if (a == QLatin1String("scan_token")) {
        QString error;
        if (!m_parts.hall)
            return fail(QStringLiteral("scan_token needs a simulated or emulated scanner"));
        const QString code = m_tokens.code(m_parts.platformUrl, step.argument.toObject(), timeoutMs, &error);
        if (code.isEmpty())
            return fail(error);
        return m_parts.hall->scan(code, &error) || fail(error);
    }
    if (a == QLatin1String("set_device_state"))
        return setDeviceState(step.argument.toObject());
    if (a == QLatin1String("wait_device"))
        return waitDevice(step.argument.toObject(), timeoutMs);
    if (a == QLatin1String("network")) {
        const QString state = step.argument.toString();
        if (state != QLatin1String("up") && state != QLatin1String("down"))
            return fail(QStringLiteral("network is 'up' or 'down'"));
        if (m_parts.simulator)
            m_parts.simulator->setNetwork(state == QLatin1String("up"));
        else
            m_parts.sync->setNetworkAvailable(state == QLatin1String("up"));
        return true;
    }
    if (a == QLatin1String("advance_clock")) {
        if (!m_parts.clock)
            return fail(QStringLiteral("advance_clock needs the manual clock (scenario mode)"));
        qint64 left = qint64(step.argument.toDouble());
        // One second at a time, as the real clock would pass, so each timeout fires in its order.
        while (left > 0) {
            const qint64 stepMs = qMin<qint64>(left, 1000);
            m_parts.clock->advance(stepMs);
            left -= stepMs;
            m_parts.session->checkTimers();
            QCoreApplication::processEvents();
        }
        return true;
    }
    if (a == QLatin1String("wait_sync")) {
        const int ms = step.argument.isDouble() ? step.argument.toInt() : timeoutMs;
        if (!waitUntil([&] { return m_parts.sync->pendingCount() == 0; }, ms))
            return fail(QStringLiteral("%1 item(s) still waiting to sync after %2 ms (%3)")
                            .arg(m_parts.sync->pendingCount())
                            .arg(ms)
                            .arg(m_parts.sync->lastError()));
        return true;
    }
    if (a == QLatin1String("expect_notice")) {
        // What the kiosk tells the resident under the screen (a refused code, a device problem).
        const QString expected = step.argument.toString();
        const auto shown = [&] {
            const QString notice = m_parts.session->notice();
            return expected.isEmpty() ? notice.isEmpty() : notice.contains(expected);
        };
        if (!waitUntil(shown, timeoutMs))
            return fail(QStringLiteral("notice is '%1', expected '%2' within %3 ms")
                            .arg(m_parts.session->notice(), expected)
                            .arg(timeoutMs));
        return true;
    }
    if (a == QLatin1String("wait_receipt")) {
        // The receipt's fate, as the resident is told: printed, or not printed (and why).
        const QString expected = step.argument.toString();
        if (expected != QLatin1String("printed") && expected != QLatin1String("not_printed"))
            return fail(QStringLiteral("wait_receipt is \"printed\" or \"not_printed\""));
        const auto decided = [&] {
            const auto state = m_parts.submission->receiptState();
            return state == SubmissionController::ReceiptState::Printed ||
                   state == SubmissionController::ReceiptState::NotPrinted;
        };
        if (!waitUntil(decided, timeoutMs))
            return fail(
                QStringLiteral("the receipt was neither printed nor given up within %1 ms").arg(timeoutMs));
        const bool printed =
            m_parts.submission->receiptState() == SubmissionController::ReceiptState::Printed;
        if (printed != (expected == QLatin1String("printed")))
            return fail(printed ? QStringLiteral("the receipt was printed")
                                : QStringLiteral("the receipt was not printed: %1")
                                      .arg(m_parts.submission->receiptProblem()));
        return true;
    }
    if (a == QLatin1String("focus_first_field"))
        return focusFirstField();
    if (a == QLatin1String("type_keys")) {
        const QJsonObject argument = step.argument.toObject();
        QStringList choices;
        for (const QJsonValue &choice : argument.value(QStringLiteral("choose")).toArray())
            choices << choice.toString();
        ScenarioKeyboard keyboard(m_parts.window, [this](const std::function<bool()> &condition, int ms) {
            return waitUntil(condition, ms);
        });
        QString error;
        const QString target = argument.value(QStringLiteral("target")).toString();
        const QString keys = argument.value(QStringLiteral("keys")).toString();
        // Without a target: into what the resident tapped last (a field of a web page, tap_web).
        return (target.isEmpty() ? keyboard.typeKeys(keys, choices, timeoutMs, &error)
                                 : keyboard.type(target, keys, choices, timeoutMs, &error)) ||
               fail(error);
    }
    if (a == QLatin1String("tap_web") || a == QLatin1String("expect_web")) {
        const QJsonObject argument = step.argument.toObject();
        ScenarioWebPage page(m_parts.window, [this](const std::function<bool()> &condition, int ms) {
            return waitUntil(condition, ms);
        });
        QString error;
        const QString selector = argument.value(QStringLiteral("selector")).toString();
        return (a == QLatin1String("tap_web")
                    ? page.tap(selector, timeoutMs, &error)
                    : page.expect(selector, argument.value(QStringLiteral("matches")).toString(), timeoutMs,
                                  &error)) ||
               fail(error);
    }
    if (a == QLatin1String("screenshot")) {
        capture(step.argument.toString());
        return true;
    }
    return fail(QStringLiteral("unknown action '%1'").arg(a));
}

void ScenarioRunner::onScreenChanged()
{
    const QString screen = m_parts.session->screenName();
    m_visited.append(
        QJsonObject{{QStringLiteral("screen"), screen}, {QStringLiteral("at_ms"), m_elapsed.elapsed()}});
    capture(screen);
}

void ScenarioRunner::capture(const QString &label)
{
    // The screen's Loader switches synchronously on screenChanged; grabWindow polishes and renders. A run
    // without --screenshots draws the same frames, so that it behaves exactly like one with them.
    const QImage image = m_parts.window->grabWindow();
    if (m_screenshotDir.isEmpty())
        return;
    const QString file =
        QStringLiteral("%1-%2.png").arg(m_screenshots.size() + 1, 2, 10, QLatin1Char('0')).arg(label);
    if (image.isNull() || !image.save(QDir(m_screenshotDir).filePath(file))) {
        qCWarning(lcScenario) << "could not save screenshot" << file;
        return;
    }
    m_screenshots.append(file);
}

bool ScenarioRunner::run(const Scenario &scenario)
{
    WarningCollector warnings;
    m_elapsed.start();
    if (!m_screenshotDir.isEmpty())
        QDir().mkpath(m_screenshotDir);
    m_visited.append(
        QJsonObject{{QStringLiteral("screen"), m_parts.session->screenName()}, {QStringLiteral("at_ms"), 0}});
    capture(m_parts.session->screenName());

    bool ok = true;
    for (const ScenarioStep &step : scenario.steps) {
        m_currentStep = step.index;
        const qint64 started = m_elapsed.elapsed();
        qCInfo(lcScenario).noquote() << "step" << step.index << step.action;
        ok = runStep(step);
        if (ok && m_parts.elderly)
            ok = keepElderly();
        m_stepTimings.append(QJsonObject{{QStringLiteral("index"), step.index},
                                         {QStringLiteral("action"), step.action},
                                         {QStringLiteral("argument"), describe(step)},
                                         {QStringLiteral("ms"), m_elapsed.elapsed() - started}});
        if (!ok) {
            qCWarning(lcScenario).noquote() << "scenario failed:" << m_failure;
            break;
        }
    }

    const QString caseId = m_caseId;
    const auto [synced, pending] = m_parts.store->wait([caseId](CaseStore &store) {
        return std::make_pair(!caseId.isEmpty() && store.caseSyncState(caseId) == SyncState::Synced,
                              store.pendingCount());
    });
    QJsonObject timings{{QStringLiteral("total_ms"), m_elapsed.elapsed()},
                        {QStringLiteral("steps"), m_stepTimings}};
    if (m_firstFrameMs >= 0)
        timings.insert(QStringLiteral("process_start_to_first_frame_ms"), m_firstFrameMs);
    QJsonArray screenNames;
    for (const QJsonValue &v : m_visited)
        screenNames.append(v.toObject().value(QStringLiteral("screen")));
    m_report = QJsonObject{{QStringLiteral("scenario"), scenario.name},
                           {QStringLiteral("passed"), ok},
                           {QStringLiteral("failure"), ok ? QJsonValue() : QJsonValue(m_failure)},
                           {QStringLiteral("screens_visited"), screenNames},
                           {QStringLiteral("screen_visits"), m_visited},
                           {QStringLiteral("screenshots"), m_screenshots},
                           {QStringLiteral("case_id"), m_caseId},
                           {QStringLiteral("case_number"), m_caseNumber},
                           {QStringLiteral("case_synced"), synced},
                           {QStringLiteral("receipt_printed"), m_receiptPrinted},
                           {QStringLiteral("receipt_problem"), m_receiptProblem},
                           {QStringLiteral("outbox_pending"), pending},
                           {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings.messages())},
                           {QStringLiteral("display_mode"),
                            m_parts.elderly ? QStringLiteral("elderly") : QStringLiteral("standard")},
                           {QStringLiteral("elderly_sessions"), m_elderlySessions},
                           {QStringLiteral("timings"), timings}};
    return ok;
}
