#pragma once

#include <QString>

#include <vector>

// Sync throughput over mutual TLS: a local platform-sim (HTTPS, a test CA made with TestPki), `cases` cases
// (StoreBenchCase.h) uploaded by SyncClient from a kiosk store, timed from start() until the outbox is empty;
// then, in the same run and against the same server, a bare loop of HTTPS PUTs with QNetworkAccessManager
// (same TLS configuration, one request at a time, as SyncClient sends) of `cases` bodies of the same kind,
// taken from a second store, timed from the first request to the last answer. Each case's attachment is an
// item of its own in both loops.
struct SyncFigures
{
    int cases = 0;
    double syncSeconds = 0;
    double bareSeconds = 0;
    std::vector<double> syncItemMs; // time between consecutive itemSynced of a case (the first: from start())
    std::vector<double> bareItemMs; // per bare PUT of a case
    // Each case has one attachment (StoreBenchCase.h), uploaded on its own after its case: declaration and
    // chunks (docs/platform-api.md, "Attachment uploads"); the bare loop sends the same requests.
    std::vector<double> syncAttachmentMs; // time up to an attachment's itemSynced from the previous item's
    std::vector<double> bareAttachmentMs; // per bare attachment upload (declaration + chunks)
    qint64 attachmentBytes = 0;           // bytes of one loop's attachments
    int onPlatform = -1;                  // cases in platform-sim's database afterwards (both loops)
    int attachmentsOnPlatform = -1; // complete attachments in platform-sim's database afterwards (both loops)
    QString error;
};

SyncFigures measureSync(int cases);
