#include "CameraSource.h"

#include <QStringList>
#include <QUrlQuery>

namespace {

CameraSource invalid(const QString &why)
{
    CameraSource s;
    s.error = why;
    return s;
}

} // namespace

QString CameraSource::kindName(Kind kind)
{
    switch (kind) {
    case Kind::V4l2: return QStringLiteral("v4l2");
    case Kind::File: return QStringLiteral("file");
    case Kind::Images: return QStringLiteral("images");
    case Kind::GStreamer: return QStringLiteral("gst");
    case Kind::Invalid: break;
    }
    return QStringLiteral("invalid");
}

CameraSource CameraSource::parse(const QString &text)
{
    const int colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return invalid(QStringLiteral("camera source \"%1\": expected v4l2:, file:, images: or gst:").arg(text));
    const QString scheme = text.left(colon);
    QString rest = text.mid(colon + 1);

    CameraSource s;
    if (scheme == QLatin1String("gst")) {
        s.kind = Kind::GStreamer;
        s.location = rest.trimmed();
        if (s.location.isEmpty())
            return invalid(QStringLiteral("camera source \"%1\": empty pipeline").arg(text));
        if (!s.location.contains(QLatin1String("appsink")))
            return invalid(QStringLiteral("camera source \"%1\": the pipeline must end in appsink").arg(text));
        return s;
    }
    if (scheme == QLatin1String("v4l2"))
        s.kind = Kind::V4l2;
    else if (scheme == QLatin1String("file"))
        s.kind = Kind::File;
    else if (scheme == QLatin1String("images"))
        s.kind = Kind::Images;
    else
        return invalid(QStringLiteral("camera source \"%1\": unknown kind \"%2\" (v4l2, file, images, gst)").arg(text, scheme));

    const int question = rest.indexOf(QLatin1Char('?'));
    const QUrlQuery query(question >= 0 ? rest.mid(question + 1) : QString());
    s.location = question >= 0 ? rest.left(question) : rest;
    if (s.location.isEmpty())
        return invalid(QStringLiteral("camera source \"%1\": no path").arg(text));
    if (s.kind == Kind::Images && !s.location.contains(QLatin1Char('%')))
        return invalid(QStringLiteral("camera source \"%1\": an image sequence needs a pattern such as frame_%03d.png").arg(text));

    for (const auto &[key, value] : query.queryItems()) {
        bool ok = true;
        if (key == QLatin1String("width")) {
            s.width = value.toInt(&ok);
            ok = ok && s.width > 0 && s.width <= 8192;
        } else if (key == QLatin1String("height")) {
            s.height = value.toInt(&ok);
            ok = ok && s.height > 0 && s.height <= 8192;
        } else if (key == QLatin1String("fps")) {
            s.fps = value.toDouble(&ok);
            ok = ok && s.fps > 0 && s.fps <= 240;
        } else if (key == QLatin1String("format") && s.kind == Kind::V4l2) {
            s.fourcc = value;
            ok = value.size() == 4;
        } else if (key == QLatin1String("loop") && s.kind != Kind::V4l2) {
            ok = value == QLatin1String("1") || value == QLatin1String("0") || value == QLatin1String("true")
                 || value == QLatin1String("false");
            s.loop = value == QLatin1String("1") || value == QLatin1String("true");
        } else {
            return invalid(QStringLiteral("camera source \"%1\": unknown option \"%2\" for %3").arg(text, key, scheme));
        }
        if (!ok)
            return invalid(QStringLiteral("camera source \"%1\": bad value \"%2\" for %3").arg(text, value, key));
    }
    return s;
}

QString CameraSource::toString() const
{
    if (kind == Kind::Invalid)
        return QStringLiteral("invalid");
    if (kind == Kind::GStreamer)
        return QStringLiteral("gst:") + location;
    QStringList options;
    if (width > 0)
        options << QStringLiteral("width=%1").arg(width);
    if (height > 0)
        options << QStringLiteral("height=%1").arg(height);
    if (fps > 0)
        options << QStringLiteral("fps=%1").arg(fps);
    if (!fourcc.isEmpty())
        options << QStringLiteral("format=%1").arg(fourcc);
    if (loop)
        options << QStringLiteral("loop=1");
    QString out = kindName(kind) + QLatin1Char(':') + location;
    if (!options.isEmpty())
        out += QLatin1Char('?') + options.join(QLatin1Char('&'));
    return out;
}
