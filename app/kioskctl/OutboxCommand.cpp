// kioskctl outbox list | requeue | export: the items the platform refused for good ("parked").
//   kioskctl outbox list --data-dir DIR [--key-file FILE]        one JSON line per parked item, with the
//                                                                 platform's reason (may quote the form:
//                                                                 for the technician's screen only)
//   kioskctl outbox requeue SEQ... --data-dir DIR [--key-file F]  parked -> pending, sent again at once
//   kioskctl outbox export --data-dir DIR [--key-file F]         JSON without personal data (docs/store.md)

#include "CaseStore.h"
#include "KioskctlCommand.h"
#include "OutboxBodies.h"
#include "StoreAccess.h"

#include <QJsonDocument>
#include <QJsonObject>

int runOutbox(const QStringList &arguments)
{
    StoreAccess access;
    const QString action = arguments.value(0);
    static const QStringList actions{QStringLiteral("list"), QStringLiteral("requeue"),
                                     QStringLiteral("export")};
    if (!actions.contains(action) || !access.parse(arguments.mid(1), "outbox") ||
        (action == QLatin1String("requeue")) == access.rest.isEmpty()) {
        std::fprintf(stderr, "usage: kioskctl outbox list|export --data-dir DIR [--key-file FILE]\n"
                             "       kioskctl outbox requeue SEQ... --data-dir DIR [--key-file FILE]\n");
        return 64;
    }
    FileKeyProvider keys(access.keyFile);
    QString error;
    std::unique_ptr<CaseStore> store = CaseStore::open(access.dataDir, keys, &error);
    if (!store) {
        std::fprintf(stderr, "kioskctl outbox: the store cannot be opened: %s\n", qPrintable(error));
        return 3;
    }
    if (action == QLatin1String("list")) {
        QVector<ParkedItem> items;
        if (!store->parkedItems(&items, &error)) {
            std::fprintf(stderr, "kioskctl outbox: %s\n", qPrintable(error));
            return 3;
        }
        for (const ParkedItem &item : items)
            std::printf("%s\n",
                        QJsonDocument(QJsonObject{{QStringLiteral("seq"), item.seq},
                                                  {QStringLiteral("kind"), item.kind},
                                                  {QStringLiteral("case_id"), item.refId},
                                                  {QStringLiteral("case_number"), item.caseNumber},
                                                  {QStringLiteral("attempts"), item.attempts},
                                                  {QStringLiteral("parked_at"), storedTime(item.parkedAt)},
                                                  {QStringLiteral("reason"), item.reason}})
                            .toJson(QJsonDocument::Compact)
                            .constData());
        return 0;
    }
    if (action == QLatin1String("export")) {
        QByteArray json;
        if (!store->exportParked(&json, &error)) {
            std::fprintf(stderr, "kioskctl outbox: %s\n", qPrintable(error));
            return 3;
        }
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return 0;
    }
    int status = 0;
    for (const QString &text : access.rest) {
        bool ok = false;
        const qint64 seq = text.toLongLong(&ok);
        if (!ok || !store->requeue(seq, &error)) {
            std::fprintf(stderr, "kioskctl outbox requeue %s: %s\n", qPrintable(text),
                         ok ? qPrintable(error) : "not an outbox sequence number");
            status = 3;
            continue;
        }
        std::printf("{\"requeued\":%lld}\n", static_cast<long long>(seq));
    }
    return status;
}
