#include "ScreenTour.h"

#include <QDir>
#include <QJsonObject>

namespace {
class Steps
{
public:
    Steps &add(const QString &action, const QJsonValue &argument, const QJsonObject &options = {})
    {
        ScenarioStep step;
        step.action = action;
        step.argument = argument;
        step.options = options;
        step.index = int(m_steps.size());
        m_steps.append(step);
        return *this;
    }
    Steps &tap(const QString &name) { return add(QStringLiteral("tap"), name); }
    Steps &waitFor(const QString &screen) { return add(QStringLiteral("wait_for"), screen); }
    Steps &shot(const QString &label) { return add(QStringLiteral("screenshot"), label); }
    Steps &type(const QString &target, const QString &text)
    {
        return add(QStringLiteral("type"),
                   QJsonObject{{QStringLiteral("target"), target}, {QStringLiteral("text"), text}});
    }
    Steps &plug(const QString &device, bool plugged)
    {
        return add(QStringLiteral("set_device_state"),
                   QJsonObject{{QStringLiteral("device"), device}, {QStringLiteral("plugged"), plugged}});
    }
    QVector<ScenarioStep> steps() const { return m_steps; }

private:
    QVector<ScenarioStep> m_steps;
};
} // namespace

QString ScreenTour::directory(const QString &root, const QString &language, bool elderly)
{
    return QDir(root).filePath(language + QLatin1Char('/') +
                               (elderly ? QStringLiteral("elderly") : QStringLiteral("standard")));
}

Scenario ScreenTour::scenario(const QString &language, bool elderly)
{
    // The residence permit: the first service of the catalog, and the one with the materials screen.
    Steps s;
    s.add(QStringLiteral("expect_screen"), QStringLiteral("attract"));
    s.tap(elderly ? QStringLiteral("attract.elderly") : QStringLiteral("attract.start"));
    s.waitFor(QStringLiteral("language"));
    s.tap(QStringLiteral("language.") + language);
    s.waitFor(QStringLiteral("identify"));
    s.add(QStringLiteral("scan_code"),
          QStringLiteral("https://zwdt.sh.gov.cn/appointment?code=A20261128-0815"));
    s.shot(QStringLiteral("identify-notice"));
    s.tap(QStringLiteral("notice.dismiss"));
    // No readable card: typed details (keyboard open), then the staff PIN; cancelled, then the card.
    s.tap(QStringLiteral("identify.noCard"));
    s.tap(QStringLiteral("nocard.type.passport"));
    s.type(QStringLiteral("nocard.number"), QStringLiteral("E98765432"));
    s.type(QStringLiteral("nocard.name"), QStringLiteral("GARCIA MARIA"));
    s.shot(QStringLiteral("identify-no-card"));
    s.tap(QStringLiteral("nocard.askStaff"));
    s.shot(QStringLiteral("identify-staff-pin"));
    s.tap(QStringLiteral("staff.pin.cancel"));
    s.tap(QStringLiteral("nocard.cancel"));
    s.add(QStringLiteral("place_card"), QJsonObject{{QStringLiteral("sample"), 1}});
    s.waitFor(QStringLiteral("catalog"));
    s.plug(QStringLiteral("idcard"), false);
    s.shot(QStringLiteral("catalog-unavailable"));
    s.plug(QStringLiteral("idcard"), true);
    s.tap(QStringLiteral("catalog.service.residence-permit"));
    s.waitFor(QStringLiteral("guide"));
    s.add(QStringLiteral("advance_clock"), elderly ? 121000 : 61000);
    s.shot(QStringLiteral("idle-warning"));
    s.tap(QStringLiteral("idle.extend"));
    s.tap(QStringLiteral("guide.start"));
    s.waitFor(QStringLiteral("form"));
    s.add(QStringLiteral("focus_first_field"), QString());
    s.shot(QStringLiteral("form-keyboard"));
    s.tap(QStringLiteral("form.next"));
    s.shot(QStringLiteral("form-errors"));
    s.type(QStringLiteral("form.field.shanghai_address"), QStringLiteral("上海市徐汇区测试路1号101室"));
    s.type(QStringLiteral("form.field.registered_on"), QStringLiteral("2026-01-05"));
    s.tap(QStringLiteral("form.field.basis.housing"));
    s.type(QStringLiteral("form.field.phone"), QStringLiteral("13812345678"));
    s.shot(QStringLiteral("form-filled"));
    s.tap(QStringLiteral("form.next"));
    s.waitFor(QStringLiteral("materials"));
    s.tap(QStringLiteral("materials.photographDocument"));
    s.shot(QStringLiteral("materials-document"));
    s.tap(QStringLiteral("materials.doneDocuments"));
    s.tap(QStringLiteral("materials.photo"));
    s.shot(QStringLiteral("materials-photo"));
    s.tap(QStringLiteral("materials.photoAlternative"));
    s.tap(QStringLiteral("materials.continue"));
    s.waitFor(QStringLiteral("review"));
    s.tap(QStringLiteral("review.submit"));
    s.shot(QStringLiteral("review-no-consent"));
    s.tap(QStringLiteral("review.consent"));
    s.tap(QStringLiteral("review.submit"));
    s.waitFor(QStringLiteral("receipt"));
    s.add(QStringLiteral("wait_receipt"), QStringLiteral("printed"));
    s.shot(QStringLiteral("receipt-printed"));
    s.tap(QStringLiteral("receipt.continue"));
    s.waitFor(QStringLiteral("rating"));
    // A poor rating's second step (what was wrong), then back: the tour rates 5.
    s.tap(QStringLiteral("rating.level.1"));
    s.tap(QStringLiteral("rating.indicator.efficiency"));
    s.shot(QStringLiteral("rating-details"));
    s.tap(QStringLiteral("rating.back"));
    s.tap(QStringLiteral("rating.level.5"));
    s.waitFor(QStringLiteral("goodbye"));
    s.tap(QStringLiteral("goodbye.finish"));
    s.waitFor(QStringLiteral("attract"));
    // Another kind of visit, without a card: the queue ticket's screen (its services come from the platform,
    // or from the kiosk's last list of them).
    s.tap(elderly ? QStringLiteral("attract.elderly") : QStringLiteral("attract.start"));
    s.waitFor(QStringLiteral("language"));
    s.tap(QStringLiteral("language.") + language);
    s.waitFor(QStringLiteral("identify"));
    s.tap(QStringLiteral("identify.queueTicket"));
    s.waitFor(QStringLiteral("journey"));
    s.tap(QStringLiteral("queue.back"));
    s.waitFor(QStringLiteral("attract"));

    Scenario scenario;
    scenario.name = QStringLiteral("screens-%1-%2")
                        .arg(language, elderly ? QStringLiteral("elderly") : QStringLiteral("standard"));
    scenario.description = QStringLiteral("Every screen and state for review");
    scenario.steps = s.steps();
    return scenario;
}
