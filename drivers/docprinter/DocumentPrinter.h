#pragma once

#include "Device.h"

#include <QByteArray>
#include <QMetaType>

// How a document job ended. Exactly one per print() call.
struct DocumentJobResult
{
    enum class State {
        Completed, // the printer reported the job completed
        Aborted,   // the printer or the print system gave up on it (job-state aborted)
        Canceled,  // canceled: by stop(), by someone at the print server, or after a timeout (see reason)
        TimedOut,  // not finished within the job timeout; the job was canceled so it cannot print later
        Failed,    // never accepted: server unreachable, queue stopped or unknown, the document refused
        Unknown,   // accepted, then its end could not be observed (server gone, job history already purged)
    };

    QString requestId; // the caller's name for the job (e.g. the case id)
    int jobId = 0;     // the print server's job id, 0 when no job was created
    State state = State::Failed;
    QString reason; // what happened, for logs and staff: "create job on queue 'doc': ..." (no personal data)
    // The job was created at the server, the server went away before its end was seen, and it could not be
    // canceled: it may still print when the server comes back. The printer cancels it then (never "printed").
    bool orphaned = false;

    bool ok() const { return state == State::Completed; }
    static QString stateName(State state); // "completed", "aborted", ...
};
Q_DECLARE_METATYPE(DocumentJobResult)

// An A4 document printer (kind "document_printer"): takes finished PDF bytes as one job and follows the job
// to its end. print() returns at once; jobFinished follows exactly once per print(), never from inside it.
// Device state: Ready (the queue accepts jobs), Busy "printing" while jobs are in hand, Unavailable with the
// reason ("queue 'doc' on localhost:631 is stopped: ...", "CUPS server localhost:631 unreachable: ...").
// Thread: GUI (see Device).
class DocumentPrinter : public Device
{
    Q_OBJECT

public:
    explicit DocumentPrinter(const QString &name, QObject *parent = nullptr);

    // requestId: the caller's name for the job; jobName: what the print queue shows, and it must carry no
    // personal data (use jobNameFor()). pdf: the whole document (it is not written to disk here).
    virtual void print(const QString &requestId, const QString &jobName, const QByteArray &pdf) = 0;
    // Cancels the job of requestId if it is still in hand (a job created at the server is canceled there);
    // its result still arrives, as Canceled (or as what it had already become). Unknown ids: nothing.
    virtual void cancel(const QString &requestId) = 0;
    // Asks the queue for its state again (Device state follows). Never blocks.
    virtual void refresh() = 0;

    // "onestop document <first 8 characters of the case id>".
    static QString jobNameFor(const QString &caseId);

signals:
    void jobFinished(const DocumentJobResult &result);
};
