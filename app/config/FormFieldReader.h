#pragma once

#include "Catalog.h"
#include "JsonConfigReader.h"

// Reads and checks one entry of a service's "fields" array (format: docs/catalog.md). Used by CatalogLoader.
FormFieldSpec readFormField(JsonObjectReader &object);
