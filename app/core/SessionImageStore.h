#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

// The pictures of the current session that the screens show (page thumbnails, the page preview, the
// resident's photo), held as JPEG bytes and served to QML by SessionImageProvider as
// "image://session/<generation>/<kind>-<digest>". The screens never hold the pictures themselves (no
// "data:" URLs, whose base64 text would linger in the JavaScript heap until some garbage collection).
//
// clear() (session end) forgets every picture and starts a new generation: an old URL names nothing any
// more, so an Image that asks for it again gets an error, never the previous resident's picture.
// Thread: publish() and clear() on the GUI thread; jpeg() from any thread (the image provider's).
class SessionImageStore
{
public:
    // The URL under which `jpeg` is served until clear(); the same picture gets the same URL. "" for an
    // empty picture. `kind`: a short name for the URL ("page", "preview", "photo").
    QString publish(const QString &kind, const QByteArray &jpeg);
    // The picture for a provider id ("<generation>/<kind>-<digest>"); empty when unknown or of an older
    // generation.
    QByteArray jpeg(const QString &id) const;
    // Forgets every picture and starts a new generation.
    void clear();
    int count() const;
    quint64 generation() const;

    // A URL for `jpeg` from `store`, or a "data:" URL when no store is wired (controllers used without a
    // QML engine, in unit tests).
    static QString urlFor(SessionImageStore *store, const QString &kind, const QByteArray &jpeg);

    static QString providerName() { return QStringLiteral("session"); }

private:
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_images; // id -> JPEG
    quint64 m_generation = 1;
};
