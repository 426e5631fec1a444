#include "CatalogTermsReader.h"

#include <QHash>
#include <QRegularExpression>

namespace {

const QRegularExpression &idPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return pattern;
}

QStringList idsOf(const QVector<CatalogTerm> &terms)
{
    QStringList ids;
    for (const CatalogTerm &t : terms)
        ids << t.id;
    return ids;
}

// An id that must name one of terms; reports `what` with the declared ids otherwise.
bool checkReference(const QJsonValue &value, const QVector<CatalogTerm> &terms, const QString &what,
                    const QString &place, ConfigDiagnostics &diag)
{
    if (!value.isString()) {
        diag.add(place, QStringLiteral("expected a string, found %1").arg(jsonTypeName(value)));
        return false;
    }
    return checkOneOf(value.toString(), idsOf(terms), what, place, diag);
}

} // namespace

QVector<CatalogTerm> readCatalogTerms(JsonObjectReader &root, const QString &key, const QString &what)
{
    QVector<CatalogTerm> terms;
    const auto array = root.array(key, Need::Optional);
    if (!array)
        return terms;
    const QString place = root.placeOf(key);
    ConfigDiagnostics &diag = root.diagnostics();
    if (array->isEmpty())
        diag.add(place, QStringLiteral("must list at least one %1 (or leave the key out)").arg(what));
    QHash<QString, QString> seen;
    for (int i = 0; i < array->size(); ++i) {
        const QString itemPlace = jsonPointer(place, i);
        auto object = JsonObjectReader::from(array->at(i), itemPlace, diag);
        if (!object)
            continue;
        CatalogTerm term;
        term.id = object->string(QStringLiteral("id"));
        term.name = object->text(QStringLiteral("name"));
        object->rejectUnknownKeys();
        const QString idPlace = object->placeOf(QStringLiteral("id"));
        if (!term.id.isEmpty() && !idPattern().match(term.id).hasMatch())
            diag.add(
                idPlace,
                QStringLiteral("a %1 id is lower case words joined by '-', found \"%2\"").arg(what, term.id));
        const auto first = seen.constFind(term.id);
        if (!term.id.isEmpty() && first != seen.constEnd())
            diag.add(
                idPlace,
                QStringLiteral("duplicate %1 id \"%2\" (first at %3)").arg(what, term.id, first.value()));
        else
            seen.insert(term.id, itemPlace);
        terms.append(term);
    }
    return terms;
}

void readServiceTerms(JsonObjectReader &service, const QVector<CatalogTerm> &categories,
                      const QVector<CatalogTerm> &lifeEvents, ServiceSpec &spec)
{
    ConfigDiagnostics &diag = service.diagnostics();
    const QString categoryKey = QStringLiteral("category");
    if (categories.isEmpty()) {
        if (service.contains(categoryKey))
            diag.add(service.placeOf(categoryKey), QStringLiteral("the catalog declares no categories"));
    } else {
        const QString category = service.string(categoryKey);
        if (!category.isEmpty() && checkOneOf(category, idsOf(categories), QStringLiteral("category"),
                                              service.placeOf(categoryKey), diag))
            spec.category = category;
    }

    if (const auto events = service.array(QStringLiteral("life_events"), Need::Optional)) {
        const QString place = service.placeOf(QStringLiteral("life_events"));
        for (int i = 0; i < events->size(); ++i) {
            const QString itemPlace = jsonPointer(place, i);
            if (!checkReference(events->at(i), lifeEvents, QStringLiteral("life event"), itemPlace, diag))
                continue;
            const QString id = events->at(i).toString();
            if (spec.lifeEvents.contains(id))
                diag.add(itemPlace, QStringLiteral("life event \"%1\" is listed twice").arg(id));
            else
                spec.lifeEvents << id;
        }
    }

    if (const auto words = service.array(QStringLiteral("keywords"), Need::Optional)) {
        const QString place = service.placeOf(QStringLiteral("keywords"));
        for (int i = 0; i < words->size(); ++i) {
            const QJsonValue value = words->at(i);
            if (!value.isString() || value.toString().trimmed().isEmpty())
                diag.add(jsonPointer(place, i),
                         QStringLiteral("expected a word, found %1")
                             .arg(value.isString() ? QStringLiteral("a blank string") : jsonTypeName(value)));
            else
                spec.keywords << value.toString().trimmed();
        }
    }
}
