#pragma once

#include <QList>
#include <QString>

#include <memory>

// A umockdev testbed for the scanner tests (the test runs under umockdev-wrapper): hand-written device
// descriptions and the recorded-format fixtures of tests/fixtures/scanner/, loaded in-process so the
// unchanged driver code reads them through open()/poll()/read()/ioctl(). Keeps umockdev/glib types out of
// the tests (glib headers and Qt keywords do not mix). Methods: test (GUI) thread; the ioctl handler runs
// on umockdev's thread and only touches the mutex-guarded record.
class ScannerTestbed
{
public:
    ScannerTestbed();
    ~ScannerTestbed();

    // Empty when the process runs under umockdev, else why not.
    static QString notMockedReason();
    // tests/fixtures/scanner/<name> in the source tree.
    static QString fixture(const QString &name);

    bool addDevices(const QString &umockdevFile, QString *error);
    bool loadScript(const QString &devNode, const QString &scriptFile, QString *error);
    bool loadEvents(const QString &devNode, const QString &eventsFile, QString *error);
    // Answers EVIOCGRAB on devNode and records the value of each call; other ioctls fail ENOTTY.
    // grabErrno: 0 = the grab succeeds; EBUSY = another process holds it.
    bool attachEvdevIoctls(const QString &devNode, QString *error, int grabErrno = 0);
    QList<long> grabCalls() const; // EVIOCGRAB values in call order: 1 = grab, 0 = release

    // Unplug: a "remove" uevent and the sysfs device (and its node) gone.
    void removeDevice(const QString &sysPath);
    // The device end of an emulated stream node hangs up (umockdev's socket shut down, or its pty master
    // closed): the driver sees end of file / a hang-up, as a reader of an unplugged node sees ENODEV /
    // POLLHUP. False when devNode has no stream behind it.
    bool hangUp(const QString &devNode);

    struct Private; // public so that the C ioctl callback can reach it

private:
    std::unique_ptr<Private> d;
};
