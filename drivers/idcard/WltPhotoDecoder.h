#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

#include <memory>

class QLibrary;

// The ID card photo: 1024 bytes of the proprietary WLT format, which only vendor libraries decode. This
// loads such a library as an optional plugin. Assumed ABI (the one most vendor libraries export, e.g.
// libwlt2bmp.so / WltRS.dll ports):
//
//     extern "C" int unpack(char *wlt, char *bgr, int bmpSave);
//       wlt:     the 1024 WLT bytes from the read-text response
//       bgr:     out, 102 x 126 pixels, 3 bytes each in B G R order, rows top to bottom, no row padding
//                (38556 bytes; we pass a larger buffer in case a library writes a little more)
//       bmpSave: 0 = do not also write a .bmp file (we always pass 0)
//       returns  1 on success, anything else is a failure
//
// Without a configured library, or when it does not load or lacks `unpack`, the decoder is unavailable:
// that is a normal state (the photo is simply absent), reason() says why, and everything else works.
// Thread: construct on any thread; decode() is const but vendor libraries are rarely reentrant, so call it
// from one thread at a time (the reader calls it on the GUI thread; a decode takes a few ms).
class WltPhotoDecoder
{
public:
    static constexpr int kWltSize = 1024;
    static constexpr int kWidth = 102;
    static constexpr int kHeight = 126;
    static constexpr int kBgrSize = kWidth * kHeight * 3; // 38556

    // libraryPath: empty = no decoder configured.
    explicit WltPhotoDecoder(const QString &libraryPath = {});
    ~WltPhotoDecoder();
    WltPhotoDecoder(const WltPhotoDecoder &) = delete;
    WltPhotoDecoder &operator=(const WltPhotoDecoder &) = delete;

    bool isAvailable() const { return m_unpack != nullptr; }
    // Why there is no decoder ("no WLT decoder configured", "load /opt/x.so: <dlerror>", "no symbol unpack
    // in /opt/x.so"); empty when available. Contains no card data: may be logged.
    QString reason() const { return m_reason; }

    struct Result
    {
        QImage image;  // 102x126 RGB888 when ok
        QString error; // "photo: 1000 bytes, expected 1024", "photo: decoder returned -3"
        bool ok() const { return error.isEmpty(); }
    };
    Result decode(const QByteArray &wlt) const;

private:
    using UnpackFunction = int (*)(char *, char *, int);
    std::unique_ptr<QLibrary> m_library;
    UnpackFunction m_unpack = nullptr;
    QString m_reason;
};
