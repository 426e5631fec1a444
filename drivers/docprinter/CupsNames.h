#pragma once

#include <QByteArray>
#include <QString>

// The names the kiosk gives a job at the print server, made safe for every cupsd in the field.
//
// Why: Debian 12's cups-daemon 2.4.2-3+deb12u10 (a security update every fresh machine gets) crashes with
// SIGSEGV in get_options() (scheduler/job.c) while starting a job whose document-name contains a space; a
// crashed cupsd loses every job in hand and refuses the kiosk until it is restarted. Nothing in IPP needs a
// readable document-name, so the kiosk sends only a token there, and keeps the readable text in job-name.
namespace CupsNames {

// document-name: "onestop-<requestId as [A-Za-z0-9._-]>.pdf", at most 64 bytes. Every other character of
// the request id (spaces, tabs, control characters, non-ASCII) becomes '-'; an empty id gives "onestop.pdf".
QByteArray documentName(const QString &requestId);

// job-name: the caller's readable name with control characters (tabs, line breaks, DEL, C1) turned into
// spaces, runs of whitespace collapsed, trimmed, and cut to at most 255 bytes of UTF-8 (IPP's limit for a
// name) without splitting a character. Empty gives "onestop".
QByteArray jobName(const QString &name);

} // namespace CupsNames
