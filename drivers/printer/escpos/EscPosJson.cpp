#include "EscPosJson.h"

#include "Code128.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace {

// A JSON string literal with JSON's escaping (QJsonDocument does the escaping).
QByteArray quoted(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray number(int value)
{
    return QByteArray::number(value);
}

class ObjectWriter
{
public:
    ObjectWriter &field(const char *key, const QByteArray &jsonValue)
    {
        m_out += (m_out.isEmpty() ? "{" : ",") + quoted(QString::fromLatin1(key)) + ':' + jsonValue;
        return *this;
    }
    QByteArray finish() const { return m_out + '}'; }

private:
    QByteArray m_out;
};

QByteArray alignName(EscPosAlign align)
{
    switch (align) {
    case EscPosAlign::Left:
        return "\"left\"";
    case EscPosAlign::Centre:
        return "\"centre\"";
    case EscPosAlign::Right:
        return "\"right\"";
    }
    return "\"left\"";
}

void addAlign(ObjectWriter &w, EscPosAlign align)
{
    if (align != EscPosAlign::Left)
        w.field("align", alignName(align));
}

} // namespace

QByteArray EscPosJson::line(const EscPosElement &e)
{
    ObjectWriter w;
    switch (e.kind) {
    case EscPosElement::Kind::TextLine:
        w.field("text", quoted(e.text));
        addAlign(w, e.align);
        if (e.style.bold)
            w.field("bold", "true");
        if (e.style.underline)
            w.field("underline", number(e.style.underline));
        if (e.style.width != 1 || e.style.height != 1)
            w.field("size", '[' + number(e.style.width) + ',' + number(e.style.height) + ']');
        break;
    case EscPosElement::Kind::Qr: {
        QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        const QString text = utf8.decode(e.data);
        if (utf8.hasError())
            w.field("qr_hex", quoted(QString::fromLatin1(e.data.toHex())));
        else
            w.field("qr", quoted(text));
        w.field("module", number(e.qrModuleSize));
        w.field("ec", quoted(QString(QLatin1Char("LMQH"[int(e.qrLevel)]))));
        addAlign(w, e.align);
        break;
    }
    case EscPosElement::Kind::Barcode:
        // CODE128 without its code set selection ("{BA-017" -> "A-017"); "raw" keeps the payload.
        w.field("barcode", quoted(QString::fromLatin1(e.name == QLatin1String("CODE128")
                                                          ? Code128::humanReadable(e.data)
                                                          : e.data)));
        if (e.name == QLatin1String("CODE128") && Code128::humanReadable(e.data) != e.data)
            w.field("raw", quoted(QString::fromLatin1(e.data)));
        w.field("type", quoted(e.name));
        addAlign(w, e.align);
        break;
    case EscPosElement::Kind::Image:
        w.field("image", '[' + number(e.imageWidth) + ',' + number(e.imageHeight) + ']');
        addAlign(w, e.align);
        break;
    case EscPosElement::Kind::Cut:
        w.field("cut", "true");
        w.field("partial", e.partial ? "true" : "false");
        if (e.count)
            w.field("feed", number(e.count));
        break;
    case EscPosElement::Kind::Feed:
        w.field("cmd", quoted(QStringLiteral("feed")));
        w.field("lines", number(e.count));
        break;
    case EscPosElement::Kind::Command:
        w.field("cmd", quoted(e.name));
        w.field("bytes", quoted(QString::fromLatin1(e.raw.toHex(' '))));
        break;
    case EscPosElement::Kind::Unknown:
        w.field("cmd", quoted(QStringLiteral("unknown")));
        w.field("offset", number(e.offset));
        w.field("bytes", quoted(QString::fromLatin1(e.raw.toHex(' '))));
        break;
    case EscPosElement::Kind::Error:
        w.field("error", quoted(e.name));
        w.field("offset", number(e.offset));
        break;
    }
    return w.finish();
}

QByteArray EscPosJson::lines(const EscPosElements &elements)
{
    QByteArray out;
    for (const EscPosElement &e : elements)
        out += line(e) + '\n';
    return out;
}
