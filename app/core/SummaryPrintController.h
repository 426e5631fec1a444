#pragma once

#include "DocumentPrinter.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

struct Catalog;
struct CommittedCase;
struct SiteConfig;
struct ApplicationSummaryContent;

// The A4 application summary a service hands the resident after submission (catalog `a4_summary`,
// docs/printing-a4.md): made from the case as committed (name, ID number, phone and every other personal
// field masked), rendered to PDF and printed on the kiosk's document printer. Nothing that stands in its way
// ever blocks the screen: without an A4 printer, with one that is not ready (paper out, queue stopped, server
// gone), or when the job fails, the resident is told to collect it at the counter with the case number
// (state AtCounter), and the log says why. The receipt screen presents the state; the session's end forgets
// it (a job already at the printer finishes: its paper is the resident's, like a receipt on the wire).
// Thread: GUI.
class SummaryPrintController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SummaryPrintController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString caseNumber READ caseNumber NOTIFY changed)

public:
    // None: the service gives no summary (or no case yet); Printing; Printed: take it from the A4 printer;
    // AtCounter: collect it at the counter with the case number.
    enum class State { None, Printing, Printed, AtCounter };
    Q_ENUM(State)

    // Without site and catalog (QML tests' inert singleton) nothing is ever printed.
    explicit SummaryPrintController(QObject *parent = nullptr);
    // printer may be null (no A4 printer in this hall).
    SummaryPrintController(const SiteConfig &site, const Catalog &catalog, DocumentPrinter *printer,
                           QObject *parent = nullptr);

    State state() const { return m_state; }
    QString caseNumber() const { return m_caseNumber; }

    // What the paper says for a committed case (masked); exposed for tests.
    ApplicationSummaryContent contentFor(const CommittedCase &committed) const;

public slots:
    // A case was committed: prints its summary if its service gives one.
    void onCaseCommitted(const CommittedCase &committed);
    // The session ended.
    void clear();

signals:
    void changed();

private:
    void onJobFinished(const DocumentJobResult &result);
    void sendToCounter(const QString &why);

    const SiteConfig *m_site = nullptr;
    const Catalog *m_catalog = nullptr;
    QPointer<DocumentPrinter> m_printer;
    State m_state = State::None;
    QString m_caseId;
    QString m_caseNumber;
};
