#pragma once

// Raw-bytes scans for personal data: every file under a folder, searched for a needle in the encodings
// the kiosk uses. Shared by the store tests.

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>

// A fixed canary with a known GB18030 form (computed once with Python's codec; Qt 6.4 has no GB18030
// encoder without ICU).
inline QString canaryText()
{
    return QStringLiteral("金丝雀CANARY测试甲");
}
inline QByteArray canaryGb18030()
{
    return QByteArray::fromHex("bdf0cbbfc8b843414e415259b2e2cad4bcd7");
}

// base64 of `bytes` wherever it starts in a longer stream: the three alignments, without the edge
// characters that depend on the neighbouring bytes.
inline QList<QByteArray> base64Forms(const QByteArray &bytes)
{
    QList<QByteArray> forms;
    for (int offset = 0; offset < 3; ++offset) {
        QByteArray encoded = (QByteArray(offset, '\0') + bytes).toBase64();
        encoded = encoded.mid(offset == 0 ? 0 : 4);
        encoded.chop(4);
        if (encoded.size() >= 8)
            forms << encoded;
    }
    return forms;
}

// The needles for a text: UTF-8, base64 of UTF-8, plus any extra forms given.
inline QList<QByteArray> textForms(const QString &text, const QList<QByteArray> &extra = {})
{
    QList<QByteArray> forms{text.toUtf8()};
    forms += base64Forms(text.toUtf8());
    forms += extra;
    return forms;
}

// "<file>: <needle as hex>" for each needle found in a file under `folder` (recursively, hidden files too).
inline QStringList findInFiles(const QString &folder, const QList<QByteArray> &needles)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            found << path + QStringLiteral(": cannot be read");
            continue;
        }
        const QByteArray bytes = file.readAll();
        for (const QByteArray &needle : needles) {
            if (bytes.contains(needle))
                found << path + QStringLiteral(": ") + QString::fromLatin1(needle.toHex());
        }
    }
    return found;
}
