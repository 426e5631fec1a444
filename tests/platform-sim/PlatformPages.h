#pragma once

#include "HttpMessage.h"

#include <QDateTime>
#include <functional>

class PlatformStore;

// The platform's own web pages (docs/platform-api.md, "Web pages"), which the kiosk opens in its
// locked-down web view as the catalog's web service "appointment-booking" (docs/web-services.md). Served by
// platform-sim on a second, plain-HTTP loopback port (--pages-port) so that the demo and the tests can show
// them in a view that loads https, or http to loopback only:
//   GET  /pages/booking?center=<id>   the booking form (name, mobile number, day, time slot, counter service)
//   POST /pages/booking               the form sent (application/x-www-form-urlencoded): the booking is made
//                                     (an appointment of PlatformStore, checked in later at a kiosk with its
//                                     code) and its code shown; a wrong entry shows the form again with what
//                                     to correct (400)
// The page is bilingual (Chinese first), uses a date input and a select (which the kiosk's view turns into a
// typed field and an in-page list) and keeps nothing personal: the name and number are checked, never
// stored. Thread: the server's.
class PlatformPages
{
public:
    using Now = std::function<QDateTime()>;
    explicit PlatformPages(
        PlatformStore &store, Now now = [] { return QDateTime::currentDateTime(); });

    HttpResponse handle(const HttpRequest &request);

private:
    HttpResponse form(const QString &centerId, const QString &message, int status);
    HttpResponse book(const HttpRequest &request);

    PlatformStore &m_store;
    Now m_now;
};
