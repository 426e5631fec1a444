#pragma once

#include "HidSamTransport.h"
#include "SamWorker.h"

class QSocketNotifier;

// The hidraw node of a HidSamTransport, on the transport's worker thread. Private to the transport.
// Thread: every function runs on the worker thread (invoked through queued connections).
class HidSamWorker : public SamWorker
{
    Q_OBJECT

public:
    HidSamWorker(const QString &path, const HidSamTransport::Layout &layout);
    ~HidSamWorker() override; // closes the fd

    void open() override;
    void write(const QByteArray &frame) override;
    void discardInput() override { m_input.clear(); }

private:
    void readReady();
    void closeFd();

    QString m_path;
    HidSamTransport::Layout m_layout;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_input; // reports arrive whole from hidraw; buffered in case a node delivers a stream
};
