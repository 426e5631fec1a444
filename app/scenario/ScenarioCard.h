#pragma once

#include "IdCardData.h"

#include <QJsonObject>

// The card of a place_card step, as the reader would report it. Deliberately lenient: a scenario may
// place a forged or damaged card to see the kiosk refuse it, so nothing is validated here beyond shape.
// Keys as in residents.json: name, sex (male|female|unknown|unspecified), ethnicity, birth (YYYY-MM-DD),
// address, id_number, issuer, valid_from, valid_to (YYYY-MM-DD or "long-term").
IdCardData scenarioCard(const QJsonObject &object);
