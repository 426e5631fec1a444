#pragma once

#include "Journey.h"

#include <QDateTime>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

class QueueClient;
class ReceiptPrinter;

// The appointment check-in journey (预约签到, issue 12): the resident shows the QR code of their booking
// (or types its code); the platform finds today's appointment at this center, checks it in and issues its
// queue ticket, which is printed on the receipt printer (the queue-ticket slip) and shown with its QR.
// Each refusal has its own message: early (with the time check-in opens), late, another center, already
// checked in (with the number given then), unknown code; offline, check-in is not possible (the platform
// holds the bookings) and the resident is sent to the counter. Nothing personal is involved: the code is
// the booking's, not the resident's identity.
// States (an enum: QML compares no strings): EnterCode -> Checking -> CheckedIn | Refused | Failed.
// reset() (the session's end) forgets the code and the ticket and cancels a slip not yet on paper.
// Thread: GUI.
class AppointmentCheckInController : public Journey
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AppointmentCheckInController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(Refusal refusal READ refusal NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString ticketNumber READ ticketNumber NOTIFY changed)
    Q_PROPERTY(QString serviceName READ serviceName NOTIFY changed)
    Q_PROPERTY(int waiting READ waiting NOTIFY changed)
    Q_PROPERTY(QString slotText READ slotText NOTIFY changed)
    Q_PROPERTY(QString qrText READ qrText NOTIFY changed)
    Q_PROPERTY(bool printed READ printed NOTIFY changed)

public:
    enum class State { EnterCode, Checking, CheckedIn, Refused, Failed };
    Q_ENUM(State)
    enum class Refusal { None, NotFound, WrongCenter, TooEarly, TooLate, AlreadyUsed, InvalidCode };
    Q_ENUM(Refusal)

    struct Settings
    {
        QString centerId;
        QString centerNameZh;
        QString centerNameEn;
    };

    AppointmentCheckInController(const Settings &settings, QueueClient &client, ReceiptPrinter &printer,
                                 QObject *parent = nullptr);

    // Journey
    QString id() const override { return QStringLiteral("appointment"); }
    QUrl screenUrl() const override;
    void enter(const QString &language) override;
    void reset() override;
    bool handleCode(const QString &text) override; // a booking's QR code: checked in at once

    State state() const { return m_state; }
    Refusal refusal() const { return m_refusal; }
    QString message() const { return m_message; }
    QString ticketNumber() const { return m_ticketNumber; }
    QString serviceName() const { return m_serviceName; }
    int waiting() const { return m_waiting; }
    QString slotText() const { return m_slotText; }
    QString qrText() const { return m_qrText; }
    bool printed() const { return m_printed; }

    // A booking code, typed or scanned: "A20261203-0815", or the booking QR's URL that carries it
    // (https://zwdt.sh.gov.cn/appointment?code=...).
    Q_INVOKABLE void submitCode(const QString &code);
    Q_INVOKABLE void tryAgain(); // Refused | Failed -> EnterCode
    Q_INVOKABLE void finish();
    void setNetworkAvailable(bool available) { m_networkAvailable = available; }
    // The code carried by a scanned or typed text; empty when there is none.
    static QString codeFrom(const QString &text);

signals:
    void changed();

private:
    void onAnswer(int serial, const QJsonObject &body, int status, bool reached);
    void refuse(Refusal refusal, const QString &message);
    void print();
    QString localTime(const QString &iso) const;

    Settings m_settings;
    QueueClient &m_client;
    ReceiptPrinter &m_printer;
    QString m_language = QStringLiteral("zh_CN");
    bool m_networkAvailable = true;
    int m_serial = 0;
    State m_state = State::EnterCode;
    Refusal m_refusal = Refusal::None;
    QString m_message;
    QString m_ticketNumber;
    QString m_serviceName;
    int m_waiting = -1;
    QString m_slotText;
    QString m_qrText;
    QString m_jobId;
    bool m_printed = false;
};
