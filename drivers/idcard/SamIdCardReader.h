#pragma once

#include "IdCardReader.h"

#include <QTimer>

#include <memory>

class SamTransport;
class WltPhotoDecoder;
namespace Sam {
struct SamResponse;
}

// A real ID card reader: the SAM protocol state machine over any SamTransport (serial, bulk USB, HID, in
// memory). The states and every transition are in SamIdCardReader.cpp:
//
//   Stopped -start-> Opening -opened-> Resetting -> CheckingStatus -> Idle
//   Idle -poll timer-> Finding -0x9F-> Selecting -0x90-> ReadingText [-> ReadingAddress] -> emit cardRead
//        -> Holding; Finding -0x80-> Idle
//   Holding -poll timer-> CheckingFind -0x80-> CheckingSelect -0x90 (same card still there)-> Holding
//                                                             -0x81 (gone)-> emit cardRemoved -> Idle
//                         CheckingFind -0x9F (a card that was not read: a failed read still in the field)->
//                         Holding
//   A failed select/read is retried (select again) up to maxTries; then errorOccurred("read card",
//   "select card: SW3=0x81 (select card failed) after 3 tries") and Holding until the card leaves.
//   Transport closed (unplug, I/O error) in any state -> Unavailable with the reason; a card being read
//   fails with "read card: reader unplugged"; a seen card is reported removed; the reader reopens on its
//   own every reopenIntervalMs.  stop() cancels the exchange, closes the transport; cleanup always runs.
//
// Removal detection: after a full read the SAM answers find with 0x80 while the same card stays in the
// field (it must leave before it can be found again), so "still there" is asked with select card (0x90 =
// still there, 0x81 = gone). Confirmed with the SamModuleModel; see README for what is unverified.
//
// Thread: GUI thread. Nothing blocks; the transport does its I/O on its own worker.
class SamIdCardReader : public IdCardReader
{
    Q_OBJECT

public:
    struct Options
    {
        int pollIntervalMs = 400;            // find card while idle / presence check while a card is held
        int exchangeTimeoutMs = 1000;        // reset, status, find, select, appended address
        int readTimeoutMs = 3000;            // read text + photo (1295 bytes: 112 ms at 115200 baud)
        int maxTries = 3;                    // a select + read sequence, and reset/status at open
        int reopenIntervalMs = 2000;         // after the transport closed (unplugged), 0 = never
        bool resetOnOpen = true;             // 10 FF then 11 FF after opening
        bool readAppendedAddress = false;    // 30 03 after 30 01
        int pollErrorsBeforeUnavailable = 3; // consecutive failed polls that make the reader Unavailable
    };

    enum class State {
        Stopped,
        Opening,
        Resetting,
        CheckingStatus,
        Idle,
        Finding,
        Selecting,
        ReadingText,
        ReadingAddress,
        Holding,
        CheckingFind,
        CheckingSelect,
        Unavailable,
    };
    Q_ENUM(State)

    // The reader takes ownership of the transport (re-parented). photoDecoder may be null (no photos).
    SamIdCardReader(const QString &name, SamTransport *transport, const Options &options,
                    std::shared_ptr<const WltPhotoDecoder> photoDecoder = {}, QObject *parent = nullptr);
    SamIdCardReader(const QString &name, SamTransport *transport, QObject *parent = nullptr);
    ~SamIdCardReader() override;

    bool isSimulated() const override { return false; }
    bool isCardPresent() const override { return m_cardPresent; }
    void start() override;
    void stop() override;

    State state() const { return m_state; }
    static QString stateName(State state);
    SamTransport *transport() const { return m_transport; }

signals:
    void protocolStateChanged(SamIdCardReader::State state); // for tests and diagnostics

private:
    void enter(State state);
    void send(const QByteArray &command, int timeoutMs);
    void onOpened();
    void onClosed(const QString &reason);
    void onResponse(const Sam::SamResponse &response);
    void onExchangeFailed(const QString &detail);
    void onPollTimer();
    // A step failed with `detail` ("SW3=0x81 (select card failed)", "no answer within 1000 ms").
    void stepFailed(const QString &detail);
    void beginRead();
    void finishRead();
    void pollSucceeded();
    void pollFailed(const QString &what);
    void setPresent(bool present);
    void cardLeft();
    QString stepName(State state) const;
    void schedulePoll();

    SamTransport *m_transport;
    Options m_options;
    std::shared_ptr<const WltPhotoDecoder> m_photoDecoder;
    QTimer m_pollTimer;
    QTimer m_reopenTimer;
    State m_state = State::Stopped;
    bool m_started = false;
    bool m_cardPresent = false;
    bool m_cardWasRead = false; // the held card was read (halted) rather than failed
    int m_tries = 0;
    int m_pollErrors = 0;
    struct Pending;
    std::unique_ptr<Pending> m_pending; // the card being read: personal data, wiped when done
};
