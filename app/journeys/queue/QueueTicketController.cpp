#include "QueueTicketController.h"

#include "ReceiptPrinter.h"
#include "TicketSlip.h"

#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcQueue, "onestop.queue")

QueueTicketController::QueueTicketController(const Settings &settings, QueueClient &client,
                                             QueueRangeStore &ranges, ReceiptPrinter &printer,
                                             QObject *parent)
    : Journey(parent), m_settings(settings), m_client(client), m_ranges(ranges), m_printer(printer)
{
    connect(&m_printer, &ReceiptPrinter::jobCompleted, this, &QueueTicketController::onJobCompleted);
    connect(&m_printer, &ReceiptPrinter::jobFailed, this, &QueueTicketController::onJobFailed);
}

QUrl QueueTicketController::screenUrl() const
{
    return QUrl(QStringLiteral("qrc:/qt/qml/OneStop/Journeys/QueueTicketScreen.qml"));
}

void QueueTicketController::enter(const QString &language)
{
    reset();
    m_language = language;
    emit servicesChanged();
    refresh();
}

void QueueTicketController::reset()
{
    ++m_serial;
    if (!m_jobId.isEmpty() && m_printState == PrintState::Printing && m_printer.cancel(m_jobId))
        qCInfo(lcQueue) << "queue ticket slip cancelled at session end";
    m_jobId.clear();
    m_state = State::ChoosingService;
    m_printState = PrintState::None;
    m_ticketNumber.clear();
    m_serviceId.clear();
    m_serviceName.clear();
    m_waiting = -1;
    m_issuedAt = QDateTime();
    m_qrText.clear();
    m_message.clear();
    emit changed();
}

QVariantList QueueTicketController::services() const
{
    QVariantList list;
    for (const QueueRangeStore::Service &s : m_ranges.services())
        list.append(QVariantMap{{QStringLiteral("serviceId"), s.serviceId},
                                {QStringLiteral("prefix"), s.prefix},
                                {QStringLiteral("name"), nameOf(s.serviceId)},
                                {QStringLiteral("waiting"), m_waitingByService.value(s.serviceId, -1)}});
    return list;
}

QString QueueTicketController::nameOf(const QString &serviceId) const
{
    const QueueRangeStore::Service *s = m_ranges.service(serviceId);
    if (!s)
        return serviceId;
    return m_language.startsWith(QLatin1String("zh")) ? s->nameZh : s->nameEn;
}

QString QueueTicketController::issuedAtText() const
{
    return m_issuedAt.isValid() ? m_issuedAt.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

int QueueTicketController::unreportedCount() const
{
    int n = 0;
    for (const QueueRangeStore::Range &r : m_ranges.ranges())
        for (const QueueRangeStore::Issued &i : r.issued)
            n += i.reported ? 0 : 1;
    return n;
}

void QueueTicketController::start()
{
    refresh();
}

void QueueTicketController::setNetworkAvailable(bool available)
{
    if (available == m_networkAvailable)
        return;
    m_networkAvailable = available;
    qCInfo(lcQueue) << "network" << (available ? "available" : "unavailable");
    if (available)
        refresh();
}

void QueueTicketController::refresh()
{
    if (!m_networkAvailable)
        return;
    m_client.listServices([this](const QueueClient::Answer &answer) {
        if (answer.ok()) {
            QList<QueueRangeStore::Service> list;
            m_waitingByService.clear();
            for (const QJsonValue &v : answer.body.value(QStringLiteral("services")).toArray()) {
                const QJsonObject o = v.toObject();
                const QJsonObject name = o.value(QStringLiteral("name")).toObject();
                const QueueRangeStore::Service s{o.value(QStringLiteral("service_id")).toString(),
                                                 o.value(QStringLiteral("prefix")).toString(),
                                                 name.value(QStringLiteral("zh")).toString(),
                                                 name.value(QStringLiteral("en")).toString()};
                if (s.serviceId.isEmpty() || s.prefix.isEmpty())
                    continue; // garbage from the server: not offered
                list.append(s);
                m_waitingByService.insert(s.serviceId, o.value(QStringLiteral("waiting")).toInt(-1));
            }
            QString error;
            if (!list.isEmpty())
                m_ranges.setServices(list, &error);
            emit servicesChanged();
        } else {
            qCInfo(lcQueue).noquote() << "counter services not listed:"
                                      << (answer.reached ? QString::number(answer.status) : answer.problem);
        }
        if (answer.reached) {
            topUpRanges();
            reconcile();
        } else {
            endReconcile();
        }
    });
}

void QueueTicketController::topUpRanges()
{
    const QDate today = now().date();
    for (const QueueRangeStore::Service &s : m_ranges.services()) {
        if (m_rangeRequests.contains(s.serviceId) ||
            m_ranges.numbersLeft(s.serviceId, today) >= m_settings.lowWater)
            continue;
        if (!m_rangeKeys.contains(s.serviceId))
            m_rangeKeys.insert(s.serviceId, QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_rangeRequests.insert(s.serviceId);
        const QString serviceId = s.serviceId;
        m_client.requestRange(
            serviceId, m_settings.rangeSize, m_rangeKeys.value(serviceId),
            [this, serviceId](const QueueClient::Answer &answer) {
                m_rangeRequests.remove(serviceId);
                if (!answer.ok()) {
                    qCInfo(lcQueue).noquote()
                        << "no offline range for" << serviceId << ":"
                        << (answer.reached ? QString::number(answer.status) : answer.problem);
                    return;
                }
                m_rangeKeys.remove(serviceId); // the next request is for another range
                const QJsonObject o = answer.body;
                QueueRangeStore::Range range{
                    o.value(QStringLiteral("range_id")).toString(),
                    o.value(QStringLiteral("service_id")).toString(),
                    o.value(QStringLiteral("prefix")).toString(),
                    QDate::fromString(o.value(QStringLiteral("day")).toString(), Qt::ISODate),
                    o.value(QStringLiteral("first")).toInt(),
                    o.value(QStringLiteral("last")).toInt(),
                    o.value(QStringLiteral("first")).toInt(),
                    {}};
                if (range.rangeId.isEmpty() || range.serviceId != serviceId || range.prefix.isEmpty() ||
                    !range.day.isValid() || range.first < 1 || range.last < range.first) {
                    qCWarning(lcQueue) << "the platform's offline range for" << serviceId << "is not usable";
                    return;
                }
                QString error;
                if (m_ranges.addRange(range, &error))
                    qCInfo(lcQueue).noquote() << "offline range" << range.rangeId << "for" << serviceId
                                              << range.first << ".." << range.last;
            });
    }
}

void QueueTicketController::reconcile()
{
    if (m_reconciling)
        return; // the round in flight goes on to the next range by itself
    if (!m_networkAvailable) {
        endReconcile();
        return;
    }
    for (const QueueRangeStore::Range &r : m_ranges.ranges()) {
        if (m_refusedReports.contains(r.rangeId))
            continue;
        QList<QPair<int, QString>> tickets;
        for (const QueueRangeStore::Issued &i : r.issued)
            if (!i.reported)
                tickets.append({i.number, i.issuedAt});
        if (tickets.isEmpty())
            continue;
        m_reconciling = true;
        const QString rangeId = r.rangeId;
        m_client.reportIssued(rangeId, tickets, [this, rangeId](const QueueClient::Answer &answer) {
            m_reconciling = false;
            if (answer.ok()) {
                QList<int> counted;
                for (const char *key : {"counted", "already"})
                    for (const QJsonValue &v : answer.body.value(QLatin1String(key)).toArray())
                        counted.append(v.toInt());
                QString error;
                m_ranges.markReported(rangeId, counted, now().date(), &error);
                qCInfo(lcQueue) << "offline tickets reported for range" << rangeId << ":" << counted.size();
                reconcile(); // the next range, if any
                return;
            }
            if (answer.reached && (answer.status == 400 || answer.status == 403 || answer.status == 404)) {
                // Refused for good: kept in the file for staff, not sent again in this run.
                m_refusedReports.insert(rangeId);
                qCWarning(lcQueue) << "the platform refused the offline tickets of range" << rangeId
                                   << ": HTTP" << answer.status
                                   << answer.body.value(QStringLiteral("error")).toString();
                reconcile();
                return;
            }
            endReconcile();
        });
        return;
    }
    endReconcile();
}

void QueueTicketController::endReconcile()
{
    const QList<std::function<void()>> then = std::exchange(m_afterReconcile, {});
    emit reconciled();
    for (const auto &f : then)
        f();
}

void QueueTicketController::chooseService(const QString &serviceId)
{
    if (m_state != State::ChoosingService || !m_ranges.service(serviceId))
        return;
    m_state = State::Requesting;
    m_message.clear();
    emit changed();
    if (!m_networkAvailable || !m_client.configProblem().isEmpty()) {
        issueOffline(serviceId);
        return;
    }
    const int serial = ++m_serial;
    const auto take = [this, serial, serviceId] {
        if (serial != m_serial || m_state != State::Requesting)
            return; // the session ended meanwhile
        m_client.takeTicket(serviceId, QUuid::createUuid().toString(QUuid::WithoutBraces),
                            [this, serial, serviceId](const QueueClient::Answer &answer) {
                                onTicketAnswer(serial, serviceId, answer);
                            });
    };
    if (unreportedCount() == 0 && !m_reconciling) {
        take();
        return;
    }
    // Numbers issued offline are reported first: the platform counts those residents among the people
    // ahead of this one.
    m_afterReconcile.append(take);
    reconcile();
}

void QueueTicketController::onTicketAnswer(int serial, const QString &serviceId,
                                           const QueueClient::Answer &answer)
{
    if (serial != m_serial || m_state != State::Requesting)
        return; // the session ended meanwhile
    const QString number = answer.body.value(QStringLiteral("ticket_number")).toString();
    if (answer.ok() && !number.isEmpty() &&
        answer.body.value(QStringLiteral("service_id")).toString() == serviceId) {
        QDateTime at = QDateTime::fromString(answer.body.value(QStringLiteral("issued_at")).toString(),
                                             Qt::ISODateWithMs);
        if (!at.isValid())
            at = now();
        m_waitingByService.insert(serviceId, answer.body.value(QStringLiteral("waiting")).toInt() + 1);
        emit servicesChanged();
        issue(State::Issued, serviceId, number, answer.body.value(QStringLiteral("waiting")).toInt(-1), at,
              QDate::fromString(answer.body.value(QStringLiteral("day")).toString(), Qt::ISODate));
        topUpRanges();
        reconcile();
        return;
    }
    if (answer.reached && answer.status == 400) {
        qCWarning(lcQueue).noquote() << "ticket refused for" << serviceId << ":"
                                     << answer.body.value(QStringLiteral("error")).toString();
        fail(tr(
            "This counter service cannot give out tickets right now. Please ask the staff at the counter."));
        return;
    }
    qCInfo(lcQueue).noquote() << "the platform gave no ticket for" << serviceId << "("
                              << (answer.reached ? QStringLiteral("HTTP %1").arg(answer.status)
                                                 : answer.problem)
                              << "): an offline number";
    issueOffline(serviceId);
}

void QueueTicketController::issueOffline(const QString &serviceId)
{
    const QDateTime at = now();
    QString error;
    const auto ticket =
        m_ranges.issueOffline(serviceId, at.date(), at.toUTC().toString(Qt::ISODateWithMs), &error);
    if (!ticket) {
        if (!error.isEmpty()) {
            qCWarning(lcQueue).noquote() << "offline ticket not recorded:" << error;
            fail(tr(
                "A ticket number could not be recorded at this kiosk. Please ask the staff at the counter."));
        } else {
            qCWarning(lcQueue).noquote() << "no offline ticket numbers left for" << serviceId;
            fail(tr(
                "This kiosk cannot reach the queue system and has no ticket numbers left for this service. "
                "Please take a ticket at the counter or ask the staff."));
        }
        return;
    }
    const int known = m_waitingByService.value(serviceId, -1);
    issue(State::IssuedOffline, serviceId, ticket->ticketNumber, known, at, at.date());
}

void QueueTicketController::issue(State state, const QString &serviceId, const QString &ticketNumber,
                                  int waiting, const QDateTime &at, const QDate &day)
{
    m_state = state;
    m_serviceId = serviceId;
    m_serviceName = nameOf(serviceId);
    m_ticketNumber = ticketNumber;
    m_waiting = waiting;
    m_issuedAt = at;
    // What the QR carries: the center, the day and the number (nothing personal); the counter's caller
    // reads it back.
    m_qrText = QStringLiteral("OSQ1:%1:%2:%3")
                   .arg(m_settings.centerId,
                        (day.isValid() ? day : at.date()).toString(QStringLiteral("yyyyMMdd")), ticketNumber);
    qCInfo(lcQueue).noquote() << (state == State::Issued ? "ticket" : "offline ticket") << ticketNumber
                              << "for" << serviceId;
    emit changed();
    print();
}

void QueueTicketController::fail(const QString &message)
{
    m_state = State::Failed;
    m_message = message;
    emit changed();
}

QString QueueTicketController::printerProblem() const
{
    if (m_printer.paper() == ReceiptPrinter::PaperState::Out)
        return tr("The printer is out of paper. Please show this screen at the counter, or take a photo of "
                  "the QR code.");
    return tr("The printer is not available. Please show this screen at the counter, or take a photo of the "
              "QR code.");
}

void QueueTicketController::print()
{
    // Busy (another slip printing) is fine: the job queue holds the slip until the printer is free.
    if (m_printer.status() == Device::Status::Unavailable) {
        m_printState = PrintState::NotPrinted;
        m_message = printerProblem();
        qCWarning(lcQueue).noquote() << "queue ticket slip not printed:" << m_printer.reason();
        emit changed();
        return;
    }
    const TicketSlip slip{m_language,
                          m_settings.centerNameZh,
                          m_settings.centerNameEn,
                          m_ticketNumber,
                          m_serviceName,
                          m_waiting,
                          m_issuedAt,
                          m_qrText};
    QString error;
    const QByteArray bytes = slip.layOut(m_printer.charactersPerLine(), &error);
    if (bytes.isEmpty()) {
        m_printState = PrintState::NotPrinted;
        m_message = printerProblem();
        qCWarning(lcQueue).noquote() << "queue ticket slip not laid out:" << error;
        emit changed();
        return;
    }
    m_jobId = QStringLiteral("queue-%1-%2")
                  .arg(m_issuedAt.toString(QStringLiteral("yyyyMMddHHmmsszzz")), m_ticketNumber);
    m_printState = PrintState::Printing;
    emit changed();
    m_printer.print(m_jobId, bytes);
}

void QueueTicketController::onJobCompleted(const QString &jobId)
{
    if (jobId != m_jobId || m_printState != PrintState::Printing)
        return;
    m_printState = PrintState::Printed;
    emit changed();
}

void QueueTicketController::onJobFailed(const QString &jobId, const QString &reason)
{
    if (jobId != m_jobId || m_printState != PrintState::Printing)
        return;
    qCWarning(lcQueue).noquote() << "queue ticket slip failed:" << reason;
    m_printState = PrintState::NotPrinted;
    m_message = printerProblem();
    emit changed();
}

void QueueTicketController::tryAgain()
{
    if (m_state != State::Failed)
        return;
    m_state = State::ChoosingService;
    m_message.clear();
    emit changed();
    refresh();
}

void QueueTicketController::finish()
{
    if (m_state == State::Requesting)
        return; // the answer comes first
    emit finished();
}
