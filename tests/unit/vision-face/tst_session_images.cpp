#include "FaceCaptureController.h"
#include "FaceFrames.h"
#include "SessionImageProvider.h"
#include "SessionImageStore.h"
#include "SessionTraces.h"
#include "StrictWarnings.h"

#include <QBuffer>
#include <QClipboard>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using State = FaceCaptureController::State;

// The session's pictures (the resident's photo, page thumbnails) reach the screens only as
// "image://session/..." URLs; the session's end forgets them everywhere: the store, the image provider,
// Qt Quick's pixmap cache; and it clears the clipboard.
class TestSessionImages : public QObject
{
    Q_OBJECT
    QImage m_frame;

    static QByteArray jpegOf(const QImage &image)
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG", 85);
        return bytes;
    }

    static QString idOf(const QString &url)
    {
        const QString prefix = QStringLiteral("image://session/");
        return url.startsWith(prefix) ? url.mid(prefix.size()) : QString();
    }

    static bool push(FaceCaptureController &c, const QImage &frame)
    {
        QSignalSpy assessed(&c, &FaceCaptureController::frameAssessed);
        c.processFrame(frame);
        return assessed.wait(10000);
    }

    // The status an Image (Qt Quick's cache allowed) ends with for `url`, in a shown window; the Image is
    // deleted afterwards, so that a picture it loaded stays only in the cache, unreferenced.
    static int loadOnce(QQmlEngine &engine, QQuickWindow &window, const QString &url)
    {
        QQmlComponent component(&engine);
        component.setData("import QtQuick\nImage { cache: true; asynchronous: false }", QUrl());
        std::unique_ptr<QObject> object(
            component.createWithInitialProperties({{QStringLiteral("source"), url}}));
        auto *image = qobject_cast<QQuickItem *>(object.get());
        if (!image)
            return -1;
        image->setParentItem(window.contentItem());
        // The status read below is the answer, whether the wait ended by itself or by its bound.
        (void)QTest::qWaitFor(
            [&] {
                return image->property("status").toInt() >= 1 /* Ready, Loading, Error */ &&
                       image->property("status").toInt() != 2;
            },
            3000);
        const int status = image->property("status").toInt();
        object.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        return status;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QString error;
        const QImage portrait = FaceFrames::portrait(&error);
        if (portrait.isNull())
            QFAIL(qPrintable(error));
        m_frame = FaceFrames::kioskFrame(portrait);
    }

    void storeServesUntilCleared()
    {
        SessionImageStore store;
        SessionImageProvider provider(store);
        QImage page(320, 240, QImage::Format_RGB32);
        page.fill(Qt::darkCyan);
        const QByteArray jpeg = jpegOf(page);
        const QString url = store.publish(QStringLiteral("page"), jpeg);
        QVERIFY2(url.startsWith(QStringLiteral("image://session/")), qPrintable(url));
        QCOMPARE(store.publish(QStringLiteral("page"), jpeg), url); // the same picture, the same URL
        QCOMPARE(store.count(), 1);
        QSize size;
        QCOMPARE(provider.requestImage(idOf(url), &size, QSize()).size(), page.size());
        QCOMPARE(size, page.size());
        QCOMPARE(provider.requestImage(idOf(url), &size, QSize(160, 160)).width(), 160);

        const quint64 generation = store.generation();
        store.clear();
        QCOMPARE(store.count(), 0);
        QCOMPARE(store.generation(), generation + 1);
        QVERIFY(provider.requestImage(idOf(url), &size, QSize()).isNull());
        // Published again in the next session, it gets a URL of its own: the old one stays dead.
        const QString again = store.publish(QStringLiteral("page"), jpeg);
        QVERIFY(again != url);
        QVERIFY(provider.requestImage(idOf(url), &size, QSize()).isNull());
        QVERIFY(store.publish(QStringLiteral("page"), QByteArray()).isEmpty());
        // Without a store (controllers used without an engine) the picture travels in the URL itself.
        QVERIFY(SessionImageStore::urlFor(nullptr, QStringLiteral("page"), jpeg)
                    .startsWith(QStringLiteral("data:image/jpeg;base64,")));
    }

    void capturedPhotoIsServedUntilTheSessionEnds()
    {
        SessionImageStore store;
        SessionImageProvider provider(store);
        SessionTraces traces(store);
        FaceCaptureController c;
        c.setImageStore(&store);
        c.giveConsent();
        for (int i = 0; i < 14 && c.state() != State::Captured; ++i)
            QVERIFY(push(c, i % 2 ? FaceFrames::blurred(m_frame, 0.6) : m_frame));
        QCOMPARE(c.state(), State::Captured);
        const QString url = c.capturedUrl();
        QVERIFY2(url.startsWith(QStringLiteral("image://session/")), qPrintable(url));
        QSize size;
        const QImage served = provider.requestImage(idOf(url), &size, QSize());
        QVERIFY(!served.isNull());
        QVERIFY(served.width() > 200);

        // The session ends: the controller and the traces are wiped, as main.cpp wires them.
        c.reset();
        traces.wipe();
        QVERIFY(c.capturedUrl().isEmpty());
        QVERIFY(provider.requestImage(idOf(url), &size, QSize()).isNull());
    }

    void wipeClearsTheClipboardAndQtQuicksImageCache()
    {
        SessionImageStore store;
        SessionTraces traces(store);
        QQmlEngine engine;
        engine.addImageProvider(SessionImageStore::providerName(), new SessionImageProvider(store));
        QQuickWindow window;
        window.resize(400, 300);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QImage page(200, 100, QImage::Format_RGB32);
        page.fill(Qt::darkRed);
        const QString url = store.publish(QStringLiteral("page"), jpegOf(page));
        QCOMPARE(loadOnce(engine, window, url), 1); // Ready, and now in the cache (unreferenced)
        QGuiApplication::clipboard()->setText(QStringLiteral("13572468024"));

        traces.wipe();
        QTest::qWait(0);
        QCOMPARE(QGuiApplication::clipboard()->text(), QString());
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("Failed to get image from provider")));
        QCOMPARE(loadOnce(engine, window, url), 3); // Error: neither the provider nor the cache has it
    }

    // The check above means something: without the wipe of the caches, Qt Quick serves the forgotten
    // picture from its cache although the store no longer has it.
    void withoutThePurgeTheCacheWouldServeIt()
    {
        SessionImageStore store;
        QQmlEngine engine;
        engine.addImageProvider(SessionImageStore::providerName(), new SessionImageProvider(store));
        QQuickWindow window;
        window.resize(400, 300);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QImage page(200, 100, QImage::Format_RGB32);
        page.fill(Qt::darkGreen);
        const QString url = store.publish(QStringLiteral("page"), jpegOf(page));
        QCOMPARE(loadOnce(engine, window, url), 1);
        store.clear(); // the store alone
        QCOMPARE(loadOnce(engine, window, url), 1);
        window.releaseResources(); // what SessionTraces does
        QTest::qWait(0);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("Failed to get image from provider")));
        QCOMPARE(loadOnce(engine, window, url), 3);
    }
};

QTEST_MAIN(TestSessionImages)
#include "tst_session_images.moc"
