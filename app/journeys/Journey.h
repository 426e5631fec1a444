#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

// One kind of visit besides applying for a service (issue 12): a queue ticket, an appointment check-in, a
// progress lookup. The session keeps identity, idle, wipe and language; a journey has its own controller
// and screens, and the session only starts it, shows its screen and resets it when the session ends.
//   id()        a short stable name ("queue"), what the screens ask the session to start
//   screenUrl() the journey's QML screen; the kiosk shell loads it while the journey is on screen
//   enter()     the session hands over to the journey, in the resident's language
//   reset()     the session ended (finished, idle timeout, cancelled): nothing of the visit survives it
//   handleCode() a code scanned while the journey is on screen (e.g. a booking's QR code)
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

signals:
    void finished();
};
