#pragma once

#include <QString>

// The first check every scanner driver makes on a decoded payload, before anyone sees it. Payloads are
// hostile input: this bounds the size and keeps control characters (which could end a line, a field or a
// terminal escape early) out of the app. Shape and signatures are checked later by whoever consumes the code.
// Returns what is wrong, or an empty string when the payload may be delivered. Pure function, any thread.
//  - empty payload
//  - more than CodeScanner::maxPayloadBytes bytes in UTF-8: "payload too long: N bytes, limit 4096"
//  - a control character (C0 except tab, DEL, C1): "payload contains control character U+001B at index 5"
QString scanPayloadProblem(const QString &text);
