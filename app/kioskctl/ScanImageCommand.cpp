// kioskctl scan-image FILE... [--formats qr,datamatrix,pdf417] [--explain]: the 2D codes in photos or scans,
// one JSON line a file, decoded with exactly the settings the kiosk's camera path uses
// (CodeFrameDecoder::kioskOptions):
//   {"file":"a.png","codes":[{"format":"QRCode","text":"..."}]}      (an empty list when there is none)
//   {"file":"b.png","codes":[],"error":"cannot read b.png: ..."}      (a file that cannot be read)
// --explain adds "step" (which step of the strategy found the codes) and "hinted" to each line.
// Exit 0: every file was read (with or without codes); 1: some file could not be read; 64: usage.
// The texts are printed as decoded: this is a technician's tool, not a log (nothing goes to the journal).

#include "KioskctlCommand.h"

#include "CodeFrameDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {
const char kUsage[] =
    "usage: kioskctl scan-image FILE... [--formats qr,datamatrix,pdf417] [--explain]\n"
    "  Prints {\"file\",\"codes\":[{\"format\",\"text\"}]} a line per file. --formats: what to look for\n"
    "  (default qr, as the identify screen). --explain adds which decoding step found the codes.\n"
    "  Exit 0 all files read, 1 some file unreadable, 64 usage.\n";

int usage()
{
    std::fputs(kUsage, stderr);
    return 64;
}
} // namespace

int runScanImage(const QStringList &arguments)
{
    QStringList files;
    CodeFormats formats = CodeFormat::QRCode;
    bool explain = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--formats")) {
            if (++i >= arguments.size())
                return usage();
            formats = CodeFormats();
            for (const QString &name : arguments.at(i).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const CodeFormats f = codeFormatsFromName(name);
                if (!f) {
                    std::fprintf(stderr, "kioskctl scan-image: unknown format '%s' (qr, datamatrix, pdf417)\n",
                                 qPrintable(name));
                    return 64;
                }
                formats |= f;
            }
            if (!formats)
                return usage();
        } else if (a == QLatin1String("--explain")) {
            explain = true;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a.startsWith(QLatin1String("--"))) {
            std::fprintf(stderr, "kioskctl scan-image: unknown option '%s'\n", qPrintable(a));
            return usage();
        } else {
            files.append(a);
        }
    }
    if (files.isEmpty())
        return usage();

    CodeFrameDecoder decoder(CodeFrameDecoder::kioskOptions(formats));
    int status = 0;
    for (const QString &file : files) {
        QJsonObject line{{QStringLiteral("file"), file}};
        QJsonArray codes;
        QString error;
        const QImage image = loadCodeImage(file, &error);
        if (image.isNull()) {
            line.insert(QStringLiteral("error"), error);
            std::fprintf(stderr, "kioskctl scan-image: %s\n", qPrintable(error));
            status = 1;
        } else {
            for (const DecodedCode &code : decoder.decode(image))
                codes.append(QJsonObject{{QStringLiteral("format"), codeFormatName(code.format)},
                                         {QStringLiteral("text"), code.text}});
            if (explain) {
                line.insert(QStringLiteral("step"), decodeStepName(decoder.lastStep()));
                line.insert(QStringLiteral("hinted"), decoder.lastHinted());
            }
        }
        line.insert(QStringLiteral("codes"), codes);
        const QByteArray json = QJsonDocument(line).toJson(QJsonDocument::Compact);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        std::fputc('\n', stdout);
    }
    std::fflush(stdout);
    return status;
}
