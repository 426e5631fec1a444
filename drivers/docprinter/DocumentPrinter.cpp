#include "DocumentPrinter.h"

DocumentPrinter::DocumentPrinter(const QString &name, QObject *parent)
    : Device(QStringLiteral("document_printer"), name, parent)
{
}

QString DocumentPrinter::jobNameFor(const QString &caseId)
{
    return QStringLiteral("onestop document ") + caseId.left(8);
}

QString DocumentJobResult::stateName(State state)
{
    switch (state) {
    case State::Completed:
        return QStringLiteral("completed");
    case State::Aborted:
        return QStringLiteral("aborted");
    case State::Canceled:
        return QStringLiteral("canceled");
    case State::TimedOut:
        return QStringLiteral("timed out");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}
