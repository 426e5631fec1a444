#pragma once

#include <QFlags>
#include <QImage>
#include <QList>
#include <QPoint>
#include <QString>

#include <array>
#include <memory>

// 2D codes in camera frames and photos, with ZXing-cpp 1.4 underneath (a private detail: no ZXing type
// appears here). The kiosk's strategy around the library, cheapest first (measured: README.md, "Codes"):
//  1. fast:     ZXing without try-harder on a grey copy downscaled to at most fastMaxSide pixels;
//  2. a hint:   strong when a pair of finder-like patterns (1:1:3:1:1 across and down, dark or light, of
//               similar size and 10-100 modules apart) shows up in that copy, or ZXing saw a symbol it could
//               not read, or the screen asks for DataMatrix/PDF417: all steps follow. Weak when a single
//               finder-like pattern shows up in a small frame (up to 1000 px): steps 3 and 4 only. None: the
//               frame has no code, done (a frame without a code costs step 1 and the hint only);
//  3. inverted: light-on-dark codes (ZXing 1.4 cannot invert by itself), on the fast copy;
//  4. halved:   half size, try-harder (coarse noise and halftone average out);
//  5. full:     full resolution, try-harder; 6. global: the same with the global-histogram binarizer;
//  7. otsu:     one global threshold over the frame;
//  8. upscaled: frames up to 1000 px upscaled 2x (modules of one or two pixels);
//  9. regions:  2x crops around the finder-pattern clusters of step 2 (a small code in a big frame).
// Each step runs only while nothing was found. The frame is converted to grey once.
// Thread: one decoder per thread (it keeps scratch buffers); any thread.

enum class CodeFormat {
    QRCode = 0x1,
    DataMatrix = 0x2,
    PDF417 = 0x4,
};
Q_DECLARE_FLAGS(CodeFormats, CodeFormat)
Q_DECLARE_OPERATORS_FOR_FLAGS(CodeFormats)

// "QRCode", "DataMatrix", "PDF417" (ZXing's names, used in kioskctl's JSON).
QString codeFormatName(CodeFormat format);
// "qr" / "QRCode", "datamatrix" / "DataMatrix", "pdf417" / "PDF417" (case-insensitive); 0 when unknown.
CodeFormats codeFormatsFromName(const QString &name);

struct DecodedCode
{
    CodeFormat format = CodeFormat::QRCode;
    QString text;                  // UTF-8 decoded content (hostile input: check before use)
    QString symbology;             // AIM identifier, e.g. "]Q1"
    std::array<QPoint, 4> corners; // top-left, top-right, bottom-right, bottom-left in frame pixels
};

// Which step of the strategy (see above) gave a frame's result; "none" when nothing was found.
enum class DecodeStep { None, Fast, Inverted, Halved, Full, Global, Otsu, Upscaled, Regions };
QString decodeStepName(DecodeStep step);

class CodeFrameDecoder
{
public:
    struct Options
    {
        CodeFormats formats = CodeFormat::QRCode; // what the current screen expects
        int fastMaxSide = 960;                    // the fast pass works on a copy at most this wide/high
        bool escalate = true;                     // false: the fast pass only (steps 3-6 off)
        bool alwaysEscalate = false;              // true: skip the hint (for measuring what it saves)
        // Steps 3-9 one by one, for measuring what each buys (full: 5 and 6; rescaled: 4 and 8).
        bool inverted = true, rescaled = true, full = true, otsu = true, regions = true;
    };

    CodeFrameDecoder();
    explicit CodeFrameDecoder(const Options &options);
    ~CodeFrameDecoder();
    CodeFrameDecoder(const CodeFrameDecoder &) = delete;
    CodeFrameDecoder &operator=(const CodeFrameDecoder &) = delete;

    const Options &options() const;
    void setOptions(const Options &options);
    void setFormats(CodeFormats formats);

    // Any QImage format; Format_Grayscale8 is used as it is, RGB32/ARGB32/RGB888 are converted to grey
    // once, anything else through QImage::convertToFormat. Empty list when no code (or a null image).
    QList<DecodedCode> decode(const QImage &frame);
    // A grey buffer (one byte a pixel, rows `stride` bytes apart), not copied at full resolution.
    QList<DecodedCode> decodeGray(const uchar *data, int width, int height, int stride);

    // The step that gave the last decode's result, and whether the strong hint (step 2) fired.
    DecodeStep lastStep() const;
    bool lastHinted() const;

    // What the kiosk uses, for camera frames and (kioskctl scan-image) image files alike.
    static Options kioskOptions(CodeFormats formats = CodeFormat::QRCode);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Reads an image file (PNG, JPEG, WebP, BMP ...) as Format_Grayscale8 through OpenCV, which also reads
// WebP (Qt 6.4 on Debian does not). A null image and *error ("cannot read FILE: ...") when it fails.
QImage loadCodeImage(const QString &path, QString *error);
