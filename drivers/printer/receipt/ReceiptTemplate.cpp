#include "ReceiptTemplate.h"

#include "EscPosEncoder.h"
#include "EscPosRaster.h"
#include "ReceiptPrinterProfiles.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace {

const QRegularExpression &fieldPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{([a-z_]+)\\}"));
    return re;
}

QString at(const QString &file, int line, const QString &message)
{
    return QStringLiteral("%1: line %2: %3").arg(file).arg(line).arg(message);
}

} // namespace

ReceiptPaper ReceiptPaper::forProfile(const ReceiptPrinterProfile &profile, const QImage &logo)
{
    ReceiptPaper p;
    p.columns = profile.charsPerLine;
    p.dots = profile.rasterMaxWidthDots;
    p.maxQrModule = profile.maxQrModule;
    p.cutter = profile.cutter == ReceiptPrinterProfile::Cutter::None   ? Cutter::None
               : profile.cutter == ReceiptPrinterProfile::Cutter::Full ? Cutter::Full
                                                                         : Cutter::Partial;
    p.logo = logo;
    return p;
}

ReceiptPaper ReceiptPaper::forColumns(int columns, const QImage &logo)
{
    ReceiptPaper p;
    p.columns = columns;
    p.dots = columns <= 32 ? 384 : 576;
    p.maxQrModule = columns <= 32 ? 6 : 8;
    p.logo = logo;
    return p;
}

QImage ReceiptTemplate::builtInLogo()
{
    static const QImage logo(QStringLiteral(":/onestop/printer/receipt/logo.png"));
    return logo;
}

QStringList ReceiptTemplate::fieldNames()
{
    // Personal values only in masked form (masked_name, masked_id); never a full name or ID number.
    return {QStringLiteral("center_name"),  QStringLiteral("case_id"),       QStringLiteral("service"),
            QStringLiteral("masked_name"),  QStringLiteral("masked_id"),     QStringLiteral("submitted_at"),
            QStringLiteral("sync_state"),   QStringLiteral("tracking_qr"),   QStringLiteral("ticket_number"),
            QStringLiteral("barcode"),      QStringLiteral("issued_at"),     QStringLiteral("waiting_count"),
            QStringLiteral("window"),       QStringLiteral("rating"),        QStringLiteral("printed_at"),
            QStringLiteral("survey_qr"),    QStringLiteral("test_line"),     QStringLiteral("ticket_qr")};
}

int ReceiptTemplate::columnsOf(const QString &text)
{
    int columns = 0;
    for (const QChar c : text)
        columns += c.unicode() < 0x1100 ? 1 : 2;
    return columns;
}

QStringList ReceiptTemplate::wrap(const QString &text, int columns)
{
    QStringList lines;
    QString current;
    int used = 0;
    columns = qMax(1, columns);
    for (const QChar c : text) {
        const int w = c.unicode() < 0x1100 ? 1 : 2;
        if (used + w > columns && !current.isEmpty()) {
            lines.append(current);
            current.clear();
            used = 0;
        }
        current.append(c);
        used += w;
    }
    if (!current.isEmpty())
        lines.append(current);
    return lines;
}

ReceiptTemplate ReceiptTemplate::parse(const QString &text, const QString &fileName, QString *error)
{
    ReceiptTemplate t;
    t.m_fileName = fileName;
    const QStringList fields = fieldNames();
    const QStringList lines = text.split(QLatin1Char('\n'));
    auto fail = [&](int number, const QString &message) {
        if (error)
            *error = at(fileName, number, message);
        return ReceiptTemplate();
    };
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        QString raw = lines.at(i);
        if (raw.endsWith(QLatin1Char('\r')))
            raw.chop(1);
        if (raw.trimmed().isEmpty() || raw.trimmed().startsWith(QLatin1Char('#')))
            continue;
        const int bar = int(raw.indexOf(QLatin1Char('|')));
        const QString head = (bar < 0 ? raw : raw.left(bar)).trimmed();
        const bool hasPayload = bar >= 0;
        QString payload = hasPayload ? raw.mid(bar + 1) : QString();
        if (payload.startsWith(QLatin1Char(' ')))
            payload.remove(0, 1); // "text | x": one space after the bar is layout, the rest is text
        const QStringList words = head.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString directive = words.value(0);

        // Fields must come from the vocabulary.
        auto it = fieldPattern().globalMatch(payload);
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            if (!fields.contains(name))
                return fail(number, QStringLiteral("unknown field {%1} (known: %2)")
                                        .arg(name, fields.join(QLatin1String(", "))));
        }

        if (directive == QLatin1String("value")) {
            if (words.size() != 3 || !hasPayload)
                return fail(number, QStringLiteral("expected \"value FIELD KEY | words\""));
            if (!fields.contains(words.at(1)))
                return fail(number, QStringLiteral("unknown field %1").arg(words.at(1)));
            t.m_values[words.at(1)].insert(words.at(2), payload);
            continue;
        }

        Line line;
        line.number = number;
        static const QHash<QString, Line::Kind> kinds = {
            {QStringLiteral("text"), Line::Kind::Text},       {QStringLiteral("rule"), Line::Kind::Rule},
            {QStringLiteral("qr"), Line::Kind::Qr},           {QStringLiteral("barcode"), Line::Kind::Barcode},
            {QStringLiteral("logo"), Line::Kind::Logo},       {QStringLiteral("feed"), Line::Kind::Feed},
            {QStringLiteral("cut"), Line::Kind::Cut}};
        if (!kinds.contains(directive))
            return fail(number, QStringLiteral("unknown directive \"%1\" (expected text, rule, qr, barcode, logo, "
                                               "feed, cut or value)")
                                    .arg(directive));
        line.kind = kinds.value(directive);
        const bool needsPayload = line.kind == Line::Kind::Text || line.kind == Line::Kind::Qr ||
                                  line.kind == Line::Kind::Barcode;
        if (needsPayload && !hasPayload)
            return fail(number, QStringLiteral("%1 needs \"| content\"").arg(directive));
        if (!needsPayload && line.kind != Line::Kind::Rule && hasPayload)
            return fail(number, QStringLiteral("%1 takes no \"| content\"").arg(directive));
        line.payload = payload;
        if (line.kind == Line::Kind::Rule)
            line.payload = payload.isEmpty() ? QStringLiteral("-") : payload.left(1);

        for (int w = 1; w < words.size(); ++w) {
            const QString option = words.at(w);
            bool ok = true;
            if (option == QLatin1String("left") || option == QLatin1String("center") ||
                option == QLatin1String("right")) {
                line.align = option == QLatin1String("left")     ? EscPosAlign::Left
                             : option == QLatin1String("center") ? EscPosAlign::Centre
                                                                 : EscPosAlign::Right;
                line.alignSet = true;
            } else if (option == QLatin1String("bold") && line.kind == Line::Kind::Text) {
                line.bold = true;
            } else if (option == QLatin1String("underline") && line.kind == Line::Kind::Text) {
                line.underline = 1;
            } else if (option.startsWith(QLatin1String("size=")) && line.kind == Line::Kind::Text) {
                const QStringList wh = option.mid(5).split(QLatin1Char('x'));
                line.width = wh.value(0).toInt(&ok);
                line.height = ok ? wh.value(1).toInt(&ok) : 0;
                if (!ok || wh.size() != 2 || line.width < 1 || line.width > 8 || line.height < 1 || line.height > 8)
                    return fail(number, QStringLiteral("size \"%1\": expected WxH, each 1..8").arg(option.mid(5)));
            } else if (option.startsWith(QLatin1String("module=")) && line.kind == Line::Kind::Qr) {
                line.module = option.mid(7).toInt(&ok);
                if (!ok || line.module < 1 || line.module > 16)
                    return fail(number, QStringLiteral("module \"%1\": expected 1..16").arg(option.mid(7)));
            } else if (option.startsWith(QLatin1String("height=")) && line.kind == Line::Kind::Barcode) {
                line.barHeight = option.mid(7).toInt(&ok);
                if (!ok || line.barHeight < 1 || line.barHeight > 255)
                    return fail(number, QStringLiteral("height \"%1\": expected 1..255").arg(option.mid(7)));
            } else if (line.kind == Line::Kind::Feed && w == 1) {
                line.count = option.toInt(&ok);
                if (!ok || line.count < 0 || line.count > 255)
                    return fail(number, QStringLiteral("feed \"%1\": expected 0..255 lines").arg(option));
            } else {
                return fail(number, QStringLiteral("option \"%1\" does not apply to %2").arg(option, directive));
            }
        }
        if (!line.alignSet && (line.kind == Line::Kind::Qr || line.kind == Line::Kind::Barcode ||
                               line.kind == Line::Kind::Logo))
            line.align = EscPosAlign::Centre;
        t.m_lines.append(line);
    }
    if (t.m_lines.isEmpty())
        return fail(lines.size(), QStringLiteral("the template prints nothing"));
    t.m_valid = true;
    return t;
}

ReceiptTemplate ReceiptTemplate::load(const QString &kind, const QString &language, QString *error,
                                      const QString &directory)
{
    const QString lang = language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
    const QString name = QStringLiteral("%1.%2.txt").arg(kind, lang);
    QFile file(QDir(directory.isEmpty() ? builtInDirectory() : directory).filePath(name));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot be read: %2").arg(name, file.errorString());
        return ReceiptTemplate();
    }
    return parse(QString::fromUtf8(file.readAll()), name, error);
}

QStringList ReceiptTemplate::usedFields() const
{
    QStringList out;
    for (const Line &line : m_lines) {
        auto it = fieldPattern().globalMatch(line.payload);
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            if (!out.contains(name))
                out.append(name);
        }
    }
    return out;
}

QString ReceiptTemplate::substitute(const Line &line, const QHash<QString, QString> &fields,
                                    QString *problem) const
{
    QString out;
    int last = 0;
    auto it = fieldPattern().globalMatch(line.payload);
    while (it.hasNext()) {
        const auto m = it.next();
        out += line.payload.mid(last, m.capturedStart() - last);
        last = int(m.capturedEnd());
        const QString name = m.captured(1);
        if (!fields.contains(name)) {
            *problem = QStringLiteral("no value for {%1}").arg(name);
            return {};
        }
        QString value = fields.value(name);
        if (m_values.contains(name)) {
            const auto &words = m_values.value(name);
            if (!words.contains(value)) {
                *problem = QStringLiteral("{%1}: no \"value %1 %2\" line").arg(name, value);
                return {};
            }
            value = words.value(value);
        }
        out += value;
    }
    out += line.payload.mid(last);
    return out;
}

QByteArray ReceiptTemplate::render(const QHash<QString, QString> &fields, const ReceiptPaper &paper,
                                   QString *error) const
{
    if (!m_valid) {
        if (error)
            *error = QStringLiteral("%1: the template did not load").arg(m_fileName);
        return {};
    }
    EscPosBuilder b;
    b.initialize().chineseMode(true);
    EscPosAlign align = EscPosAlign::Left;
    auto setAlign = [&](EscPosAlign a) {
        if (a != align)
            b.align(a);
        align = a;
    };
    for (const Line &line : m_lines) {
        QString problem;
        const QString content = substitute(line, fields, &problem);
        if (!problem.isEmpty()) {
            if (error)
                *error = at(m_fileName, line.number, problem);
            return {};
        }
        switch (line.kind) {
        case Line::Kind::Text: {
            setAlign(line.align);
            if (line.bold)
                b.bold(true);
            if (line.underline)
                b.underline(line.underline);
            if (line.width != 1 || line.height != 1)
                b.characterSize(line.width, line.height);
            const QStringList parts = wrap(content, paper.columns / line.width);
            if (parts.isEmpty())
                b.lineFeed();
            for (const QString &part : parts)
                b.line(part);
            if (line.width != 1 || line.height != 1)
                b.characterSize(1, 1);
            if (line.underline)
                b.underline(0);
            if (line.bold)
                b.bold(false);
            break;
        }
        case Line::Kind::Rule:
            setAlign(EscPosAlign::Left);
            b.line(QString(paper.columns, line.payload.at(0)));
            break;
        case Line::Kind::Qr:
            setAlign(line.align);
            b.qrCode(content.toUtf8(), qMin(line.module, paper.maxQrModule), EscPosQrLevel::M);
            b.lineFeed();
            break;
        case Line::Kind::Barcode: {
            setAlign(line.align);
            const QByteArray data = content.toUtf8(); // non-ASCII bytes are refused by the encoder
            // Module width 2 when it fits the paper, else 1 is too thin to scan: refuse instead.
            const int width = EscPosEncoder::code128WidthDots(data, 2);
            if (width > paper.dots) {
                if (error)
                    *error = at(m_fileName, line.number,
                                QStringLiteral("barcode: %1 dots wide, the paper has %2").arg(width).arg(paper.dots));
                return {};
            }
            b.barcodeCode128(data, line.barHeight, 2);
            break;
        }
        case Line::Kind::Logo:
            if (paper.logo.isNull())
                break;
            setAlign(line.align);
            b.rasterImage(EscPosRaster::fromImage(paper.logo, paper.dots));
            break;
        case Line::Kind::Feed:
            b.feedLines(line.count);
            break;
        case Line::Kind::Cut:
            if (paper.cutter == ReceiptPaper::Cutter::None)
                b.feedLines(1); // the resident tears it off: leave room above the tear bar
            else
                b.cut(paper.cutter == ReceiptPaper::Cutter::Full ? EscPosCut::Full : EscPosCut::Partial);
            break;
        }
        if (!b.ok()) {
            if (error)
                *error = at(m_fileName, line.number, b.error().section(QLatin1String(": "), 1));
            return {};
        }
    }
    return b.bytes();
}
