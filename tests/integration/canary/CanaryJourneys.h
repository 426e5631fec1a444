#pragma once

// The canary test's residents and journeys: every personal value a unique canary (per run), and the
// scenarios that carry them through the real kiosk. Journeys (docs/scenarios.md for the steps):
//   J1 finished    zh, residence permit: card, typed Chinese address, Latin employer, phone, a page
//                  photographed through the camera; receipt printed, case synced, rated.
//   J2 mid-form    en, pension claim: card, bank account and phone typed, then "End" on the form.
//   J3 paper out   zh, temporary assistance: card, Chinese + Latin free text, phone; the paper runs out
//                  during the receipt, which is still held when the session ends; then paper is back.
//   J5 english     en, household certificate: card, Latin receiving institution, phone; printed, synced
//                  (after J3's paper came back: a held receipt, if not cancelled, would print first).
//   J6 code        zh, pension transfer: identified by a personal code (the platform's signed token
//                  carries the name and ID number), a Chinese + Latin region typed; printed, synced.
//   J7 no card     en, housing certificate: passport number and a letters-only name typed, confirmed by
//                  the staff PIN; a Chinese + Latin purpose; printed, synced.
//   J4 platform    zh, elderly allowance (second kiosk run, platform stopped): card, agent name, phone;
//      down        receipt printed, case and rating left pending in the encrypted store.
//   J8 idle        zh, funeral grant (second run): deceased's name and relation typed, then the resident
//                  walks away; the idle warning goes unanswered and the session ends by itself.
//   J9 card taken  en, child medical insurance (second run): child's name typed, then the card is taken
//                  off the reader; the question goes unanswered and the session ends.
// After each journey's session has ended the scenario sets the paper to "ok": the emulated hall logs the
// paper's length at each request, which is where the test cuts "printed after the session ended".

#include "CanaryForms.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

struct CanaryResident
{
    QString key;                  // J1 ... J9
    QString name;                 // on the card
    QString address;              // on the card (J6, J7: none)
    QString idNumber;             // GB 11643, valid check character, unique per run (J7: a passport number)
    QString birth;                // YYYY-MM-DD, on the card
    QMap<QString, QString> typed; // form field id -> text typed by the resident
    QStringList cores;            // the Latin cores of its canaries (found alone, in any encoding)

    QString maskedId() const; // as the receipt shows it (IdNumber::mask)
    QJsonObject card() const; // a place_card argument
    QList<CanaryNeedle> needles() const;
};

class CanaryJourneys
{
public:
    explicit CanaryJourneys(quint64 seed); // the same seed gives the same canaries

    // J1 ... J9
    const CanaryResident &resident(const QString &key) const { return *m_residents.constFind(key); }
    // Every canary of every journey, in every form.
    QList<CanaryNeedle> allNeedles() const;
    // The first run (J1, J2, J3, J5, J6, J7) and the second (J4, J8, J9; platform down), as scenario files.
    QJsonObject firstRun() const;
    QJsonObject secondRun() const;
    // The order of the journeys' end markers ("paper ok" requests) over both runs.
    static QStringList endOrder()
    {
        return {QStringLiteral("J1"), QStringLiteral("J2"), QStringLiteral("J3"),
                QStringLiteral("J5"), QStringLiteral("J6"), QStringLiteral("J7"),
                QStringLiteral("J4"), QStringLiteral("J8"), QStringLiteral("J9")};
    }

    static QChar checkCharacter(const QString &first17); // GB 11643-1999

private:
    QMap<QString, CanaryResident> m_residents;
};
