#pragma once

#include "Catalog.h"

class JsonObjectReader;

// The keys of a web service (kind "web") in catalog.json: start_url and allowed_origins, checked with
// the web view's own origin rules (app/web/WebOrigin). https origins, or http to loopback (which the site
// must allow: ConfigConsistency); the start URL's origin is on the list. Errors name the service.
void readWebServiceKeys(JsonObjectReader &object, ServiceSpec &service);
