#pragma once

#include "IdCardReader.h"

#include <QTimer>

#include <optional>

// A reader without hardware, behind the same interface as the real ones. Tests, the developer panel and
// scenarios put a card "in the field"; the reader then behaves like a real one that polls find-card:
// it sees the card, reads it for readDelay(), and reports it once (cardRead) or says why it could not
// (errorOccurred("read card", ...)). When it stops seeing a card it had seen (card taken away, reader
// unplugged or stopped) it emits cardRemoved, exactly once per card seen.
// A card placed while the reader is unplugged or stopped lies in the field unseen and is read when the
// reader comes back.
// Thread: GUI thread only. The read delay is a QTimer; nothing blocks and no signal is emitted from inside
// start() or a knob before the reader has reached a consistent state.
class SimulatedIdCardReader : public IdCardReader
{
    Q_OBJECT

public:
    static constexpr int defaultReadDelayMs = 300;

    explicit SimulatedIdCardReader(const QString &name = QStringLiteral("simulated-idcard"),
                                   QObject *parent = nullptr);

    bool isSimulated() const override { return true; }
    bool isCardPresent() const override { return m_cardSeen; }
    void start() override;
    void stop() override;

    // Knobs (GUI thread).
    // Puts a card in the field; a card already there is taken away first.
    void placeCard(const IdCardData &card);
    // Takes the card out of the field and forgets its data.
    void removeCard();
    bool hasCardInField() const { return m_cardInField.has_value(); }
    void setPlugged(bool plugged);
    bool isPlugged() const { return m_plugged; }
    // The next read fails with this reason (one read only). An empty reason cancels the knob.
    void setReadFails(const QString &reason);
    // How long a read takes, in ms; 0 reads on the next event loop turn. Negative values count as 0.
    void setReadDelay(int ms);
    int readDelay() const { return m_readDelayMs; }

private:
    bool cardVisible() const;
    bool isReading() const { return m_readTimer.isActive(); }
    // Brings presence, reading and state in line with the knobs. lossDetail: the error reported when a
    // read in progress is cut short (empty: cut short on purpose, no error).
    void update(const QString &lossDetail);
    void applyState();
    void finishRead();

    QTimer m_readTimer;
    std::optional<IdCardData> m_cardInField;
    bool m_cardSeen = false;
    quint64 m_cardSerial = 0; // counts cards seen, so a stale read result is never emitted
    bool m_started = false;
    bool m_plugged = true;
    QString m_stoppedReason = QStringLiteral("not started");
    QString m_nextReadFailure;
    int m_readDelayMs = defaultReadDelayMs;
};
