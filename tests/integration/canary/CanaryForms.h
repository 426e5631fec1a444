#pragma once

// Every byte form in which a canary could sit in a file: the kiosk writes text as UTF-8 (store, JSON,
// logs), GB18030 (receipt paper in Chinese mode), UTF-16 (the SAM reader's card fields) and base64 of any
// of them (bodies, images). The GB18030 form comes from glibc's iconv, not from the kiosk's encoder, so the
// oracle does not share the code it checks.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

struct CanaryNeedle
{
    QString label;    // "J1 name (gb18030, base64)": what leaked, for the failure message
    QByteArray bytes; // what to look for
};

namespace CanaryForms {
// GB18030 bytes of a text (empty if iconv cannot encode it, which fails the test that asks).
QByteArray gb18030(const QString &text);
// base64 and base64url of `bytes` wherever it starts in a longer stream (three alignments, edge
// characters cut).
QList<QByteArray> base64Forms(const QByteArray &bytes);
// UTF-8, GB18030, UTF-16LE, UTF-16BE, and base64 of each. A text's ASCII part (its Latin core) is also
// given alone by the journeys, which finds it inside JSON \u escapes and in partial copies.
QList<CanaryNeedle> textNeedles(const QString &label, const QString &text);
// Raw bytes and their base64 forms (an image's distinctive runs).
QList<CanaryNeedle> byteNeedles(const QString &label, const QByteArray &bytes);
// "<file>: <label>" for each needle found in a file under `folder` (recursively, hidden files too).
QStringList findInFiles(const QString &folder, const QList<CanaryNeedle> &needles);
// The labels of the needles found in `bytes`.
QStringList findInBytes(const QByteArray &bytes, const QList<CanaryNeedle> &needles);
} // namespace CanaryForms
