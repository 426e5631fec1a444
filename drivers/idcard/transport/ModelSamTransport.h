#pragma once

#include "SamTransport.h"
#include "sam/SamModuleModel.h"

// A transport whose far end is a Sam::SamModuleModel in memory: no device, no thread. Answers arrive on a
// later event loop turn (after responseDelay()), in chunks of chunkSize() bytes, like a USB reader's 64-byte
// packets. For unit tests, the bench and simulators. Thread: GUI thread only.
class ModelSamTransport : public SamTransport
{
    Q_OBJECT

public:
    explicit ModelSamTransport(QObject *parent = nullptr);

    Sam::SamModuleModel &model() { return m_model; }

    QString description() const override { return QStringLiteral("in-memory SAM model"); }
    void open() override;

    // Knobs.
    void setResponseDelay(int ms) { m_delayMs = ms < 0 ? 0 : ms; }
    void setChunkSize(int bytes) { m_chunkSize = bytes < 1 ? 1 : bytes; }
    // Unplugged: open fails and an open transport closes with "unplugged".
    void setPlugged(bool plugged);
    int framesSent() const { return m_framesSent; }

protected:
    void sendFrame(const QByteArray &frame) override;
    void abortPending() override { ++m_generation; }
    void closeDevice() override { ++m_generation; }

private:
    Sam::SamModuleModel m_model;
    int m_delayMs = 0;
    int m_chunkSize = 64;
    bool m_plugged = true;
    int m_framesSent = 0;
    quint64 m_generation = 0; // answers of a cancelled exchange are dropped
};
