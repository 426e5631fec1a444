#include "SiteConfigLoader.h"

#include "ConfigVocabulary.h"
#include "JsonConfigReader.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace {

const QString kWcag = QStringLiteral("WCAG 2.2.1 gives at least 20 seconds to answer a time-out warning");

bool isWebUrl(const QUrl &url)
{
    return url.isValid() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
           !url.host().isEmpty();
}

QUrl readWebUrl(JsonObjectReader &object, const QString &key)
{
    const QString text = object.string(key);
    if (text.isEmpty())
        return QUrl();
    const QUrl url(text, QUrl::StrictMode);
    if (!isWebUrl(url)) {
        object.diagnostics().add(
            object.placeOf(key),
            QStringLiteral("expected an http or https URL with a host, found \"%1\"").arg(text));
        return QUrl();
    }
    return url;
}

QString readTrackingTemplate(JsonObjectReader &object, const QString &key)
{
    const QString text = object.string(key);
    if (text.isEmpty())
        return text;
    if (!text.contains(QLatin1String("{case_id}")) && !text.contains(QLatin1String("{case_number}"))) {
        object.diagnostics().add(object.placeOf(key),
                                 QStringLiteral("must contain {case_id} or {case_number}"));
        return text;
    }
    QString sample = text;
    sample.replace(QLatin1String("{case_id}"), QLatin1String("1"))
        .replace(QLatin1String("{case_number}"), QLatin1String("1"));
    if (!isWebUrl(QUrl(sample, QUrl::StrictMode)))
        object.diagnostics().add(
            object.placeOf(key),
            QStringLiteral("expected an http or https URL template, found \"%1\"").arg(text));
    return text;
}

QStringList readLanguages(JsonObjectReader &root)
{
    const QString place = root.placeOf(QStringLiteral("languages"));
    const auto array = root.array(QStringLiteral("languages"));
    if (!array)
        return {};
    QStringList languages;
    if (array->isEmpty())
        root.diagnostics().add(place, QStringLiteral("must list at least one language"));
    for (int i = 0; i < array->size(); ++i) {
        const QJsonValue value = array->at(i);
        const QString itemPlace = jsonPointer(place, i);
        if (!value.isString()) {
            root.diagnostics().add(itemPlace,
                                   QStringLiteral("expected a string, found %1").arg(jsonTypeName(value)));
            continue;
        }
        const QString language = value.toString();
        if (!checkOneOf(language, ConfigVocabulary::languages(), QStringLiteral("language"), itemPlace,
                        root.diagnostics()))
            continue;
        if (languages.contains(language))
            root.diagnostics().add(itemPlace,
                                   QStringLiteral("language \"%1\" is listed twice").arg(language));
        else
            languages << language;
    }
    return languages;
}

SessionTimeouts readTimeouts(JsonObjectReader &root)
{
    SessionTimeouts t;
    auto object = root.object(QStringLiteral("timeouts"), Need::Optional);
    if (!object)
        return t;
    t.idleWarningSeconds =
        object->integer(QStringLiteral("idle_warning_seconds"), t.idleWarningSeconds, 10, 3600);
    t.idleAnswerSeconds =
        object->integer(QStringLiteral("idle_answer_seconds"), t.idleAnswerSeconds, 20, 600, kWcag);
    t.receiptScreenSeconds =
        object->integer(QStringLiteral("receipt_screen_seconds"), t.receiptScreenSeconds, 5, 600);
    t.goodbyeSeconds = object->integer(QStringLiteral("goodbye_seconds"), t.goodbyeSeconds, 1, 60);
    t.cardRemovedSeconds =
        object->integer(QStringLiteral("card_removed_seconds"), t.cardRemovedSeconds, 20, 600, kWcag);
    object->rejectUnknownKeys();
    return t;
}

SyncSettings readSync(JsonObjectReader &root, const QDir &configDir)
{
    SyncSettings s;
    auto object = root.object(QStringLiteral("sync"), Need::Optional);
    if (!object)
        return s;
    s.initialBackoffMs =
        object->integer(QStringLiteral("initial_backoff_ms"), s.initialBackoffMs, 100, 600000);
    s.maxBackoffMs = object->integer(QStringLiteral("max_backoff_ms"), s.maxBackoffMs, 100, 3600000);
    s.requestTimeoutMs =
        object->integer(QStringLiteral("request_timeout_ms"), s.requestTimeoutMs, 1000, 300000);
    s.requestDeadlineMs =
        object->integer(QStringLiteral("request_deadline_ms"), s.requestDeadlineMs, 1000, 600000);
    s.maxAnswerBytes =
        object->integer(QStringLiteral("max_answer_bytes"), s.maxAnswerBytes, 1024, 64 * 1024 * 1024);
    s.maxRetryAfterMs = object->integer(QStringLiteral("max_retry_after_ms"), s.maxRetryAfterMs, 0, 3600000);
    s.attachmentChunkBytes = object->integer(QStringLiteral("attachment_chunk_bytes"), s.attachmentChunkBytes,
                                             1024, 8 * 1024 * 1024);
    const auto path = [&](const QString &key) {
        const QString value = object->string(key, Need::Optional);
        return value.isEmpty() ? value : QDir::cleanPath(configDir.absoluteFilePath(value));
    };
    s.platformCaFile = path(QStringLiteral("platform_ca"));
    s.clientCertificateFile = path(QStringLiteral("client_certificate"));
    s.clientKeyFile = path(QStringLiteral("client_key"));
    s.allowInsecureHttp = object->boolean(QStringLiteral("allow_insecure_http"), false);
    if (s.clientCertificateFile.isEmpty() != s.clientKeyFile.isEmpty())
        object->diagnostics().add(object->placeOf(s.clientKeyFile.isEmpty()
                                                      ? QStringLiteral("client_certificate")
                                                      : QStringLiteral("client_key")),
                                  QStringLiteral("client_certificate and client_key go together"));
    if (s.maxBackoffMs < s.initialBackoffMs)
        object->diagnostics().add(
            object->placeOf(QStringLiteral("max_backoff_ms")),
            QStringLiteral("must not be less than initial_backoff_ms (%1)").arg(s.initialBackoffMs));
    object->rejectUnknownKeys();
    return s;
}

StoreSettings readStore(JsonObjectReader &root)
{
    StoreSettings s;
    auto object = root.object(QStringLiteral("store"), Need::Optional);
    if (!object)
        return s;
    s.keyFile = object->string(QStringLiteral("key_file"), Need::Optional);
    if (!s.keyFile.isEmpty() && !s.keyFile.startsWith(QLatin1Char('/')))
        object->diagnostics().add(object->placeOf(QStringLiteral("key_file")),
                                  QStringLiteral("expected an absolute path, found \"%1\"").arg(s.keyFile));
    s.retentionHours = object->integer(QStringLiteral("retention_hours"), s.retentionHours, 1, 8760);
    object->rejectUnknownKeys();
    return s;
}

WebSettings readWeb(JsonObjectReader &root)
{
    WebSettings s;
    auto object = root.object(QStringLiteral("web"), Need::Optional);
    if (!object)
        return s;
    s.allowLoopbackHttp = object->boolean(QStringLiteral("allow_loopback_http"), false);
    object->rejectUnknownKeys();
    return s;
}

// A PIN with its lock ("pin", "max_attempts", "lockout_seconds"): the technician's and the staff's.
void readPinLock(JsonObjectReader &object, TechnicianPin *pin, int *maxAttempts, int *lockoutSeconds)
{
    const QString text = object.string(QStringLiteral("pin"));
    QString error;
    if (!text.isEmpty() && !TechnicianPin::parse(text, pin, &error))
        object.diagnostics().add(object.placeOf(QStringLiteral("pin")), error);
    *maxAttempts = object.integer(QStringLiteral("max_attempts"), *maxAttempts, 1, 20);
    *lockoutSeconds = object.integer(QStringLiteral("lockout_seconds"), *lockoutSeconds, 30, 86400);
}

TechnicianSettings readTechnician(JsonObjectReader &root)
{
    TechnicianSettings t;
    auto object = root.object(QStringLiteral("technician"), Need::Optional);
    if (!object)
        return t;
    readPinLock(*object, &t.pin, &t.maxAttempts, &t.lockoutSeconds);
    t.idleSeconds = object->integer(QStringLiteral("idle_seconds"), t.idleSeconds, 30, 3600);
    object->rejectUnknownKeys();
    return t;
}

StaffSettings readStaff(JsonObjectReader &root)
{
    StaffSettings t;
    auto object = root.object(QStringLiteral("staff"), Need::Optional);
    if (!object)
        return t;
    readPinLock(*object, &t.pin, &t.maxAttempts, &t.lockoutSeconds);
    object->rejectUnknownKeys();
    return t;
}

QDateTime readUtcTime(JsonObjectReader &object, const QString &key)
{
    const QString text = object.string(key, Need::Optional);
    if (text.isEmpty())
        return QDateTime();
    static const QRegularExpression utc(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$"));
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!utc.match(text).hasMatch() || !time.isValid()) {
        object.diagnostics().add(object.placeOf(key),
                                 QStringLiteral("expected a UTC time as YYYY-MM-DDTHH:MM:SSZ"));
        return QDateTime();
    }
    return time.toUTC();
}

// "identity_tokens": the platform's Ed25519 public keys for personal identity codes (docs/config.md).
IdentityTokenSettings readIdentityTokens(JsonObjectReader &root)
{
    IdentityTokenSettings t;
    auto object = root.object(QStringLiteral("identity_tokens"), Need::Optional);
    if (!object)
        return t;
    t.maxLifetimeSeconds =
        object->integer(QStringLiteral("max_lifetime_seconds"), t.maxLifetimeSeconds, 30, 3600);
    t.clockSkewSeconds = object->integer(QStringLiteral("clock_skew_seconds"), t.clockSkewSeconds, 0, 600);
    t.replayCacheSize = object->integer(QStringLiteral("replay_cache_size"), t.replayCacheSize, 16, 1000000);
    const QString place = object->placeOf(QStringLiteral("keys"));
    if (const auto array = object->array(QStringLiteral("keys"))) {
        static const QRegularExpression kidPattern(QStringLiteral("^[A-Za-z0-9._-]{1,32}$"));
        for (int i = 0; i < array->size(); ++i) {
            auto keyObject = JsonObjectReader::from(array->at(i), jsonPointer(place, i), root.diagnostics());
            if (!keyObject)
                continue;
            IdentityTokenKey key;
            key.kid = keyObject->string(QStringLiteral("kid"));
            if (!key.kid.isEmpty() && !kidPattern.match(key.kid).hasMatch())
                keyObject->diagnostics().add(keyObject->placeOf(QStringLiteral("kid")),
                                             QStringLiteral("expected 1..32 of [A-Za-z0-9._-]"));
            for (const IdentityTokenKey &other : t.keys)
                if (!key.kid.isEmpty() && other.kid == key.kid)
                    keyObject->diagnostics().add(
                        keyObject->placeOf(QStringLiteral("kid")),
                        QStringLiteral("key id \"%1\" is listed twice").arg(key.kid));
            const QString publicKey = keyObject->string(QStringLiteral("public_key"));
            const auto decoded =
                QByteArray::fromBase64Encoding(publicKey.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!publicKey.isEmpty() && (!decoded || decoded.decoded.size() != 32))
                keyObject->diagnostics().add(
                    keyObject->placeOf(QStringLiteral("public_key")),
                    QStringLiteral("expected a 32-byte Ed25519 public key in base64"));
            else if (decoded)
                key.publicKey = decoded.decoded;
            key.notBefore = readUtcTime(*keyObject, QStringLiteral("not_before"));
            key.notAfter = readUtcTime(*keyObject, QStringLiteral("not_after"));
            if (key.notBefore.isValid() && key.notAfter.isValid() && key.notAfter <= key.notBefore)
                keyObject->diagnostics().add(keyObject->placeOf(QStringLiteral("not_after")),
                                             QStringLiteral("must be after not_before"));
            keyObject->rejectUnknownKeys();
            t.keys.append(key);
        }
    }
    object->rejectUnknownKeys();
    return t;
}

QMap<QString, QString> readOptions(JsonObjectReader &device)
{
    QMap<QString, QString> options;
    const auto object = device.object(QStringLiteral("options"), Need::Optional);
    if (!object)
        return options;
    // Options are driver-specific, so any key is accepted here: the driver reports keys it does not know.
    // Values are scalars, kept as text ("80", "true", "/dev/video0").
    const QJsonObject &json = object->json();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QJsonValue value = it.value();
        if (value.isString())
            options.insert(it.key(), value.toString());
        else if (value.isDouble())
            options.insert(it.key(), QString::number(value.toDouble(), 'g', 15));
        else if (value.isBool())
            options.insert(it.key(), value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else
            object->diagnostics().add(
                object->placeOf(it.key()),
                QStringLiteral("expected a string, number or true/false, found %1").arg(jsonTypeName(value)));
    }
    return options;
}

QVector<DeviceConfig> readDevices(JsonObjectReader &root)
{
    QVector<DeviceConfig> devices;
    const QString place = root.placeOf(QStringLiteral("devices"));
    const auto array = root.array(QStringLiteral("devices"));
    if (!array)
        return devices;
    static const QRegularExpression driverName(QStringLiteral("^[a-z][a-z0-9_-]*$"));
    for (int i = 0; i < array->size(); ++i) {
        auto object = JsonObjectReader::from(array->at(i), jsonPointer(place, i), root.diagnostics());
        if (!object)
            continue;
        DeviceConfig device;
        device.kind = object->oneOf(QStringLiteral("kind"), ConfigVocabulary::deviceKinds(),
                                    QStringLiteral("device kind"));
        device.driver = object->string(QStringLiteral("driver"));
        if (!device.driver.isEmpty() && !driverName.match(device.driver).hasMatch())
            object->diagnostics().add(
                object->placeOf(QStringLiteral("driver")),
                QStringLiteral("a driver name is lower case letters, digits, - and _, found \"%1\"")
                    .arg(device.driver));
        device.name = object->string(QStringLiteral("name"), Need::Optional, device.kind);
        device.options = readOptions(*object);
        object->rejectUnknownKeys();
        for (int j = 0; j < devices.size(); ++j) {
            if (!device.kind.isEmpty() && devices.at(j).kind == device.kind)
                root.diagnostics().add(
                    object->placeOf(QStringLiteral("kind")),
                    QStringLiteral("a second \"%1\" device (the first is %2); one device of each kind")
                        .arg(device.kind, jsonPointer(place, j)));
        }
        devices.append(device);
    }
    return devices;
}

} // namespace

ConfigResult<SiteConfig> SiteConfigLoader::load(const QString &path)
{
    ConfigDiagnostics diag(path);
    const auto data = readConfigFile(path, diag);
    return data ? parse(*data, path) : ConfigResult<SiteConfig>::failure(diag.errors());
}

ConfigResult<SiteConfig> SiteConfigLoader::parse(const QByteArray &json, const QString &fileName)
{
    ConfigDiagnostics diag(fileName);
    const auto document = parseConfigDocument(json, diag);
    if (!document)
        return ConfigResult<SiteConfig>::failure(diag.errors());

    JsonObjectReader root(*document, QStringLiteral("/"), diag);
    static const QRegularExpression centerIdPattern(QStringLiteral("^[A-Z0-9]+(-[A-Z0-9]+)*$"));
    SiteConfig site;
    root.string(QStringLiteral("$schema"), Need::Optional); // editors' hint, ignored
    site.centerId = root.string(QStringLiteral("center_id"));
    if (!site.centerId.isEmpty() && !centerIdPattern.match(site.centerId).hasMatch())
        diag.add(
            root.placeOf(QStringLiteral("center_id")),
            QStringLiteral("expected upper-case letters and digits in groups joined by '-', found \"%1\"")
                .arg(site.centerId));
    // The kiosk's own id: case numbers carry it, so two kiosks of one center never print the same number.
    static const QRegularExpression kioskIdPattern(QStringLiteral("^[A-Z0-9]{2,12}$"));
    site.kioskId = root.string(QStringLiteral("kiosk_id"));
    if (!site.kioskId.isEmpty() && !kioskIdPattern.match(site.kioskId).hasMatch())
        diag.add(root.placeOf(QStringLiteral("kiosk_id")),
                 QStringLiteral("expected 2 to 12 upper-case letters and digits (no '-'), found \"%1\"")
                     .arg(site.kioskId));
    site.centerName = root.text(QStringLiteral("center_name"));
    site.platformUrl = readWebUrl(root, QStringLiteral("platform_url"));
    site.trackingUrlTemplate = readTrackingTemplate(root, QStringLiteral("tracking_url_template"));
    site.languages = readLanguages(root);
    site.timeouts = readTimeouts(root);
    site.sync = readSync(root, QFileInfo(fileName).absoluteDir());
    site.store = readStore(root);
    site.devices = readDevices(root);
    site.technician = readTechnician(root);
    site.staff = readStaff(root);
    site.identityTokens = readIdentityTokens(root);
    site.web = readWeb(root);
    root.rejectUnknownKeys();

    if (diag.hasErrors())
        return ConfigResult<SiteConfig>::failure(diag.errors());
    return ConfigResult<SiteConfig>::success(site);
}
