#pragma once

#include <QImage>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <functional>

// One consumer's slot for the newest frame. The producer offers every frame; the consumer takes the newest
// when it is free. A frame not taken before the next one arrives is dropped (and counted), never queued,
// so a slow consumer always works on the latest picture and never falls behind.
// Thread: offer() on the producer's thread, take()/waitForFrame() on the consumer's; all members are
// thread-safe. QImage is implicitly shared: offering the same frame to several boxes copies no pixels.
class FrameMailbox
{
public:
    explicit FrameMailbox(const QString &name);

    QString name() const { return m_name; }

    // Producer. When the box was empty, calls the wake-up function (on the producer's thread, no lock
    // held) so that an idle consumer can be told; while a frame waits, no further wake-ups are sent.
    void offer(const QImage &frame, quint64 sequence);
    void setWakeUp(std::function<void()> wakeUp);

    // Consumer: the newest frame since the last take; false (and *frame untouched) when none.
    bool take(QImage *frame, quint64 *sequence = nullptr);
    // Consumer on its own thread: waits until a frame is there (or timeoutMs, or interrupt()).
    bool waitForFrame(int timeoutMs);
    void interrupt();

    quint64 offered() const;
    quint64 delivered() const; // taken by the consumer
    quint64 dropped() const;   // replaced before the consumer took them

private:
    const QString m_name;
    mutable QMutex m_mutex;
    QWaitCondition m_arrived;
    QImage m_frame;
    quint64 m_sequence = 0;
    bool m_full = false;
    bool m_interrupted = false;
    quint64 m_offered = 0, m_delivered = 0, m_dropped = 0;
    std::function<void()> m_wakeUp;
};
