#pragma once

#include "Scenario.h"

#include <QString>
#include <QStringList>

// The screens for review (`onestop-kiosk --screens DIR`, `./kiosk run --screens`): a generated walk
// through every resident screen and its states (a refused code, a greyed catalog, the idle question,
// the form with its first text field focused and with errors, the materials captures, the receipt...),
// played by the ScenarioRunner, whose screenshots (one per screen change, one per "screenshot" step) are
// NN-name.png. One walk per language and display mode: DIR/<language>/<standard|elderly>/.
// The elderly mode is switched on as a resident does: the attract screen's button.
namespace ScreenTour {
Scenario scenario(const QString &language, bool elderly);
// Where a walk's screenshots go.
QString directory(const QString &root, const QString &language, bool elderly);
} // namespace ScreenTour
