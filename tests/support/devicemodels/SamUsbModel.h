#pragma once

#include "UsbDeviceModel.h"
#include "sam/SamModuleModel.h"

#include <QMutex>

// A bulk-USB SAM reader for the usbfs emulator: a Sam::SamModuleModel behind one OUT/IN pair, or behind
// the split pipes (preamble+LEN on OUT 0x02 / IN 0x81, the rest on OUT 0x06 / IN 0x85).
// Thread: bulkOut/bulkIn run on umockdev's worker thread; withModel() and hold() on the test thread.
// Every access goes through the mutex.
class SamUsbModel : public UsbDeviceModel
{
public:
    explicit SamUsbModel(bool splitPipes) : m_split(splitPipes) {}

    void bulkOut(quint8 endpoint, const QByteArray &data) override;
    QByteArray bulkIn(quint8 endpoint, int maxLength) override;

    // Runs f on the SAM model under the lock (place/remove a card, inject faults, read the log).
    template <typename F> auto withModel(F f)
    {
        QMutexLocker lock(&m_mutex);
        return f(m_model);
    }
    // While held, answers are kept back (IN stays pending): a read can be caught in flight.
    void hold(bool held);
    // From the next command `cmd para` on, hold (as hold(true)): catches that command's answer in flight.
    void holdFrom(quint8 cmd, quint8 para);
    int inReads() const;

private:
    mutable QMutex m_mutex;
    Sam::SamModuleModel m_model;
    bool m_split;
    bool m_held = false;
    int m_holdFrom = -1;     // (cmd << 8) | para
    QByteArray m_header;     // split: the command's preamble+LEN, waiting for the rest on 0x06
    QByteArray m_answerHead; // split: IN 0x81; single: everything
    QByteArray m_answerBody; // split: IN 0x85
    int m_inReads = 0;
};
