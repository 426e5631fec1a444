#pragma once

#include "IdCardData.h"

#include <QObject>
#include <QString>
#include <QUrl>

// The resident as the session identified them (card on the reader, personal identity code, or typed details
// confirmed by staff). Personal: a journey keeps it only until reset().
struct JourneyResident
{
    IdCardData card;  // the number is normalized (IdNumber::checkAny)
    QString method;   // "card" | "personal_code" | "staff_confirmed"
};

// One kind of visit besides applying for a service (issue 12): a queue ticket, an appointment check-in, a
// progress lookup. The session keeps identity, idle, wipe and language; a journey has its own controller
// and screens, and the session only starts it, shows its screen and resets it when the session ends.
//   id()        a short stable name ("queue"), what the screens ask the session to start
//   screenUrl() the journey's QML screen; the kiosk shell loads it while the journey is on screen
//   enter()     the session hands over to the journey, in the resident's language
//   reset()     the session ended (finished, idle timeout, cancelled): nothing of the visit survives it
//   handleCode() a code scanned while the journey is on screen (e.g. a booking's QR code)
//   acceptsResident() / residentIdentified(): a journey for an identified resident (a progress lookup by
//               card, a certificate, an appointment found by card). While it is on screen the session takes
//               a card on the reader or a personal identity code as the resident's identity (with every
//               check of the identify screen), keeps it for the session's wipe, and hands it over; a
//               resident identified before the journey started is handed over right after enter().
//   takesService() a catalog service this journey carries out instead of guide and form (a certificate
//               service): choosing it on the catalog starts the journey, which remembers the service id
//               until reset()
//   finished()  the journey is done: the session ends ("finished")
// Thread: GUI.
class Journey : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Journey() override;

    virtual QString id() const = 0;
    virtual QUrl screenUrl() const = 0;
    virtual void enter(const QString &language) = 0;
    virtual void reset() = 0;
    // A code scanned while the journey is on screen; false = not the journey's (the session says so).
    virtual bool handleCode(const QString &text)
    {
        Q_UNUSED(text)
        return false;
    }
    virtual bool acceptsResident() const { return false; }
    virtual void residentIdentified(const JourneyResident &resident) { Q_UNUSED(resident) }
    virtual bool takesService(const QString &serviceId)
    {
        Q_UNUSED(serviceId)
        return false;
    }

signals:
    void finished();
};
