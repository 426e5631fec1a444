#include "CupsClient.h"

#include "CupsNames.h"
#include "DocPrinterLogging.h"

#include <QElapsedTimer>
#include <QThread>

#include <cups/cups.h>

#include <cerrno>
#include <cstring>

namespace {
// What httpSetTimeout's callback needs: stop waiting when canceled or after ioTimeoutMs without progress.
struct WaitBudget
{
    const std::atomic_bool *cancel = nullptr;
    int limitMs = 15000;
    int waitedMs = 0;
};
constexpr double kWaitSliceSeconds = 0.5;

int keepWaiting(http_t *, void *data)
{
    auto *budget = static_cast<WaitBudget *>(data);
    budget->waitedMs += int(kWaitSliceSeconds * 1000);
    return (budget->cancel->load() || budget->waitedMs >= budget->limitMs) ? 0 : 1;
}

// One connection to the server; closed in every path.
class Connection
{
public:
    Connection(const QString &host, int port, int connectTimeoutMs, int ioTimeoutMs,
               const std::atomic_bool *cancel)
    {
        m_budget.cancel = cancel;
        m_budget.limitMs = ioTimeoutMs;
        errno = 0;
        m_http = httpConnect2(host.toUtf8().constData(), port, nullptr, AF_UNSPEC,
                              HTTP_ENCRYPTION_IF_REQUESTED, 1, connectTimeoutMs, nullptr);
        if (!m_http) {
            const int error = errno;
            m_error = error ? QString::fromLocal8Bit(std::strerror(error)) : QStringLiteral("no connection");
            return;
        }
        httpSetTimeout(m_http, kWaitSliceSeconds, keepWaiting, &m_budget);
    }
    ~Connection()
    {
        if (m_http)
            httpClose(m_http);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    http_t *http() const { return m_http; }
    QString error() const { return m_error; }
    // Each request gets the whole I/O budget again.
    void startStep() { m_budget.waitedMs = 0; }
    bool timedOut() const { return m_budget.waitedMs >= m_budget.limitMs; }

private:
    http_t *m_http = nullptr;
    WaitBudget m_budget;
    QString m_error;
};

// Owns an IPP message.
struct Ipp
{
    ipp_t *ipp = nullptr;
    explicit Ipp(ipp_t *i = nullptr) : ipp(i) {}
    ~Ipp()
    {
        if (ipp)
            ippDelete(ipp);
    }
    Ipp(const Ipp &) = delete;
    Ipp &operator=(const Ipp &) = delete;
};

QString lastError()
{
    return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(cupsLastErrorString()),
                                         QString::fromUtf8(ippErrorString(cupsLastError())));
}

bool succeeded(ipp_t *response)
{
    return response && ippGetStatusCode(response) <= IPP_STATUS_OK_EVENTS_COMPLETE;
}

QString keywords(ipp_t *response, const char *name)
{
    ipp_attribute_t *attr = ippFindAttribute(response, name, IPP_TAG_ZERO);
    QStringList values;
    for (int i = 0; attr && i < ippGetCount(attr); ++i)
        values.append(QString::fromUtf8(ippGetString(attr, i, nullptr)));
    values.removeAll(QStringLiteral("none"));
    return values.join(QLatin1Char(','));
}

QString text(ipp_t *response, const char *name)
{
    ipp_attribute_t *attr = ippFindAttribute(response, name, IPP_TAG_ZERO);
    return attr ? QString::fromUtf8(ippGetString(attr, 0, nullptr)) : QString();
}

void addCommon(ipp_t *request, const QByteArray &printerUri)
{
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, printerUri.constData());
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
}

QString jobStateName(int state)
{
    switch (state) {
    case IPP_JSTATE_PENDING:
        return QStringLiteral("pending");
    case IPP_JSTATE_HELD:
        return QStringLiteral("held");
    case IPP_JSTATE_PROCESSING:
        return QStringLiteral("processing");
    case IPP_JSTATE_STOPPED:
        return QStringLiteral("stopped");
    case IPP_JSTATE_CANCELED:
        return QStringLiteral("canceled");
    case IPP_JSTATE_ABORTED:
        return QStringLiteral("aborted");
    case IPP_JSTATE_COMPLETED:
        return QStringLiteral("completed");
    }
    return QStringLiteral("state %1").arg(state);
}
} // namespace

CupsClient::CupsClient(const CupsPrinterSettings &settings, std::shared_ptr<std::atomic_bool> cancel)
    : m_settings(settings), m_cancel(std::move(cancel))
{
    QString server = settings.server.trimmed();
    if (server.isEmpty())
        server = QString::fromUtf8(cupsServer()); // CUPS_SERVER, client.conf, or the default
    if (server.startsWith(QLatin1Char('/'))) {
        m_host = server; // a domain socket
        m_port = ippPort();
        return;
    }
    const int colon = int(server.lastIndexOf(QLatin1Char(':')));
    bool portOk = false;
    const int port = colon > 0 ? server.mid(colon + 1).toInt(&portOk) : 0;
    if (portOk && port > 0 && port < 65536) {
        m_host = server.left(colon);
        m_port = port;
    } else {
        m_host = server;
        m_port = ippPort();
    }
}

QString CupsClient::serverName() const
{
    return m_host.startsWith(QLatin1Char('/')) ? m_host : QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

namespace {
struct QueueTarget
{
    QByteArray uri;
    QByteArray resource;
};

QueueTarget targetFor(const QString &host, int port, const QString &queue)
{
    char uri[HTTP_MAX_URI];
    const QByteArray uriHost = host.startsWith(QLatin1Char('/')) ? QByteArray("localhost") : host.toUtf8();
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, uriHost.constData(), port,
                     "/printers/%s", queue.toUtf8().constData());
    return QueueTarget{QByteArray(uri), QByteArray("/printers/") + queue.toUtf8()};
}

// Get-Printer-Attributes on an open connection.
CupsQueueState askQueue(Connection &connection, const QueueTarget &target, const QString &queueName,
                        const QString &serverName)
{
    CupsQueueState state;
    static const char *const wanted[] = {"printer-state", "printer-state-reasons", "printer-state-message",
                                         "printer-is-accepting-jobs"};
    ipp_t *request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    addCommon(request, target.uri);
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, nullptr, wanted);
    connection.startStep();
    Ipp response(cupsDoRequest(connection.http(), request, target.resource.constData()));
    const QString queue = QStringLiteral("queue '%1' on %2").arg(queueName, serverName);
    if (!response.ipp) {
        state.reason = QStringLiteral("CUPS server %1 did not answer: %2").arg(serverName, lastError());
        return state;
    }
    state.reachable = true;
    if (!succeeded(response.ipp)) {
        state.reason = ippGetStatusCode(response.ipp) == IPP_STATUS_ERROR_NOT_FOUND
                           ? queue + QStringLiteral(" does not exist")
                           : queue + QStringLiteral(": ") + lastError();
        return state;
    }
    const int printerState = ippGetInteger(ippFindAttribute(response.ipp, "printer-state", IPP_TAG_ENUM), 0);
    const bool accepting =
        ippGetBoolean(ippFindAttribute(response.ipp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN), 0);
    const QString reasons = keywords(response.ipp, "printer-state-reasons");
    const QString message = text(response.ipp, "printer-state-message");
    QString detail = message;
    if (!reasons.isEmpty())
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("(%1)").arg(reasons);
    if (printerState == IPP_PSTATE_STOPPED) {
        state.reason = queue + QStringLiteral(" is stopped") +
                       (detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
    } else if (!accepting) {
        state.reason = queue + QStringLiteral(" is not accepting jobs") +
                       (detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
    } else {
        state.ready = true;
        state.reason = message;
    }
    return state;
}
} // namespace

// Thread: worker.
CupsQueueState CupsClient::queueState() const
{
    Connection connection(m_host, m_port, m_settings.connectTimeoutMs, m_settings.ioTimeoutMs,
                          m_cancel.get());
    if (!connection.http()) {
        CupsQueueState state;
        state.reason = QStringLiteral("CUPS server %1 unreachable: %2").arg(serverName(), connection.error());
        return state;
    }
    return askQueue(connection, targetFor(m_host, m_port, m_settings.queue), m_settings.queue, serverName());
}

// Thread: worker.
DocumentJobResult CupsClient::print(const QString &requestId, const QString &jobName,
                                    const QByteArray &pdf) const
{
    DocumentJobResult result;
    result.requestId = requestId;
    const QString queue = QStringLiteral("queue '%1' on %2").arg(m_settings.queue, serverName());
    auto finish = [&](DocumentJobResult::State state, const QString &reason) {
        result.state = state;
        result.reason = reason;
        qCInfo(lcDocPrinter).noquote() << "job" << requestId << "(cups job" << result.jobId << ")"
                                       << DocumentJobResult::stateName(state) << ":" << reason;
        return result;
    };
    if (!pdf.startsWith("%PDF-"))
        return finish(DocumentJobResult::State::Failed, QStringLiteral("print: the document is not a PDF"));
    if (m_cancel->load())
        return finish(DocumentJobResult::State::Canceled, QStringLiteral("canceled before it was sent"));

    // Connect.
    Connection connection(m_host, m_port, m_settings.connectTimeoutMs, m_settings.ioTimeoutMs,
                          m_cancel.get());
    if (!connection.http())
        return finish(DocumentJobResult::State::Failed,
                      QStringLiteral("CUPS server %1 unreachable: %2").arg(serverName(), connection.error()));
    const QueueTarget target = targetFor(m_host, m_port, m_settings.queue);

    // Check the queue: a stopped queue would hold the job, and the document would print later, unattended.
    const CupsQueueState queueState = askQueue(connection, target, m_settings.queue, serverName());
    if (!queueState.ready)
        return finish(DocumentJobResult::State::Failed, queueState.reason);

    // Create-Job.
    {
        ipp_t *request = ippNewRequest(IPP_OP_CREATE_JOB);
        addCommon(request, target.uri);
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nullptr,
                     CupsNames::jobName(jobName).constData());
        connection.startStep();
        Ipp response(cupsDoRequest(connection.http(), request, target.resource.constData()));
        if (!succeeded(response.ipp))
            return finish(DocumentJobResult::State::Failed,
                          QStringLiteral("create job on %1: %2").arg(queue, lastError()));
        result.jobId = ippGetInteger(ippFindAttribute(response.ipp, "job-id", IPP_TAG_INTEGER), 0);
        if (result.jobId <= 0)
            return finish(DocumentJobResult::State::Failed,
                          QStringLiteral("create job on %1: no job-id in the answer").arg(queue));
    }

    // From here on the job exists: every way out that is not its end cancels it. When even the cancel
    // cannot reach the server, the job is orphaned: the printer cancels it once the server is back.
    auto cancelJob = [&]() {
        connection.startStep();
        // cupsCancelJob2() answers the IPP status (0 = successful-ok), not a boolean.
        const ipp_status_t status =
            cupsCancelJob2(connection.http(), m_settings.queue.toUtf8().constData(), result.jobId, 0);
        if (status > IPP_STATUS_OK_EVENTS_COMPLETE) {
            result.orphaned = true;
            return QStringLiteral("; canceling job %1 failed too: %2").arg(result.jobId).arg(lastError());
        }
        return QStringLiteral("; job %1 canceled").arg(result.jobId);
    };

    // Send-Document: the PDF streamed from memory, never written to a file here.
    {
        ipp_t *request = ippNewRequest(IPP_OP_SEND_DOCUMENT);
        addCommon(request, target.uri);
        ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", result.jobId);
        // A token, never the readable job name: see CupsNames.h (a space here crashes cupsd deb12u10).
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "document-name", nullptr,
                     CupsNames::documentName(requestId).constData());
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", nullptr,
                     CUPS_FORMAT_PDF);
        ippAddBoolean(request, IPP_TAG_OPERATION, "last-document", 1);
        connection.startStep();
        // Chunked, as cupsStartDocument() does it.
        http_status_t status =
            cupsSendRequest(connection.http(), request, target.resource.constData(), CUPS_LENGTH_VARIABLE);
        qsizetype sent = 0;
        const qsizetype chunk = 64 * 1024;
        while (status == HTTP_STATUS_CONTINUE && sent < pdf.size() && !m_cancel->load()) {
            const qsizetype n = qMin(chunk, pdf.size() - sent);
            connection.startStep();
            status = cupsWriteRequestData(connection.http(), pdf.constData() + sent, size_t(n));
            sent += n;
        }
        Ipp response(status == HTTP_STATUS_CONTINUE && !m_cancel->load()
                         ? cupsGetResponse(connection.http(), target.resource.constData())
                         : nullptr);
        ippDelete(request);
        if (m_cancel->load())
            return finish(DocumentJobResult::State::Canceled,
                          QStringLiteral("canceled while sending the document") + cancelJob());
        if (!succeeded(response.ipp)) {
            const QString why = status != HTTP_STATUS_CONTINUE
                                    ? QStringLiteral("HTTP %1 after %2 of %3 bytes")
                                          .arg(int(status))
                                          .arg(sent)
                                          .arg(pdf.size())
                                    : lastError();
            return finish(DocumentJobResult::State::Failed,
                          QStringLiteral("send document to %1: %2").arg(queue, why) + cancelJob());
        }
    }
    qCInfo(lcDocPrinter).noquote() << "job" << requestId << ": cups job" << result.jobId << "on" << queue
                                   << "," << pdf.size() << "bytes sent";

    // Follow the job to its end.
    QElapsedTimer elapsed;
    elapsed.start();
    QString lastState = QStringLiteral("pending");
    QString lastReasons;
    static const char *const wanted[] = {"job-state", "job-state-reasons", "job-printer-state-message"};
    for (;;) {
        if (m_cancel->load())
            return finish(DocumentJobResult::State::Canceled,
                          QStringLiteral("canceled by the kiosk while %1").arg(lastState) + cancelJob());
        if (elapsed.elapsed() >= m_settings.jobTimeoutMs)
            return finish(DocumentJobResult::State::TimedOut,
                          QStringLiteral("not finished within %1 s (job %2 %3%4)")
                                  .arg(m_settings.jobTimeoutMs / 1000)
                                  .arg(result.jobId)
                                  .arg(lastState, lastReasons.isEmpty()
                                                      ? QString()
                                                      : QStringLiteral(": ") + lastReasons) +
                              cancelJob());
        ipp_t *request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
        addCommon(request, target.uri);
        ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", result.jobId);
        ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 3, nullptr,
                      wanted);
        connection.startStep();
        Ipp response(cupsDoRequest(connection.http(), request, "/jobs/"));
        if (!response.ipp) {
            // The server went away (crashed, restarted, unplugged). Whatever happens to the job there, the
            // resident was not handed a document: report it failed, and make sure it cannot print later.
            const QString lost = QStringLiteral("lost CUPS server %1 while following job %2 (%3): %4")
                                     .arg(serverName())
                                     .arg(result.jobId)
                                     .arg(lastState, lastError());
            return finish(DocumentJobResult::State::Failed, lost + cancelJob());
        }
        if (ippGetStatusCode(response.ipp) == IPP_STATUS_ERROR_NOT_FOUND)
            return finish(
                DocumentJobResult::State::Unknown,
                QStringLiteral("job %1 is no longer known to %2 (last seen %3; is PreserveJobHistory "
                               "set to a few minutes?)")
                    .arg(result.jobId)
                    .arg(serverName(), lastState));
        if (!succeeded(response.ipp))
            return finish(DocumentJobResult::State::Unknown,
                          QStringLiteral("follow job %1: %2").arg(result.jobId).arg(lastError()));
        const int state = ippGetInteger(ippFindAttribute(response.ipp, "job-state", IPP_TAG_ENUM), 0);
        lastState = jobStateName(state);
        lastReasons = keywords(response.ipp, "job-state-reasons");
        const QString message = text(response.ipp, "job-printer-state-message");
        const QString detail =
            lastReasons + (message.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(message));
        switch (state) {
        case IPP_JSTATE_COMPLETED:
            return finish(DocumentJobResult::State::Completed,
                          QStringLiteral("job %1 completed on %2").arg(result.jobId).arg(queue));
        case IPP_JSTATE_ABORTED:
            return finish(DocumentJobResult::State::Aborted,
                          QStringLiteral("job %1 aborted on %2: %3").arg(result.jobId).arg(queue, detail));
        case IPP_JSTATE_CANCELED:
            return finish(
                DocumentJobResult::State::Canceled,
                QStringLiteral("job %1 canceled at the print server: %2").arg(result.jobId).arg(detail));
        default:
            break;
        }
        // Wait for the next poll in small steps, so cancel is seen quickly.
        for (int waited = 0; waited < m_settings.pollIntervalMs && !m_cancel->load(); waited += 50)
            QThread::msleep(50);
    }
}

// Thread: worker.
bool CupsClient::cancelJob(int jobId, QString *error) const
{
    Connection connection(m_host, m_port, m_settings.connectTimeoutMs, m_settings.ioTimeoutMs,
                          m_cancel.get());
    if (!connection.http()) {
        *error = QStringLiteral("CUPS server %1 unreachable: %2").arg(serverName(), connection.error());
        return false;
    }
    connection.startStep();
    const ipp_status_t status =
        cupsCancelJob2(connection.http(), m_settings.queue.toUtf8().constData(), jobId, 0);
    // Canceled now, or already at its end (completed, canceled, aborted) or forgotten: it cannot print any
    // more.
    if (status <= IPP_STATUS_OK_EVENTS_COMPLETE || status == IPP_STATUS_ERROR_NOT_FOUND ||
        status == IPP_STATUS_ERROR_NOT_POSSIBLE)
        return true;
    *error = QStringLiteral("cancel job %1 on %2: %3").arg(jobId).arg(serverName(), lastError());
    return false;
}

// Thread: worker (or a command-line tool's main thread).
QString CupsClient::defaultQueue() const
{
    Connection connection(m_host, m_port, m_settings.connectTimeoutMs, m_settings.ioTimeoutMs,
                          m_cancel.get());
    if (!connection.http())
        return QString();
    connection.startStep();
    const char *name = cupsGetDefault2(connection.http());
    return name ? QString::fromUtf8(name) : QString();
}
