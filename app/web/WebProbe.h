#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

// `onestop-kiosk --web-probe URL --web-allow ORIGIN[,ORIGIN...] --seconds N --report FILE`: opens URL in
// exactly the resident's web view (qml/Web/LockedWebView.qml with a WebSessionController: the same
// off-the-record profile, request interceptor, policy and handlers), clicks every element that carries a
// `data-probe` attribute one after another (real mouse clicks, so pages get user gestures), waits N
// seconds and writes a JSON report:
//   {"url", "allowed_origins", "sandbox", "final_url", "alive", "blocked_requests", "events": [{"kind",
//    "detail", "blocked"}]}
// alive: the page still answered a script at the end. http origins are allowed only on loopback.
// Thread: GUI; needs the application object (made after QtWebEngineQuick::initialize()).
namespace WebProbe {

struct Options
{
    QUrl url;
    QStringList allow; // origins as given
    int seconds = 5;
    QString reportFile;
};

// 0 whatever the page did; 2 when the view could not start (or the options are unusable), with the
// reason on stderr.
int run(const Options &options);

} // namespace WebProbe
