#pragma once

#include "IdCardData.h"

#include <QJsonObject>

// The card of a place_card step, as the reader would report it. Deliberately lenient: a scenario may
// place a forged or damaged card to see the kiosk refuse it, so nothing is validated here beyond shape.
// Keys as in residents.json: name, sex (male|female|unknown|unspecified), ethnicity, birth (YYYY-MM-DD),
// address, id_number, issuer, valid_from, valid_to (YYYY-MM-DD or "long-term"); for foreigner cards
// english_name and nationality; card_type (resident | hk_mo_tw_permit | foreign_2017 | foreign_2023), which
// defaults to the type the number's shape implies.
IdCardData scenarioCard(const QJsonObject &object);
