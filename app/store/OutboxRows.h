#pragma once

#include <QByteArray>
#include <QString>

class Database;
class FieldCipher;

// Inside the store: appends one pending outbox item in the caller's transaction. The row is inserted first
// and its body sealed afterwards with the new seq as associated data ("outbox.body|<seq>").
bool enqueueOutboxItem(Database &db, const FieldCipher &cipher, const QString &kind, const QString &refId,
                       const QString &idempotencyKey, const QByteArray &body, const QString &createdAt,
                       QString *error);
