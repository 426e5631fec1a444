#include "EscPosElement.h"

QString EscPosElement::kindName(Kind kind)
{
    switch (kind) {
    case Kind::TextLine:
        return QStringLiteral("text");
    case Kind::Qr:
        return QStringLiteral("qr");
    case Kind::Barcode:
        return QStringLiteral("barcode");
    case Kind::Feed:
        return QStringLiteral("feed");
    case Kind::Cut:
        return QStringLiteral("cut");
    case Kind::Image:
        return QStringLiteral("image");
    case Kind::Command:
        return QStringLiteral("command");
    case Kind::Unknown:
        return QStringLiteral("unknown");
    case Kind::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}
