#pragma once

#include "UsbDeviceModel.h"

#include <QByteArray>
#include <QMutex>

// A USB receipt printer for tests, behind the usbemu emulator: records the bytes that reach the paper and
// answers DLE EOT 1..4 (sent alone in one OUT transfer, as UsbReceiptPrinter does) from a scripted state.
// Thread-safe: the emulator calls it on umockdev's worker thread, the test on its own.
class PrinterUsbModel : public UsbDeviceModel
{
public:
    enum class State { Ready, PaperNearEnd, PaperOut, CoverOpen, Offline };

    void bulkOut(quint8 endpoint, const QByteArray &data) override;
    QByteArray bulkIn(quint8 endpoint, int maxLength) override;

    void setState(State state);
    // After this many more job bytes the paper runs out: the rest of the job is lost, the state PaperOut.
    void setPaperOutAfter(int bytes);
    // Status requests get no answer (a wedged printer; the test then unplugs it).
    void setSilent(bool silent);
    // Silent from the first job byte on.
    void setSilentAfterJobData(bool on);

    QByteArray paper() const;     // job bytes that were printed
    int jobBytesReceived() const; // printed or not
    int statusRequests() const;

    static QByteArray answersFor(State state);

private:
    mutable QMutex m_mutex;
    State m_state = State::Ready;
    int m_paperOutAfter = -1;
    bool m_silent = false;
    bool m_silentAfterJobData = false;
    QByteArray m_answers;
    QByteArray m_paper;
    int m_jobBytes = 0;
    int m_statusRequests = 0;
};
