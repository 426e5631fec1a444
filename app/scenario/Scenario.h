#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

// A scripted journey (docs/scenarios.md). Each step is one action with its argument, plus options.
struct ScenarioStep
{
    QString action;      // place_card, remove_card, scan_code, tap, type, wait_for, advance_clock,
                         // set_device_state, network, expect_screen, expect_field, wait_sync, screenshot,
                         // focus_first_field (the first text field of the screen, as a resident's tap would),
                         // type_keys (typing by tapping the on-screen keyboard's keys and candidates)
    QJsonValue argument; // the value of the action key
    QJsonObject options; // the other keys (timeout_ms, note, ...)
    int index = 0;       // 0-based position in the file
};

struct Scenario
{
    QString name;
    QString description;
    QVector<ScenarioStep> steps;

    static const QStringList &actions();
    // Parses and checks a scenario file. On failure: empty steps and errors "FILE: /steps/3: message".
    static Scenario load(const QString &path, QStringList *errors);
};
