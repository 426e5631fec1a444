#include "JsonConfigReader.h"

#include "DuplicateKeyScanner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

QString jsonPointer(const QString &parent, const QString &key)
{
    QString escaped = key;
    escaped.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
    return (parent == QLatin1String("/") ? QString() : parent) + QLatin1Char('/') + escaped;
}

QString jsonPointer(const QString &parent, int index)
{
    return jsonPointer(parent, QString::number(index));
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true/false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

static QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// Levenshtein distance, for "did you mean" hints on misspelt keys and words.
static int editDistance(const QString &a, const QString &b)
{
    QVector<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

static QString closest(const QString &word, const QStringList &candidates)
{
    // At most one edit per three characters (and at least one): "txt" -> "text", but "fr" suggests nothing.
    QString best;
    int bestDistance = std::max(1, int(word.size()) / 3) + 1;
    for (const QString &c : candidates) {
        const int d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

std::optional<QByteArray> readConfigFile(const QString &path, ConfigDiagnostics &diag)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        diag.add(QStringLiteral("/"), QStringLiteral("cannot open file: %1").arg(file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

static QString lineAndColumn(const QByteArray &data, int offset)
{
    offset = std::clamp(offset, 0, int(data.size()));
    const QByteArray before = data.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int lineStart = int(before.lastIndexOf('\n')) + 1;
    const int column = int(QString::fromUtf8(before.mid(lineStart)).toUcs4().size()) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

std::optional<QJsonObject> parseConfigDocument(const QByteArray &data, ConfigDiagnostics &diag)
{
    if (data.trimmed().isEmpty()) {
        diag.add(QStringLiteral("/"), QStringLiteral("file is empty"));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        diag.add(lineAndColumn(data, error.offset),
                 QStringLiteral("JSON syntax error: %1").arg(error.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        diag.add(QStringLiteral("/"), QStringLiteral("expected an object, found %1")
                                          .arg(document.isArray() ? QStringLiteral("an array")
                                                                  : QStringLiteral("a single value")));
        return std::nullopt;
    }
    for (const QString &place : duplicateKeyPlaces(data))
        diag.add(place, QStringLiteral("duplicate key (JSON keeps only the last one)"));
    return document.object();
}

bool checkOneOf(const QString &value, const QStringList &allowed, const QString &what, const QString &place,
                ConfigDiagnostics &diag)
{
    if (allowed.contains(value))
        return true;
    const QString hint = closest(value, allowed);
    diag.add(place,
             QStringLiteral("unknown %1 %2; expected one of: %3%4")
                 .arg(what, quoted(value), allowed.join(QLatin1String(", ")),
                      hint.isEmpty() ? QString() : QStringLiteral(" (did you mean %1?)").arg(quoted(hint))));
    return false;
}

JsonObjectReader::JsonObjectReader(QJsonObject object, QString place, ConfigDiagnostics &diag)
    : m_object(std::move(object)), m_place(std::move(place)), m_diag(&diag)
{
}

std::optional<JsonObjectReader> JsonObjectReader::from(const QJsonValue &value, const QString &place,
                                                       ConfigDiagnostics &diag)
{
    if (!value.isObject()) {
        diag.add(place, QStringLiteral("expected an object, found %1").arg(jsonTypeName(value)));
        return std::nullopt;
    }
    return JsonObjectReader(value.toObject(), place, diag);
}

bool JsonObjectReader::contains(const QString &key)
{
    m_known.insert(key);
    return m_object.contains(key);
}

std::optional<QJsonValue> JsonObjectReader::take(const QString &key, Need need)
{
    if (!contains(key)) {
        if (need == Need::Required)
            m_diag->add(placeOf(key), QStringLiteral("required key %1 is missing").arg(quoted(key)));
        return std::nullopt;
    }
    return m_object.value(key);
}

QString JsonObjectReader::string(const QString &key, Need need, const QString &fallback)
{
    const auto value = take(key, need);
    if (!value)
        return fallback;
    if (!value->isString()) {
        m_diag->add(placeOf(key), QStringLiteral("expected a string, found %1").arg(jsonTypeName(*value)));
        return fallback;
    }
    const QString text = value->toString();
    if (need == Need::Required && text.trimmed().isEmpty()) {
        m_diag->add(placeOf(key), QStringLiteral("must not be empty"));
        return fallback;
    }
    return text;
}

QString JsonObjectReader::oneOf(const QString &key, const QStringList &allowed, const QString &what,
                                Need need, const QString &fallback)
{
    if (!m_object.contains(key) || !m_object.value(key).isString())
        return string(key, need, fallback); // reports missing / wrong type
    const QString word = string(key, Need::Optional);
    return checkOneOf(word, allowed, what, placeOf(key), *m_diag) ? word : fallback;
}

int JsonObjectReader::integer(const QString &key, int fallback, int minimum, int maximum, const QString &why)
{
    const auto value = take(key, Need::Optional);
    if (!value)
        return fallback;
    const double number = value->toDouble();
    if (!value->isDouble() || std::floor(number) != number) {
        m_diag->add(placeOf(key),
                    QStringLiteral("expected a whole number, found %1")
                        .arg(value->isDouble() ? QString::number(number) : jsonTypeName(*value)));
        return fallback;
    }
    if (number < minimum || number > maximum) {
        m_diag->add(placeOf(key), QStringLiteral("must be between %1 and %2, found %3%4")
                                      .arg(minimum)
                                      .arg(maximum)
                                      .arg(QString::number(number, 'f', 0),
                                           why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)));
        return fallback;
    }
    return int(number);
}

std::optional<bool> JsonObjectReader::optionalBoolean(const QString &key)
{
    const auto value = take(key, Need::Optional);
    if (!value)
        return std::nullopt;
    if (!value->isBool()) {
        m_diag->add(placeOf(key),
                    QStringLiteral("expected true or false, found %1").arg(jsonTypeName(*value)));
        return std::nullopt;
    }
    return value->toBool();
}

bool JsonObjectReader::boolean(const QString &key, bool fallback)
{
    return optionalBoolean(key).value_or(fallback);
}

std::optional<double> JsonObjectReader::number(const QString &key)
{
    const auto value = take(key, Need::Optional);
    if (!value)
        return std::nullopt;
    if (!value->isDouble()) {
        m_diag->add(placeOf(key), QStringLiteral("expected a number, found %1").arg(jsonTypeName(*value)));
        return std::nullopt;
    }
    return value->toDouble();
}

LocalizedText JsonObjectReader::text(const QString &key, Need need)
{
    const auto value = take(key, need);
    return value ? readLocalizedText(*value, placeOf(key), *m_diag) : LocalizedText();
}

std::optional<JsonObjectReader> JsonObjectReader::object(const QString &key, Need need)
{
    const auto value = take(key, need);
    return value ? from(*value, placeOf(key), *m_diag) : std::nullopt;
}

std::optional<QJsonArray> JsonObjectReader::array(const QString &key, Need need)
{
    const auto value = take(key, need);
    if (!value)
        return std::nullopt;
    if (!value->isArray()) {
        m_diag->add(placeOf(key), QStringLiteral("expected an array, found %1").arg(jsonTypeName(*value)));
        return std::nullopt;
    }
    return value->toArray();
}

void JsonObjectReader::rejectUnknownKeys()
{
    QStringList known(m_known.cbegin(), m_known.cend());
    known.sort(); // deterministic "did you mean" hints
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (m_known.contains(it.key()))
            continue;
        const QString hint = closest(it.key(), known);
        m_diag->add(
            placeOf(it.key()),
            hint.isEmpty()
                ? QStringLiteral("unknown key %1").arg(quoted(it.key()))
                : QStringLiteral("unknown key %1 (did you mean %2?)").arg(quoted(it.key()), quoted(hint)));
    }
}

LocalizedText readLocalizedText(const QJsonValue &value, const QString &place, ConfigDiagnostics &diag)
{
    auto reader = JsonObjectReader::from(value, place, diag);
    if (!reader)
        return {};
    LocalizedText text;
    text.zh = reader->string(QStringLiteral("zh"));
    text.en = reader->string(QStringLiteral("en"));
    reader->rejectUnknownKeys();
    return text;
}
