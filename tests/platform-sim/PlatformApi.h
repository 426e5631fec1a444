#pragma once

#include "HttpMessage.h"
#include "PlatformStore.h"

// The central platform's API, version 1 (the contract is docs/platform-api.md): routes a parsed request
// to its endpoint and builds the answer. Test hooks (/test/...) exist only when enabled.
// Thread: the main thread; called by HttpConnection for each complete request.
class PlatformApi
{
public:
    // catalogJson: the bytes to serve at GET /api/v1/catalog; empty = no catalog configured (404).
    // chaos: switched at runtime by POST /test/chaos (may be null: no chaos hook).
    PlatformApi(PlatformStore &store, QByteArray catalogJson, bool testHooks, class Chaos *chaos = nullptr);

    HttpResponse handle(const HttpRequest &request);
    // The largest chunk an attachment upload may send (413 above it); told to the kiosk in every upload state.
    void setMaxChunkBytes(qint64 bytes) { m_maxChunkBytes = bytes; }
    static constexpr qint64 defaultMaxChunkBytes = 256 * 1024;

private:
    enum class Resource { Case, Rating };

    HttpResponse route(const HttpRequest &request);
    HttpResponse getCase(const QString &caseId);
    HttpResponse putResource(Resource resource, const QString &caseId, const HttpRequest &request);
    HttpResponse testHook(const QByteArray &name, const HttpRequest &request);
    bool failThisPut(); // the test hook fail-next: true if this PUT is to be answered with the failure
    HttpResponse injectedFailure();
    // Attachment uploads (AttachmentApi.cpp).
    HttpResponse attachmentResource(const QString &caseId, const QList<QByteArray> &segments, const HttpRequest &request);
    HttpResponse declareAttachment(const QString &caseId, int sequence, const HttpRequest &request);
    HttpResponse putChunk(const QString &caseId, int sequence, const HttpRequest &request);
    // Queue tickets (QueueApi.cpp).
    HttpResponse queueResource(const QList<QByteArray> &segments, const HttpRequest &request);
    HttpResponse queueServices(const QString &centerId);
    HttpResponse takeTicket(const QString &centerId, const HttpRequest &request);
    HttpResponse grantRange(const QString &centerId, const HttpRequest &request);
    HttpResponse reportIssued(const QString &centerId, const QString &rangeId, const HttpRequest &request);
    static bool queueBody(const HttpRequest &request, bool needsKey, QJsonObject *body, QString *key,
                          HttpResponse *refusal);
    static HttpResponse methodNotAllowedQueue(const QByteArray &allowed);
    // Appointment check-in (AppointmentApi.cpp).
    HttpResponse checkInAppointment(const QString &centerId, const HttpRequest &request);
    HttpResponse addAppointmentHook(const QJsonObject &body);
    // Certificates (CertificateApi.cpp).
    HttpResponse certificateResource(const QList<QByteArray> &segments, const HttpRequest &request);
    HttpResponse issueCertificate(const QString &type, const HttpRequest &request);
    HttpResponse verifyCertificate(const QString &code);
    HttpResponse residentRecordHook(const QJsonObject &body);
    // E-licences (LicenceApi.cpp).
    HttpResponse listLicences(const HttpRequest &request);
    HttpResponse addLicenceHook(const QJsonObject &body);
    static QString checkHolder(const QJsonObject &holder); // {"id_type", "id_number"}: "" when acceptable
    // A case body's "licences": "" when every one is a valid licence of "licence_holder", else the 400 detail
    // (*databaseError: the store failed).
    QString checkCaseLicences(const QJsonObject &body, bool *databaseError);
    // Case progress (ProgressApi.cpp).
    HttpResponse caseProgress(const QString &caseId);
    HttpResponse caseNumberResource(const QList<QByteArray> &segments, const HttpRequest &request);
    HttpResponse residentCases(const HttpRequest &request);
    HttpResponse caseStatusHook(const QJsonObject &body);
    static bool isValidCaseNumber(const QString &number);
    HttpResponse uploadAnswer(int status, const QString &caseId, int sequence, const PlatformStore::UploadResult &result);

    PlatformStore &m_store;
    QByteArray m_catalogJson;
    bool m_testHooks;
    class Chaos *m_chaos;
    int m_failNextCount = 0;   // test hook: answer the next n case/rating PUTs with m_failStatus
    int m_failStatus = 503;
    bool m_failHtml = false;   // test hook: the failures carry an HTML page, not the platform's error body
    int m_failRetryAfter = -1; // test hook: the failures carry Retry-After: <seconds>
    int m_delayNextMs = 0;     // test hook: hold back the next case/rating PUT's answer
    int m_failAfter = 0;       // test hook: PUTs let through before the fail-next failures start
    int m_corruptNextChunks = 0; // test hook: flip a byte of the next n chunks as they arrive (transit damage)
    qint64 m_maxChunkBytes = defaultMaxChunkBytes;
};
