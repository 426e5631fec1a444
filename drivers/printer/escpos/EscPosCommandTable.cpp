#include "EscPosCommandTable.h"

static constexpr unsigned char ESC = 0x1B;
static constexpr unsigned char GS = 0x1D;
static constexpr unsigned char FS = 0x1C;
static constexpr unsigned char DLE = 0x10;

static const EscPosFixedCommand fixedCommands[] = {
    {ESC, '@', 0, "initialize"},
    {ESC, '!', 1, "print mode"},
    {ESC, '-', 1, "underline"},
    {ESC, 'E', 1, "bold"},
    {ESC, 'G', 1, "double strike"},
    {ESC, 'a', 1, "align"},
    {ESC, 'd', 1, "feed lines"},
    {ESC, 'e', 1, "reverse feed lines"},
    {ESC, 'J', 1, "feed dots"},
    {ESC, 't', 1, "code table"},
    {ESC, 'M', 1, "character font"},
    {ESC, 'R', 1, "international character set"},
    {ESC, '2', 0, "default line spacing"},
    {ESC, '3', 1, "line spacing"},
    {ESC, ' ', 1, "character spacing"},
    {ESC, '{', 1, "upside down"},
    {ESC, 'V', 1, "rotate 90"},
    {ESC, 'r', 1, "print colour"},
    {ESC, 'U', 1, "unidirectional printing"},
    {ESC, 'p', 3, "drawer pulse"},
    {ESC, '$', 2, "absolute position"},
    {ESC, '\\', 2, "relative position"},
    {ESC, 'c', 2, "panel and sensor settings"},
    {ESC, '%', 1, "user-defined characters"},
    {ESC, '=', 1, "select peripheral"},
    {ESC, 'L', 0, "page mode"},
    {ESC, 'S', 0, "standard mode"},
    {ESC, 'T', 1, "page mode direction"},
    {ESC, 'W', 8, "page mode area"},
    {ESC, 'i', 0, "partial cut (one point)"},
    {ESC, 'm', 0, "partial cut (three points)"},
    {GS, '!', 1, "character size"},
    {GS, 'B', 1, "reverse printing"},
    {GS, 'H', 1, "barcode HRI position"},
    {GS, 'f', 1, "barcode HRI font"},
    {GS, 'h', 1, "barcode height"},
    {GS, 'w', 1, "barcode width"},
    {GS, 'L', 2, "left margin"},
    {GS, 'W', 2, "print area width"},
    {GS, 'P', 2, "motion units"},
    {GS, 'a', 1, "automatic status back"},
    {GS, 'r', 1, "transmit status"},
    {GS, 'I', 1, "transmit printer id"},
    {GS, 'b', 1, "smoothing"},
    {GS, '/', 1, "print downloaded bit image"},
    {GS, ':', 0, "macro definition"},
    {GS, '^', 3, "execute macro"},
    {FS, '&', 0, "Chinese mode on"},
    {FS, '.', 0, "Chinese mode off"},
    {FS, '!', 1, "Chinese print mode"},
    {FS, '-', 1, "Chinese underline"},
    {FS, 'C', 1, "Chinese code system"},
    {FS, 'S', 2, "Chinese character spacing"},
    {FS, 'W', 1, "Chinese quadruple size"},
    {FS, 'p', 2, "print NV bit image"},
    {DLE, 0x04, 1, "real-time status"},
    {DLE, 0x05, 1, "real-time request"},
};

const EscPosFixedCommand *EscPosCommandTable::find(unsigned char prefix, unsigned char function)
{
    for (const EscPosFixedCommand &command : fixedCommands) {
        if (command.prefix == prefix && command.function == function)
            return &command;
    }
    return nullptr;
}

QString EscPosCommandTable::mnemonic(unsigned char prefix, unsigned char function)
{
    QString head;
    switch (prefix) {
    case ESC:
        head = QStringLiteral("ESC");
        break;
    case GS:
        head = QStringLiteral("GS");
        break;
    case FS:
        head = QStringLiteral("FS");
        break;
    case DLE:
        head = QStringLiteral("DLE");
        if (function == 0x04)
            return QStringLiteral("DLE EOT");
        if (function == 0x05)
            return QStringLiteral("DLE ENQ");
        if (function == 0x14)
            return QStringLiteral("DLE DC4");
        break;
    default:
        head = QStringLiteral("0x%1").arg(prefix, 2, 16, QLatin1Char('0'));
    }
    if (function > 0x20 && function < 0x7F)
        return head + QLatin1Char(' ') + QLatin1Char(char(function));
    return head + QStringLiteral(" 0x%1").arg(function, 2, 16, QLatin1Char('0'));
}

QString EscPosCommandTable::barcodeSystem(int m)
{
    static const char *const classic[] = {"UPC-A", "UPC-E", "EAN13", "EAN8", "CODE39", "ITF", "CODABAR"};
    static const char *const extended[] = {"UPC-A",
                                           "UPC-E",
                                           "EAN13",
                                           "EAN8",
                                           "CODE39",
                                           "ITF",
                                           "CODABAR",
                                           "CODE93",
                                           "CODE128",
                                           "GS1-128",
                                           "GS1 DataBar Omnidirectional",
                                           "GS1 DataBar Truncated",
                                           "GS1 DataBar Limited",
                                           "GS1 DataBar Expanded",
                                           "CODE128 auto"};
    if (m >= 0 && m <= 6)
        return QString::fromLatin1(classic[m]);
    if (m >= 65 && m <= 79)
        return QString::fromLatin1(extended[m - 65]);
    return QString();
}
