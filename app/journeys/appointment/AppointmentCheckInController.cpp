#include "AppointmentCheckInController.h"

#include "QueueClient.h"
#include "ReceiptPrinter.h"
#include "TicketSlip.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcAppointment, "onestop.appointment")

AppointmentCheckInController::AppointmentCheckInController(const Settings &settings, QueueClient &client,
                                                           ReceiptPrinter &printer, QObject *parent)
    : Journey(parent), m_settings(settings), m_client(client), m_printer(printer)
{
    connect(&m_printer, &ReceiptPrinter::jobCompleted, this, [this](const QString &jobId) {
        if (jobId == m_jobId && !m_jobId.isEmpty()) {
            m_printed = true;
            emit changed();
        }
    });
}

QUrl AppointmentCheckInController::screenUrl() const
{
    return QUrl(QStringLiteral("qrc:/qt/qml/OneStop/Journeys/AppointmentCheckInScreen.qml"));
}

void AppointmentCheckInController::enter(const QString &language)
{
    reset();
    m_language = language;
}

void AppointmentCheckInController::reset()
{
    ++m_serial;
    if (!m_jobId.isEmpty() && !m_printed)
        m_printer.cancel(m_jobId);
    m_jobId.clear();
    m_state = State::EnterCode;
    m_refusal = Refusal::None;
    m_message.clear();
    m_ticketNumber.clear();
    m_serviceName.clear();
    m_waiting = -1;
    m_slotText.clear();
    m_qrText.clear();
    m_printed = false;
    emit changed();
}

QString AppointmentCheckInController::codeFrom(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9-]{4,64}$"));
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed);
    if (url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))) {
        const QString code = QUrlQuery(url).queryItemValue(QStringLiteral("code"));
        return pattern.match(code).hasMatch() ? code : QString();
    }
    return pattern.match(trimmed).hasMatch() ? trimmed.toUpper() : QString();
}

void AppointmentCheckInController::submitCode(const QString &text)
{
    if (m_state != State::EnterCode)
        return;
    const QString code = codeFrom(text);
    if (code.isEmpty()) {
        refuse(Refusal::InvalidCode,
               tr("This is not an appointment code. Please check the code on your booking "
                  "confirmation."));
        return;
    }
    if (!m_networkAvailable) {
        m_state = State::Failed;
        m_message =
            tr("Appointments cannot be checked in at this kiosk right now. Please go to the counter.");
        emit changed();
        return;
    }
    m_state = State::Checking;
    emit changed();
    const int serial = ++m_serial;
    m_client.checkInAppointment(
        code, QUuid::createUuid().toString(QUuid::WithoutBraces),
        [this, serial](const QueueClient::Answer &a) { onAnswer(serial, a.body, a.status, a.reached); });
}

QString AppointmentCheckInController::localTime(const QString &iso) const
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

void AppointmentCheckInController::onAnswer(int serial, const QJsonObject &body, int status, bool reached)
{
    if (serial != m_serial || m_state != State::Checking)
        return; // the session ended meanwhile
    const QString error = body.value(QStringLiteral("error")).toString();
    const QString slot =
        QStringLiteral("%1–%2").arg(localTime(body.value(QStringLiteral("slot_start")).toString()),
                                    localTime(body.value(QStringLiteral("slot_end")).toString()));
    if (reached && (status == 200 || status == 201) &&
        !body.value(QStringLiteral("ticket_number")).toString().isEmpty()) {
        const QJsonObject name = body.value(QStringLiteral("name")).toObject();
        m_state = State::CheckedIn;
        m_ticketNumber = body.value(QStringLiteral("ticket_number")).toString();
        m_serviceName = name.value(m_language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh")
                                                                              : QStringLiteral("en"))
                            .toString();
        m_waiting = body.value(QStringLiteral("waiting")).toInt(-1);
        m_slotText = slot;
        m_qrText =
            QStringLiteral("OSQ1:%1:%2:%3")
                .arg(m_settings.centerId,
                     body.value(QStringLiteral("day")).toString().remove(QLatin1Char('-')), m_ticketNumber);
        qCInfo(lcAppointment).noquote() << "checked in:" << m_ticketNumber;
        emit changed();
        print();
        return;
    }
    if (reached && status == 404 && error == QLatin1String("appointment_not_found"))
        return refuse(Refusal::NotFound,
                      tr("No appointment was found for this code. Please check the code, or ask the staff."));
    if (reached && status == 409 && error == QLatin1String("wrong_center"))
        return refuse(Refusal::WrongCenter,
                      tr("This appointment is at another service center. Please go to the center "
                         "named on your booking."));
    if (reached && status == 409 && error == QLatin1String("too_early"))
        return refuse(Refusal::TooEarly,
                      tr("You are early: your appointment is at %1. Check-in opens at %2.")
                          .arg(slot, localTime(body.value(QStringLiteral("opens_at")).toString())));
    if (reached && status == 409 && error == QLatin1String("too_late"))
        return refuse(Refusal::TooLate,
                      tr("Your appointment time (%1) has passed. Please take a queue ticket or "
                         "ask the staff.")
                          .arg(slot));
    if (reached && status == 409 && error == QLatin1String("already_checked_in"))
        return refuse(Refusal::AlreadyUsed,
                      tr("This appointment has already been checked in, with number %1.")
                          .arg(body.value(QStringLiteral("ticket_number")).toString()));
    qCWarning(lcAppointment).noquote() << "check-in failed:"
                                       << (reached ? QStringLiteral("HTTP %1 %2").arg(status).arg(error)
                                                   : QStringLiteral("platform not reached"));
    m_state = State::Failed;
    m_message = tr("Appointments cannot be checked in at this kiosk right now. Please go to the counter.");
    emit changed();
}

void AppointmentCheckInController::refuse(Refusal refusal, const QString &message)
{
    qCInfo(lcAppointment) << "check-in refused:" << refusal;
    m_state = State::Refused;
    m_refusal = refusal;
    m_message = message;
    emit changed();
}

void AppointmentCheckInController::print()
{
    if (m_printer.status() == Device::Status::Unavailable) {
        m_message = tr("The printer is not available. Please show this screen at the counter.");
        emit changed();
        return;
    }
    const TicketSlip slip{m_language,
                          m_settings.centerNameZh,
                          m_settings.centerNameEn,
                          m_ticketNumber,
                          m_serviceName,
                          m_waiting,
                          QDateTime::currentDateTime(),
                          m_qrText};
    QString error;
    const QByteArray bytes = slip.layOut(m_printer.charactersPerLine(), &error);
    if (bytes.isEmpty()) {
        qCWarning(lcAppointment).noquote() << "check-in slip not laid out:" << error;
        m_message = tr("The printer is not available. Please show this screen at the counter.");
        emit changed();
        return;
    }
    m_jobId = QStringLiteral("appointment-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_printer.print(m_jobId, bytes);
}

bool AppointmentCheckInController::handleCode(const QString &text)
{
    if (codeFrom(text).isEmpty())
        return false;
    if (m_state == State::Refused || m_state == State::Failed)
        tryAgain(); // another code after a refusal
    submitCode(text);
    return true;
}

void AppointmentCheckInController::tryAgain()
{
    if (m_state != State::Refused && m_state != State::Failed)
        return;
    m_state = State::EnterCode;
    m_refusal = Refusal::None;
    m_message.clear();
    emit changed();
}

void AppointmentCheckInController::finish()
{
    if (m_state != State::Checking)
        emit finished();
}
