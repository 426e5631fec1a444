#pragma once

#include "Catalog.h"
#include "IssuedCertificate.h"
#include "Journey.h"

#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class CertificateClient;
class DocumentPrinter;
struct DocumentJobResult;

// The certificate journey (e.g. 居住证明, 户籍证明; issue 12): a catalog service of kind "certificate"
// (takesService) for a resident identified by ID card or personal identity code (the session hands the
// identity over). The resident picks a purpose; the platform issues the certificate (number, values,
// verification code); the kiosk lays it out from the service's template (kiosk-config/documents,
// CertificateDocument) with the verification QR, and prints it on the A4 document printer.
// Nothing blocks the screen: no A4 printer, one that is not ready (paper out, queue stopped), a layout
// that fails or a job that fails send the resident to the counter with the certificate number (AtCounter:
// the document exists at the platform; the counter prints it). The platform's refusals have their own
// message (no record, not eligible with its reason); offline, a garbage answer or any other failure say
// that issuing needs the platform (Failed). The screen shows the ID number masked; the paper carries what
// the template says (it is the resident's official document).
// States (an enum: QML compares no strings):
//   NeedIdentity -> ChoosePurpose -> Issuing -> Printing -> Printed | AtCounter;  Issuing -> Refused | Failed
// reset() (the session's end) forgets the resident, the service and the certificate, and cancels a print
// job not yet on paper. Logs carry the certificate number and states, never the resident's data.
// Thread: GUI.
class CertificateController : public Journey
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CertificateController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(Refusal refusal READ refusal NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString refusalReason READ refusalReason NOTIFY changed)
    Q_PROPERTY(QString serviceName READ serviceName NOTIFY changed)
    Q_PROPERTY(QVariantList purposes READ purposes NOTIFY changed)
    Q_PROPERTY(QString purposeName READ purposeName NOTIFY changed)
    Q_PROPERTY(QString maskedName READ maskedName NOTIFY changed)
    Q_PROPERTY(QString maskedIdNumber READ maskedIdNumber NOTIFY changed)
    Q_PROPERTY(QString certificateNumber READ certificateNumber NOTIFY changed)
    Q_PROPERTY(QString validUntil READ validUntil NOTIFY changed)

public:
    enum class State { NeedIdentity, ChoosePurpose, Issuing, Printing, Printed, AtCounter, Refused, Failed };
    Q_ENUM(State)
    enum class Refusal { None, NoRecord, NotEligible };
    Q_ENUM(Refusal)

    struct Settings
    {
        QString centerNameZh; // the issuing centre printed at the foot of the certificate
        QString centerNameEn;
        QString documentsDir; // kiosk-config/documents: the certificates' templates
    };

    // printer may be null (no A4 printer in this hall: every certificate is collected at the counter).
    CertificateController(const Settings &settings, const Catalog &catalog, CertificateClient &client,
                          DocumentPrinter *printer, QObject *parent = nullptr);

    // Journey
    QString id() const override { return QStringLiteral("certificate"); }
    QUrl screenUrl() const override;
    void enter(const QString &language) override;
    void reset() override;
    bool acceptsResident() const override { return true; }
    void residentIdentified(const JourneyResident &resident) override;
    bool takesService(const QString &serviceId) override;

    State state() const { return m_state; }
    Refusal refusal() const { return m_refusal; }
    QString message() const { return m_message; }
    QString refusalReason() const { return m_refusalReason; }
    QString serviceName() const;
    QVariantList purposes() const; // [{id, name}] in the resident's language
    QString purposeName() const;
    QString maskedName() const;
    QString maskedIdNumber() const;
    QString certificateNumber() const { return m_certificate ? m_certificate->certificateNumber : QString(); }
    QString validUntil() const;
    QString serviceId() const { return m_serviceId; }

    // ChoosePurpose -> Issuing: asks the platform for the certificate (one Idempotency-Key per purpose in
    // this visit: asking again after a lost answer never makes a second certificate).
    Q_INVOKABLE void choosePurpose(const QString &purposeId);
    Q_INVOKABLE void tryAgain(); // Refused | Failed -> ChoosePurpose
    Q_INVOKABLE void finish();
    void setNetworkAvailable(bool available) { m_networkAvailable = available; }

signals:
    void changed();

private:
    const ServiceSpec *service() const;
    void onAnswer(int serial, bool reached, int status, const QJsonObject &body, const QString &problem);
    void print();
    void onJobFinished(const DocumentJobResult &result);
    void sendToCounter(const QString &why);
    void fail(const QString &why, const QString &message);
    QString documentValue(const QString &value) const;

    Settings m_settings;
    const Catalog &m_catalog;
    CertificateClient &m_client;
    QPointer<DocumentPrinter> m_printer;
    QString m_language = QStringLiteral("zh_CN");
    bool m_networkAvailable = true;
    int m_serial = 0;

    // The visit (forgotten in reset()).
    QString m_serviceId;
    JourneyResident m_resident;
    bool m_identified = false;
    QString m_purposeId;
    QString m_issueKey;
    QString m_issueKeyPurpose;
    State m_state = State::NeedIdentity;
    Refusal m_refusal = Refusal::None;
    QString m_message;
    QString m_refusalReason;
    std::optional<IssuedCertificate> m_certificate;
    QString m_jobRequestId;
};
