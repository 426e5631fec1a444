#include "Scenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

const QStringList &Scenario::actions()
{
    static const QStringList names{QStringLiteral("place_card"),
                                   QStringLiteral("remove_card"),
                                   QStringLiteral("scan_code"),
                                   QStringLiteral("tap"),
                                   QStringLiteral("type"),
                                   QStringLiteral("wait_for"),
                                   QStringLiteral("advance_clock"),
                                   QStringLiteral("set_device_state"),
                                   QStringLiteral("network"),
                                   QStringLiteral("expect_screen"),
                                   QStringLiteral("expect_field"),
                                   QStringLiteral("wait_sync"),
                                   QStringLiteral("wait_receipt"),
                                   QStringLiteral("expect_notice"),
                                   QStringLiteral("screenshot"),
                                   QStringLiteral("scan_token"),
                                   QStringLiteral("focus_first_field"),
                                   QStringLiteral("wait_device"),
                                   QStringLiteral("type_keys"),
                                   QStringLiteral("tap_web"),
                                   QStringLiteral("expect_web")};
    return names;
}

static const QStringList &optionKeys()
{
    static const QStringList keys{QStringLiteral("timeout_ms"), QStringLiteral("note")};
    return keys;
}

Scenario Scenario::load(const QString &path, QStringList *errors)
{
    Scenario scenario;
    auto fail = [&](const QString &place, const QString &message) {
        errors->append(QStringLiteral("%1: %2: %3").arg(path, place, message));
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("/"), file.errorString());
        return scenario;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(QStringLiteral("offset %1").arg(parseError.offset), parseError.errorString());
        return scenario;
    }
    if (!doc.isObject()) {
        fail(QStringLiteral("/"), QStringLiteral("a scenario is a JSON object"));
        return scenario;
    }
    const QJsonObject root = doc.object();
    scenario.name = root.value(QStringLiteral("name")).toString();
    scenario.description = root.value(QStringLiteral("description")).toString();
    if (scenario.name.isEmpty())
        fail(QStringLiteral("/name"), QStringLiteral("missing or not a string"));
    const QJsonValue stepsValue = root.value(QStringLiteral("steps"));
    if (!stepsValue.isArray() || stepsValue.toArray().isEmpty()) {
        fail(QStringLiteral("/steps"), QStringLiteral("missing, not an array, or empty"));
        return scenario;
    }
    const QJsonArray steps = stepsValue.toArray();
    QVector<ScenarioStep> parsed;
    for (int i = 0; i < steps.size(); ++i) {
        const QString place = QStringLiteral("/steps/%1").arg(i);
        if (!steps.at(i).isObject()) {
            fail(place, QStringLiteral("a step is a JSON object"));
            continue;
        }
        const QJsonObject object = steps.at(i).toObject();
        ScenarioStep step;
        step.index = i;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (actions().contains(it.key())) {
                if (!step.action.isEmpty())
                    fail(place,
                         QStringLiteral("two actions in one step: %1 and %2").arg(step.action, it.key()));
                step.action = it.key();
                step.argument = it.value();
            } else if (optionKeys().contains(it.key())) {
                step.options.insert(it.key(), it.value());
            } else {
                fail(place + QLatin1Char('/') + it.key(),
                     QStringLiteral("unknown key (actions: %1)").arg(actions().join(QStringLiteral(", "))));
            }
        }
        if (step.action.isEmpty())
            fail(place, QStringLiteral("no action"));
        parsed.append(step);
    }
    if (errors->isEmpty())
        scenario.steps = parsed;
    return scenario;
}
