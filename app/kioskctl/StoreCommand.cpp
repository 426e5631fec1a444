// kioskctl store list | recover: quarantined case stores (damaged files the kiosk moved aside) with the
// cases the platform does not have yet, and bringing those cases back into the live outbox, exactly once.
//   kioskctl store list --data-dir DIR [--key-file FILE]
//   kioskctl store recover --data-dir DIR [--key-file FILE] [QUARANTINED_FILE ...]   (default: all)
// One JSON object per line on stdout. Exit 0 when everything could be read / recovered, 3 otherwise.

#include "CaseStore.h"
#include "KioskctlCommand.h"
#include "StoreAccess.h"
#include "StoreRecovery.h"

#include <QJsonDocument>
#include <QJsonObject>

static void printJson(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
}

int runStore(const QStringList &arguments)
{
    StoreAccess access;
    const QString action = arguments.value(0);
    if ((action != QLatin1String("list") && action != QLatin1String("recover")) ||
        !access.parse(arguments.mid(1), "store")) {
        std::fprintf(
            stderr,
            "usage: kioskctl store list|recover --data-dir DIR [--key-file FILE] [QUARANTINED_FILE ...]\n");
        return 64;
    }
    FileKeyProvider keys(access.keyFile);
    QString error;
    std::unique_ptr<CaseStore> live = CaseStore::open(access.dataDir, keys, &error);
    if (!live)
        std::fprintf(stderr, "kioskctl store: the live store cannot be opened: %s\n", qPrintable(error));
    int status = live ? 0 : 3;
    if (action == QLatin1String("list")) {
        for (const QuarantinedStoreInfo &info : inspectQuarantinedStores(access.dataDir, keys, live.get())) {
            QJsonObject line{{QStringLiteral("file"), info.file},
                             {QStringLiteral("readable"), info.readable}};
            if (info.quarantinedAt.isValid())
                line.insert(QStringLiteral("quarantined_at"), info.quarantinedAt.toString(Qt::ISODate));
            if (!info.reason.isEmpty())
                line.insert(QStringLiteral("reason"), info.reason);
            if (info.readable) {
                line.insert(QStringLiteral("unsynced_cases"), info.unsyncedCases);
                if (info.notRecovered >= 0)
                    line.insert(QStringLiteral("not_recovered"), info.notRecovered);
            } else {
                line.insert(QStringLiteral("problem"), info.problem);
                status = 3;
            }
            printJson(line);
        }
        return status;
    }
    if (!live)
        return 3;
    const QStringList files =
        access.rest.isEmpty() ? CaseStore::quarantinedFiles(access.dataDir) : access.rest;
    for (const QString &file : files) {
        const int added = recoverQuarantinedStore(file, keys, *live, &error);
        QJsonObject line{{QStringLiteral("file"), file}};
        if (added < 0) {
            line.insert(QStringLiteral("problem"), error);
            status = 3;
        } else {
            line.insert(QStringLiteral("recovered_cases"), added);
        }
        printJson(line);
    }
    return status;
}
