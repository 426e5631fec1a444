#pragma once

#include "ConfigError.h"
#include "LocalizedText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

#include <optional>

// The shared machinery of the config loaders: every accessor reports what is wrong to the diagnostics and
// returns a fallback, so a loader reads the whole file in one pass and collects every error, not only the
// first. Used only inside onestop_config.

// Collects the errors of one file.
class ConfigDiagnostics
{
public:
    explicit ConfigDiagnostics(QString file) : m_file(std::move(file)) {}
    void add(const QString &place, const QString &message) { m_errors.append({m_file, place, message}); }
    const QString &file() const { return m_file; }
    const ConfigErrors &errors() const { return m_errors; }
    bool hasErrors() const { return !m_errors.isEmpty(); }

private:
    QString m_file;
    ConfigErrors m_errors;
};

enum class Need { Required, Optional };

// RFC 6901 pointers: "/a~1b" for the key "a/b" under the root, "/services/3" for an index.
QString jsonPointer(const QString &parent, const QString &key);
QString jsonPointer(const QString &parent, int index);

// "a string", "a number", "an object", ... for messages like "expected a string, found a number".
QString jsonTypeName(const QJsonValue &value);

// The file's bytes, or an error at "/" if it cannot be read.
std::optional<QByteArray> readConfigFile(const QString &path, ConfigDiagnostics &diag);
// The root object, or errors: an empty file, a syntax error at "line L, column C", a root that is not an
// object. A UTF-8 byte-order mark is skipped.
std::optional<QJsonObject> parseConfigDocument(const QByteArray &data, ConfigDiagnostics &diag);

// A closed-vocabulary value: reports `what` ("device kind") with the allowed words when value is unknown.
bool checkOneOf(const QString &value, const QStringList &allowed, const QString &what, const QString &place,
                ConfigDiagnostics &diag);

// One JSON object at a place in a file. Every key read through an accessor counts as known, present or
// not; rejectUnknownKeys() then reports the others, so a misspelt key is never silently ignored.
class JsonObjectReader
{
public:
    JsonObjectReader(QJsonObject object, QString place, ConfigDiagnostics &diag);
    // A reader for value if it is an object; otherwise an error at place and nullopt.
    static std::optional<JsonObjectReader> from(const QJsonValue &value, const QString &place,
                                                ConfigDiagnostics &diag);

    const QString &place() const { return m_place; }
    QString placeOf(const QString &key) const { return jsonPointer(m_place, key); }
    ConfigDiagnostics &diagnostics() const { return *m_diag; }
    const QJsonObject &json() const { return m_object; } // for free-form maps; keys read here are not tracked
    bool contains(const QString &key);                   // declares key as known

    // Required strings must not be blank; optional ones return fallback when absent.
    QString string(const QString &key, Need need = Need::Required, const QString &fallback = QString());
    // A string from a closed vocabulary; `what` names it in messages ("field type").
    QString oneOf(const QString &key, const QStringList &allowed, const QString &what,
                  Need need = Need::Required, const QString &fallback = QString());
    // An optional whole number in [minimum, maximum]; `why` is appended to range errors.
    int integer(const QString &key, int fallback, int minimum, int maximum, const QString &why = QString());
    bool boolean(const QString &key, bool fallback);
    std::optional<bool> optionalBoolean(const QString &key);
    std::optional<double> number(const QString &key); // optional
    LocalizedText text(const QString &key, Need need = Need::Required);
    std::optional<JsonObjectReader> object(const QString &key, Need need = Need::Required);
    std::optional<QJsonArray> array(const QString &key, Need need = Need::Required);

    void rejectUnknownKeys();

private:
    std::optional<QJsonValue> take(const QString &key, Need need);

    QJsonObject m_object;
    QString m_place;
    ConfigDiagnostics *m_diag;
    QSet<QString> m_known;
};

// {"zh": "...", "en": "..."}: both present, neither blank, no other keys.
LocalizedText readLocalizedText(const QJsonValue &value, const QString &place, ConfigDiagnostics &diag);
