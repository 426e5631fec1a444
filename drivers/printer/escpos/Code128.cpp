#include "Code128.h"

namespace {

// The 107 CODE128 symbols (values 0..105, then stop), as bar/space widths in modules.
const char *const kPatterns[107] = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
};
constexpr int kStartB = 104;
constexpr int kStop = 106;

void appendSymbol(QList<int> &out, int value)
{
    for (const char *p = kPatterns[value]; *p; ++p)
        out.append(*p - '0');
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool checkData(const QByteArray &data, QString *error)
{
    if (data.isEmpty())
        return fail(error, QStringLiteral("barcode: no data"));
    if (data.size() > Code128::maxDataBytes)
        return fail(error, QStringLiteral("barcode: %1 bytes, the limit is %2")
                               .arg(data.size())
                               .arg(Code128::maxDataBytes));
    for (int i = 0; i < data.size(); ++i) {
        const auto c = static_cast<unsigned char>(data.at(i));
        if (c < 0x20 || c > 0x7E)
            return fail(error, QStringLiteral("barcode: byte 0x%1 at position %2 is not printable ASCII "
                                              "(CODE128 set B)")
                                   .arg(int(c), 2, 16, QLatin1Char('0'))
                                   .arg(i));
    }
    return true;
}

} // namespace

int Code128::checksumB(const QByteArray &data)
{
    int sum = kStartB;
    for (int i = 0; i < data.size(); ++i)
        sum += (i + 1) * (static_cast<unsigned char>(data.at(i)) - 0x20);
    return sum % 103;
}

QList<int> Code128::modules(const QByteArray &data, QString *error)
{
    if (!checkData(data, error))
        return {};
    QList<int> out;
    out.reserve((data.size() + 3) * 6 + 1);
    appendSymbol(out, kStartB);
    for (const char c : data)
        appendSymbol(out, static_cast<unsigned char>(c) - 0x20);
    appendSymbol(out, checksumB(data));
    appendSymbol(out, kStop);
    return out;
}

QList<int> Code128::modulesForPrinterPayload(const QByteArray &payload, QString *error)
{
    if (!payload.startsWith("{B")) {
        fail(error, payload.startsWith('{') ? QStringLiteral("barcode: only code set B ({B) is drawn")
                                            : QStringLiteral("barcode: CODE128 data must start with a code "
                                                             "set ({A, {B or {C)"));
        return {};
    }
    // "{{" is a literal "{"; any other "{X" would switch code set or send a function character.
    QByteArray data;
    for (int i = 2; i < payload.size(); ++i) {
        if (payload.at(i) == '{') {
            if (i + 1 >= payload.size() || payload.at(i + 1) != '{') {
                fail(error, QStringLiteral("barcode: code set changes inside the data are not drawn"));
                return {};
            }
            ++i;
        }
        data.append(payload.at(i));
    }
    return modules(data, error);
}

QByteArray Code128::humanReadable(const QByteArray &payload)
{
    if (payload.size() >= 2 && payload.at(0) == '{' &&
        (payload.at(1) == 'A' || payload.at(1) == 'B' || payload.at(1) == 'C'))
        return QByteArray(payload.mid(2)).replace("{{", "{");
    return payload;
}
