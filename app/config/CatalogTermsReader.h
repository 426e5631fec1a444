#pragma once

#include "Catalog.h"
#include "JsonConfigReader.h"

// Categories and life events of catalog.json (docs/catalog.md): the top-level lists, and the references a
// service makes to them. Used only inside onestop_config by CatalogLoader.

// The optional list `key` ("categories", "life_events") of {id, name}: ids well formed and unique.
QVector<CatalogTerm> readCatalogTerms(JsonObjectReader &root, const QString &key, const QString &what);

// A service's "category" (required when the catalog declares categories, refused when it declares none)
// and "life_events" (optional, each a declared id, no repeats), and its optional "keywords" (strings).
void readServiceTerms(JsonObjectReader &service, const QVector<CatalogTerm> &categories,
                      const QVector<CatalogTerm> &lifeEvents, ServiceSpec &spec);
