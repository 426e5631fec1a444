#pragma once

#include "ThreadedSamTransport.h"

// SAM frames tunnelled in HID reports over /dev/hidrawN ("driverless" readers).
//
// UNVERIFIED: there is no public specification of how HID readers carry the frames, and this layout has
// not been checked against a real reader. It is configurable so a technician can match a device (see
// README.md and docs/recording-devices.md to record one):
//   a report (as the device sees it) is `reportSize` bytes after the optional report id:
//     [report id, when reportId != 0] [n = frame bytes in this report, 1..reportSize-1] [n frame bytes] [zero
//     pad]
//   a frame longer than reportSize-1 bytes spans several reports, in order, in both directions.
//   write(): the report id byte is always sent first (0 for a device without numbered reports, the hidraw
//   convention); read(): it comes first only with numbered reports.
// I/O is plain read()/write() on the hidraw node, on a HidSamWorker in its own QThread (a socket notifier
// wakes it; ThreadedSamTransport: queued calls both ways, bounded join).
// Thread: GUI thread (the worker runs on its own thread).
class HidSamTransport : public ThreadedSamTransport
{
    Q_OBJECT

public:
    struct Layout
    {
        quint8 reportId = 0; // 0 = the device has no numbered reports
        int reportSize = 64; // bytes per report, without the report id
    };

    HidSamTransport(const QString &devicePath, const Layout &layout, QObject *parent = nullptr);
    explicit HidSamTransport(const QString &devicePath, QObject *parent = nullptr);

    QString description() const override;

    // The reports a frame becomes on write (for tests and fixture generators).
    static QList<QByteArray> writeReports(const QByteArray &frame, const Layout &layout);

protected:
    SamWorker *createWorker() const override;

private:
    QString m_path;
    Layout m_layout;
};
