#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <QUrl>

#include <memory>

class HttpServer;

// The local page of the `web` suite, served over loopback HTTP (platform-sim's HttpServer): a service form
// of the kind the platform serves (header, fields, a select, buttons, its own CSS). After
// DOMContentLoaded it waits for its first animation frame and the task after it (the frame has been
// produced and the page takes input), then fetches /beacon?run=ID and, once answered, sets its title to
// "interactive". The server notes when each run's beacon arrived, on the bench's clock.
// Thread: the thread it was made in; beacons are noted while that thread's event loop runs.
class WebBenchPage
{
public:
    explicit WebBenchPage(const QElapsedTimer &clock);
    ~WebBenchPage();

    bool listen(QString *error);
    QString origin() const; // http://127.0.0.1:PORT
    QUrl pageUrl(const QString &run) const;
    // When run's beacon arrived (clock nanoseconds), or -1 before it did.
    qint64 beaconNs(const QString &run) const { return m_beacons.value(run, -1); }
    int beaconCount() const { return m_beaconCount; }

private:
    const QElapsedTimer &m_clock;
    std::unique_ptr<HttpServer> m_server;
    QHash<QString, qint64> m_beacons;
    int m_beaconCount = 0;
};
