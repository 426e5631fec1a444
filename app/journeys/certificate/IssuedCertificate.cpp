#include "IssuedCertificate.h"

#include <QRegularExpression>
#include <QUrl>

std::optional<IssuedCertificate> IssuedCertificate::fromAnswer(const QJsonObject &body,
                                                               const QString &expectedType, QString *problem)
{
    auto garbage = [problem](const QString &what) {
        if (problem)
            *problem = QStringLiteral("garbage: ") + what;
        return std::nullopt;
    };
    auto text = [&body](const char *key) { return body.value(QLatin1String(key)).toString().trimmed(); };
    IssuedCertificate c;
    c.documentId = text("document_id");
    c.type = text("certificate_type");
    c.certificateNumber = text("certificate_number");
    c.verificationCode = text("verification_code");
    c.verificationUrl = text("verification_url");
    c.issuedAt = QDateTime::fromString(text("issued_at"), Qt::ISODateWithMs);
    c.validUntil = QDate::fromString(text("valid_until"), Qt::ISODate);
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    if (!safe.match(c.documentId).hasMatch())
        return garbage(QStringLiteral("no document_id"));
    if (c.type != expectedType)
        return garbage(QStringLiteral("certificate_type \"%1\", asked for \"%2\"").arg(c.type, expectedType));
    if (!safe.match(c.certificateNumber).hasMatch())
        return garbage(QStringLiteral("no certificate_number"));
    if (!safe.match(c.verificationCode).hasMatch())
        return garbage(QStringLiteral("no verification_code"));
    const QUrl url(c.verificationUrl, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty() ||
        c.verificationUrl.size() > 512)
        return garbage(QStringLiteral("verification_url is not an https address"));
    if (!c.issuedAt.isValid())
        return garbage(QStringLiteral("no issued_at"));
    if (!c.validUntil.isValid() || c.validUntil < c.issuedAt.toUTC().date())
        return garbage(QStringLiteral("no valid_until on or after the issue day"));
    const QJsonValue values = body.value(QLatin1String("values"));
    if (!values.isObject())
        return garbage(QStringLiteral("no values"));
    const QJsonObject object = values.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString() || it.value().toString().size() > 500)
            return garbage(QStringLiteral("values.%1 is not a text").arg(it.key()));
        c.values.insert(it.key(), it.value().toString());
    }
    return c;
}
