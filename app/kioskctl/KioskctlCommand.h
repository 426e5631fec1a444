#pragma once

#include <QStringList>

// One `kioskctl` subcommand: its name, a one-line summary, and the function that runs it with the
// arguments after the name. Output goes to stdout (results) and stderr (problems); the return value is
// the process exit code.
struct KioskctlCommand
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

// The commands, each in its own file.
int runSamDecode(const QStringList &arguments);    // SamDecodeCommand.cpp
int runEscposDecode(const QStringList &arguments); // EscposDecodeCommand.cpp
int runPrintTest(const QStringList &arguments);    // PrintTestCommand.cpp (print-test receipt | document)
int runIdcard(const QStringList &arguments);       // IdcardCommand.cpp
int runDevices(const QStringList &arguments);      // DevicesCommand.cpp
int runScanImage(const QStringList &arguments);    // ScanImageCommand.cpp
int runScan(const QStringList &arguments);         // ScanCommand.cpp (scan listen)
int runPinHash(const QStringList &arguments);      // PinHashCommand.cpp
int runPrintTestDocument(const QStringList &arguments); // PrintTestDocumentCommand.cpp (print-test document)
int runStore(const QStringList &arguments);          // StoreCommand.cpp (store list | recover)
int runOutbox(const QStringList &arguments);         // OutboxCommand.cpp (outbox list | requeue | export)
