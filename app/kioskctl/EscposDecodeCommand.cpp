// kioskctl escpos-decode FILE [--png OUT] [--width 384|576] [--chinese]: an ESC/POS byte stream (as sent to
// a receipt printer) -> one JSON object a line on stdout, decoded exactly as the kiosk's simulated printer
// does (EscPosDecoder + EscPosJson), and optionally the paper as a PNG (EscPosRenderer).
//   {"text":"社区服务中心",...}  {"qr":"...",...}  {"barcode":"...",...}  {"image":[w,h]}  {"cut":true,...}
//   {"cmd":"...",...}  {"error":"...","offset":n}
//   exit 0: decoded cleanly; 3: malformed stream (what decodes is printed, plus the error lines);
//   64: usage or unreadable file; 73: the PNG could not be written.

#include "KioskctlCommand.h"

#include "EscPosDecoder.h"
#include "EscPosJson.h"
#include "EscPosRenderer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace {
const char kUsage[] =
    "usage: kioskctl escpos-decode FILE [--png OUT] [--width 384|576] [--chinese]\n"
    "  Prints the decoded stream as JSON lines. --png writes the paper as an image, --width dots wide\n"
    "  (576 = 80 mm, the default; 384 = 58 mm). --chinese: the printer starts in Chinese mode (GB18030).\n"
    "  Exit 0 clean, 3 malformed stream, 64 usage or unreadable file, 73 cannot write the PNG.\n";

int usage()
{
    std::fputs(kUsage, stderr);
    return 64;
}

int fail(int code, const QString &what)
{
    std::fprintf(stderr, "kioskctl escpos-decode: %s\n", qPrintable(what));
    return code;
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// EscPosJson names QR data that is not UTF-8 "qr_hex". Every QR line here has a "qr" key: such data is
// also given as ISO 8859-1, the QR standard's default reading of byte-mode data ("qr_hex" stays exact).
QByteArray commandLine(const EscPosElement &element)
{
    const QByteArray line = EscPosJson::line(element);
    const QByteArray hexKey = "{\"qr_hex\":";
    if (element.kind == EscPosElement::Kind::Qr && line.startsWith(hexKey))
        return "{\"qr\":" + jsonString(QString::fromLatin1(element.data)) + ',' + line.mid(1);
    return line;
}

struct Options
{
    QString file;
    QString png;
    int widthDots = 576;
    bool chinese = false;
};

// false (after printing why) when the arguments are not usable.
bool parse(const QStringList &arguments, Options &options)
{
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        if (a == QLatin1String("--png") && hasValue) {
            options.png = arguments.at(++i);
        } else if (a == QLatin1String("--width") && hasValue) {
            const QString value = arguments.at(++i);
            if (value != QLatin1String("384") && value != QLatin1String("576")) {
                fail(64, QStringLiteral("--width %1: must be 384 or 576").arg(value));
                return false;
            }
            options.widthDots = value.toInt();
        } else if (a == QLatin1String("--chinese")) {
            options.chinese = true;
        } else if (a.startsWith(QLatin1Char('-')) || !options.file.isEmpty()) {
            fail(64, QStringLiteral("unexpected argument '%1'").arg(a));
            return false;
        } else {
            options.file = a;
        }
    }
    if (options.file.isEmpty()) {
        fail(64, QStringLiteral("no FILE given"));
        return false;
    }
    return true;
}
} // namespace

int runEscposDecode(const QStringList &arguments)
{
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    Options options;
    if (!parse(arguments, options))
        return usage();

    QFile file(options.file);
    if (!file.open(QIODevice::ReadOnly))
        return fail(64, QStringLiteral("%1: %2").arg(options.file, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(64, QStringLiteral("%1: %2").arg(options.file, file.errorString()));

    EscPosDecodeOptions decodeOptions;
    decodeOptions.chineseModeAtStart = options.chinese;
    const EscPosElements elements = EscPosDecoder::decode(bytes, decodeOptions);
    for (const EscPosElement &element : elements) {
        const QByteArray line = commandLine(element) + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    }
    std::fflush(stdout);

    int code = 0;
    if (!options.png.isEmpty()) {
        EscPosRenderOptions renderOptions;
        renderOptions.widthDots = options.widthDots;
        const EscPosRendering rendering = EscPosRenderer::render(elements, renderOptions);
        if (rendering.image.isNull() || !rendering.image.save(options.png, "PNG"))
            code = fail(73, QStringLiteral("%1: cannot write the PNG").arg(options.png));
    }

    const QStringList problems = EscPosDecoder::problems(elements);
    if (!problems.isEmpty()) {
        fail(3, QStringLiteral("%1: %2 problem(s) in the stream, first: %3")
                    .arg(options.file)
                    .arg(problems.size())
                    .arg(problems.first()));
        return code ? code : 3;
    }
    return code;
}
