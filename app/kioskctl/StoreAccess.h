#pragma once

// Shared by `kioskctl store` and `kioskctl outbox`: the options that locate the case store and its key.
//   --data-dir DIR      the kiosk's data directory (the one it runs with --data-dir)
//   --key-file FILE     the store key, when site.json names one (store.key_file); default DIR/keys/store.key

#include "KeyProvider.h"

#include <QString>
#include <QStringList>

#include <cstdio>

struct StoreAccess
{
    QString dataDir;
    QString keyFile;
    QStringList rest; // the arguments left after the options

    // False (and a message on stderr) on a bad option or a missing --data-dir.
    bool parse(const QStringList &arguments, const char *command)
    {
        for (int i = 0; i < arguments.size(); ++i) {
            const QString &a = arguments.at(i);
            if ((a == QLatin1String("--data-dir") || a == QLatin1String("--key-file")) &&
                i + 1 < arguments.size()) {
                (a == QLatin1String("--data-dir") ? dataDir : keyFile) = arguments.at(++i);
            } else if (a.startsWith(QLatin1String("--"))) {
                std::fprintf(stderr, "kioskctl %s: unknown option %s\n", command, qPrintable(a));
                return false;
            } else {
                rest << a;
            }
        }
        if (dataDir.isEmpty()) {
            std::fprintf(stderr, "kioskctl %s: --data-dir DIR is required\n", command);
            return false;
        }
        if (keyFile.isEmpty())
            keyFile = FileKeyProvider::defaultPath(dataDir);
        return true;
    }
};
