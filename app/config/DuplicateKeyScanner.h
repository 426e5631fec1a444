#pragma once

#include <QByteArray>
#include <QStringList>

// QJsonDocument silently keeps the last of two equal keys in one object. This scans text that already
// parsed as JSON and returns the JSON pointer of every repeated key, in document order.
QStringList duplicateKeyPlaces(const QByteArray &json);
