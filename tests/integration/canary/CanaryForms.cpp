#include "CanaryForms.h"

#include <QDirIterator>
#include <QFile>

#include <iconv.h>

namespace CanaryForms {

QByteArray gb18030(const QString &text)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == iconv_t(-1))
        return {};
    QByteArray in = text.toUtf8();
    QByteArray out(in.size() * 4 + 16, '\0');
    char *inPtr = in.data();
    size_t inLeft = size_t(in.size());
    char *outPtr = out.data();
    size_t outLeft = size_t(out.size());
    const size_t done = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    if (done == size_t(-1) || inLeft != 0)
        return {};
    out.resize(out.size() - int(outLeft));
    return out;
}

QList<QByteArray> base64Forms(const QByteArray &bytes)
{
    QList<QByteArray> forms;
    for (int offset = 0; offset < 3; ++offset) {
        QByteArray encoded = (QByteArray(offset, '\0') + bytes).toBase64();
        encoded = encoded.mid(offset == 0 ? 0 : 4);
        encoded.chop(4);
        if (encoded.size() < 8)
            continue;
        forms << encoded;
        // base64url (tokens, JWS-style codes): '-' and '_' for '+' and '/'.
        const QByteArray url = QByteArray(encoded).replace('+', '-').replace('/', '_');
        if (url != encoded)
            forms << url;
    }
    return forms;
}

static QByteArray utf16(const QString &text, bool littleEndian)
{
    QByteArray out;
    for (const QChar c : text) {
        const char low = char(c.unicode() & 0xff);
        const char high = char(c.unicode() >> 8);
        out.append(littleEndian ? low : high).append(littleEndian ? high : low);
    }
    return out;
}

QList<CanaryNeedle> byteNeedles(const QString &label, const QByteArray &bytes)
{
    QList<CanaryNeedle> needles{{label, bytes}};
    for (const QByteArray &form : base64Forms(bytes))
        needles.append({label + QStringLiteral(" (base64)"), form});
    return needles;
}

QList<CanaryNeedle> textNeedles(const QString &label, const QString &text)
{
    QList<CanaryNeedle> needles = byteNeedles(label + QStringLiteral(" utf-8"), text.toUtf8());
    const QByteArray gb = gb18030(text);
    if (gb != text.toUtf8()) // pure ASCII is the same in both
        needles += byteNeedles(label + QStringLiteral(" gb18030"), gb);
    needles += byteNeedles(label + QStringLiteral(" utf-16le"), utf16(text, true));
    needles += byteNeedles(label + QStringLiteral(" utf-16be"), utf16(text, false));
    return needles;
}

QStringList findInBytes(const QByteArray &bytes, const QList<CanaryNeedle> &needles)
{
    QStringList found;
    for (const CanaryNeedle &needle : needles) {
        if (bytes.contains(needle.bytes))
            found << needle.label;
    }
    return found;
}

QStringList findInFiles(const QString &folder, const QList<CanaryNeedle> &needles)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (QFileInfo(path).isSymLink() || !QFileInfo(path).isFile())
                continue; // a socket or dangling link holds no bytes
            found << path + QStringLiteral(": cannot be read");
            continue;
        }
        for (const QString &label : findInBytes(file.readAll(), needles))
            found << path + QStringLiteral(": ") + label;
    }
    return found;
}

} // namespace CanaryForms
