#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

// The durable commit of a case: `commits` calls of CaseStore::submitCase (StoreBenchCase.h), each timed
// alone (wall clock), in a fresh store; then, in the same run and directory, a bare sqlite3 insert of rows
// of the sizes the store wrote (case row, attachment, outbox body, audit entry) in one transaction per case,
// with the store's settings (WAL, synchronous=FULL, secure_delete, foreign keys).
struct CommitFigures
{
    std::vector<double> storeMs; // per commit
    std::vector<double> bareMs;  // per bare transaction
    QJsonObject rowBytes;        // the sizes the bare insert used (from the store's file)
    QString error;
};

CommitFigures measureCommits(int commits);
