#include "CertificateTemplate.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {
const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{([a-z][a-z0-9_]*)\\}"));
    return pattern;
}

QStringList placeholdersIn(const QString &text)
{
    QStringList names;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext())
        names.append(it.next().captured(1));
    return names;
}

// Reads {"zh": ..., "en": ...}; `required`: zh must be present and non-empty.
bool readText(const QJsonObject &object, const QString &key, bool required, CertificateTemplate::Text *out,
              QString *problem)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return true;
    if (!value.isObject()) {
        *problem = key + QStringLiteral(": expected an object {\"zh\": ..., \"en\": ...}");
        return false;
    }
    const QJsonObject text = value.toObject();
    for (auto it = text.begin(); it != text.end(); ++it) {
        if (it.key() != QLatin1String("zh") && it.key() != QLatin1String("en")) {
            *problem = key + QStringLiteral(": unknown language \"%1\" (zh, en)").arg(it.key());
            return false;
        }
        if (!it.value().isString()) {
            *problem = key + QLatin1Char('.') + it.key() + QStringLiteral(": expected a string");
            return false;
        }
    }
    out->zh = text.value(QLatin1String("zh")).toString();
    out->en = text.value(QLatin1String("en")).toString();
    if (out->zh.trimmed().isEmpty()) {
        *problem = key + QStringLiteral(".zh: missing or empty (Chinese is the reference text)");
        return false;
    }
    return true;
}
} // namespace

std::optional<CertificateTemplate> CertificateTemplate::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll(), QFileInfo(path).fileName(), error);
}

std::optional<CertificateTemplate> CertificateTemplate::parse(const QByteArray &json, const QString &fileName,
                                                              QString *error)
{
    auto fail = [&](const QString &problem) {
        if (error)
            *error = fileName + QStringLiteral(": ") + problem;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return fail(QStringLiteral("expected a JSON object"));
    const QJsonObject root = document.object();

    static const QStringList known = {QStringLiteral("$comment"),    QStringLiteral("id"),
                                      QStringLiteral("title"),       QStringLiteral("addressee"),
                                      QStringLiteral("paragraphs"),  QStringLiteral("closing"),
                                      QStringLiteral("placeholders")};
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!known.contains(it.key()))
            return fail(QStringLiteral("unknown key \"%1\"").arg(it.key()));

    CertificateTemplate t;
    t.id = root.value(QLatin1String("id")).toString();
    if (!QRegularExpression(QStringLiteral("^[a-z][a-z0-9-]*$")).match(t.id).hasMatch())
        return fail(QStringLiteral("id: expected lower-case letters, digits and '-'"));
    QString problem;
    if (!readText(root, QStringLiteral("title"), true, &t.title, &problem) ||
        !readText(root, QStringLiteral("addressee"), false, &t.addressee, &problem) ||
        !readText(root, QStringLiteral("closing"), false, &t.closing, &problem))
        return fail(problem);
    const QJsonValue paragraphs = root.value(QLatin1String("paragraphs"));
    if (!paragraphs.isArray() || paragraphs.toArray().isEmpty())
        return fail(QStringLiteral("paragraphs: expected a non-empty array"));
    const QJsonArray array = paragraphs.toArray();
    for (int i = 0; i < array.size(); ++i) {
        Text text;
        QJsonObject holder;
        const QString key = QStringLiteral("paragraphs[%1]").arg(i);
        holder.insert(key, array.at(i));
        if (!readText(holder, key, true, &text, &problem))
            return fail(problem);
        t.paragraphs.append(text);
    }

    // The declared placeholders; every one the texts use must be declared, and each declared one used.
    const QJsonValue declared = root.value(QLatin1String("placeholders"));
    if (!declared.isArray())
        return fail(QStringLiteral("placeholders: expected an array of names"));
    for (const QJsonValue &name : declared.toArray()) {
        if (!name.isString() ||
            !placeholderPattern().match(QLatin1Char('{') + name.toString() + QLatin1Char('}')).hasMatch())
            return fail(
                QStringLiteral("placeholders: \"%1\" is not a name (a-z, 0-9, _)").arg(name.toString()));
        t.placeholders.append(name.toString());
    }
    QVector<std::pair<QString, const Text *>> texts = {{QStringLiteral("title"), &t.title},
                                                       {QStringLiteral("addressee"), &t.addressee},
                                                       {QStringLiteral("closing"), &t.closing}};
    for (int i = 0; i < t.paragraphs.size(); ++i)
        texts.append({QStringLiteral("paragraphs[%1]").arg(i), &t.paragraphs.at(i)});
    QStringList used;
    for (const auto &[place, text] : texts) {
        for (const auto &[language, value] :
             {std::pair{QStringLiteral("zh"), text->zh}, std::pair{QStringLiteral("en"), text->en}}) {
            for (const QString &name : placeholdersIn(value)) {
                if (!t.placeholders.contains(name))
                    return fail(QStringLiteral("%1.%2: unknown placeholder {%3}").arg(place, language, name));
                used.append(name);
            }
        }
    }
    for (const QString &name : t.placeholders)
        if (!used.contains(name))
            return fail(QStringLiteral("placeholders: {%1} is declared but no text uses it").arg(name));
    return t;
}

QString CertificateTemplate::fillText(const Text &text, const QString &language,
                                      const QMap<QString, QString> &values, QString *error) const
{
    QString out;
    const QString source = text.in(language);
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(source);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        const QString value = values.value(name).trimmed();
        if (value.isEmpty()) {
            if (error)
                *error = QStringLiteral("%1: no value for {%2}").arg(id, name);
            return QString();
        }
        out += source.mid(last, match.capturedStart() - last) + value;
        last = match.capturedEnd();
    }
    out += source.mid(last);
    return out;
}

QStringList CertificateTemplate::fill(const QString &language, const QMap<QString, QString> &values,
                                      QString *error) const
{
    QStringList filled;
    for (const Text &paragraph : paragraphs) {
        QString problem;
        const QString text = fillText(paragraph, language, values, &problem);
        if (!problem.isEmpty()) {
            if (error)
                *error = problem;
            return QStringList();
        }
        filled.append(text);
    }
    return filled;
}
