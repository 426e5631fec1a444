#pragma once

#include "IdCardData.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// A SAM module as a device model: command bytes in, response bytes out, exactly as a real one answers
// (GA/T 467 frames, see drivers/idcard/README.md). Used behind emulated transports in tests (in-memory,
// usbfs, tty, hidraw) and by the bench; it can back a simulator later. Pure C++/Qt Core, no I/O, no timers:
// not thread-safe, one owner.
//
// Card life cycle, as real readers behave:
//   no card            find -> 0x80, select -> 0x81, read -> 0x41
//   card placed        find -> 0x9F (found); select -> 0x90 + 8 bytes; read 30 01 / 30 03 / 30 10 after
//   select after a full read  the card is halted: find -> 0x80 until it leaves the field and comes back;
//   select
//                      -> 0x90 while it stays (how the reader tells "still there" from "gone"), 0x81 once
//                      gone. A select after a read re-selects the card, so a read can be retried.
// Reset (10 FF), status (11 FF) and SAM id (12 FF) always answer 0x90. A command with a bad checksum answers
// 0x10, an unknown command 0x21.
namespace Sam {

class SamModuleModel
{
public:
    // A fault injected on the next `times` commands `cmd para` (0xFF 0xFF: any command).
    struct Fault
    {
        enum class Kind {
            Sw3,         // answer `sw3` (no data) instead
            BadChecksum, // the real answer with its CHK byte flipped
            Truncate,    // only the first `keepBytes` of the real answer
            Silence,     // no answer at all (the host times out)
        };
        Kind kind = Kind::Sw3;
        quint8 cmd = 0xFF;
        quint8 para = 0xFF;
        quint8 sw3 = 0x41;
        int keepBytes = 7;
        int times = 1;
    };

    SamModuleModel();

    // The card in the field. photo: the 1024 WLT bytes (a fixed pattern when empty); fingerprint: 0, 512
    // or 1024 bytes for 30 10; appendedAddress: the 30 03 answer (none when empty).
    void placeCard(const IdCardData &card, const QByteArray &photo = {}, const QByteArray &fingerprint = {},
                   const QString &appendedAddress = {});
    void removeCard();
    bool hasCard() const { return m_card.has_value(); }

    void addFault(const Fault &fault) { m_faults.append(fault); }
    void injectSw3(quint8 cmd, quint8 para, quint8 sw3, int times = 1);
    void injectBadChecksum(quint8 cmd, quint8 para, int times = 1);
    void injectTruncation(quint8 cmd, quint8 para, int keepBytes, int times = 1);
    void injectSilence(quint8 cmd, quint8 para, int times = 1);
    void clearFaults() { m_faults.clear(); }

    // One complete command frame -> the response bytes (empty: silence). Garbage that is not a command
    // frame gets no answer, like a real module.
    QByteArray respond(const QByteArray &command);

    // Stream form (serial, bulk pipes): bytes as they arrive, in any chunks -> the answers they completed.
    QByteArray feed(const QByteArray &bytes);

    // What the model saw, for assertions: "20 01" per command, in order.
    QList<QByteArray> commandLog() const { return m_log; }
    int commandCount(quint8 cmd, quint8 para) const;
    void clearCommandLog() { m_log.clear(); }

    // The text block the model answers for the card (empty with an encoding error, see encodingError()).
    QByteArray textBlock() const { return m_text; }
    QString encodingError() const { return m_encodingError; }
    static QByteArray defaultPhoto();

private:
    QByteArray answer(quint8 cmd, quint8 para);
    std::optional<Fault> takeFault(quint8 cmd, quint8 para);

    struct Card
    {
        QByteArray photo;
        QByteArray fingerprint;
        QString appendedAddress;
    };
    std::optional<Card> m_card;
    QByteArray m_text;
    QString m_encodingError;
    bool m_selected = false;
    bool m_halted = false; // read done; find fails until the card leaves
    QList<Fault> m_faults;
    QList<QByteArray> m_log;
    QByteArray m_input;
};

} // namespace Sam
