#pragma once

#include "DocumentPrinter.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

// Where and how long: the CUPS server and queue, and the timeouts of each step.
struct CupsPrinterSettings
{
    QString
        server;    // "host:port" or "/run/cups/cups.sock"; empty: libcups' default (CUPS_SERVER, client.conf)
    QString queue; // the CUPS queue (printer) name, e.g. "doc"
    int connectTimeoutMs = 5000; // TCP connect to the server
    int ioTimeoutMs = 15000;     // one IPP request or the document upload making no progress
    int jobTimeoutMs = 180000;   // from submission to the job's end; then the job is canceled
    int pollIntervalMs = 500;    // Get-Job-Attributes while following a job
    int statePollMs = 30000;     // Get-Printer-Attributes while idle; 0: only at start, refresh() and jobs
    int recoveryPollMs = 5000;   // Get-Printer-Attributes while the server is unreachable, so the printer
                                 // comes back by itself when the server does; 0: never
};

// What the queue said about itself.
struct CupsQueueState
{
    bool reachable = false; // the server answered
    bool ready = false;     // it exists, accepts jobs and is not stopped
    QString reason;         // why not ready, or the printer's state message when ready ("" when none)
};

// A blocking IPP client for one CUPS queue, over libcups (no libcups type leaves the .cpp). Every call
// opens its own connection, and every step has a timeout. Thread: one worker thread at a time (libcups
// keeps its error state per thread); never the GUI thread.
class CupsClient
{
public:
    // cancel: when it becomes true, the step in progress gives up (within a second) and a created job is
    // canceled at the server.
    CupsClient(const CupsPrinterSettings &settings, std::shared_ptr<std::atomic_bool> cancel);

    // Get-Printer-Attributes: printer-state, -reasons, -message, printer-is-accepting-jobs.
    CupsQueueState queueState() const;

    // The job's state machine: connect -> check queue -> Create-Job -> Send-Document (the PDF streamed from
    // memory) -> follow with Get-Job-Attributes until completed / aborted / canceled, the job timeout, or
    // cancel. Cleanup always runs: a job that was created and did not reach its end is canceled at the
    // server, and the connection is closed.
    DocumentJobResult print(const QString &requestId, const QString &jobName, const QByteArray &pdf) const;

    // Cancel-Job for a job of this queue. True when it is canceled or already ended (or unknown to the
    // server): either way it cannot print any more. False with the reason when the server cannot be asked.
    bool cancelJob(int jobId, QString *error) const;

    // The server's (or lpoptions') default queue; empty when there is none or the server is unreachable.
    QString defaultQueue() const;

    // "host:port" (or the socket path) actually used, for reasons and logs.
    QString serverName() const;

private:
    CupsPrinterSettings m_settings;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QString m_host;
    int m_port = 631;
};
