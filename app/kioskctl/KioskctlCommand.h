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
