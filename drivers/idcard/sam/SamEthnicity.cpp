#include "SamEthnicity.h"

namespace Sam {

namespace {
// Index i holds code i + 1 (01..56), in GB 3304 order.
const char *const kNames[] = {
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
    "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
    "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
    "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
    "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == 56, "GB 3304 lists 56 groups");
} // namespace

QString ethnicityName(const QString &code)
{
    const auto isAsciiDigit = [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); };
    if (code.size() != 2 || !isAsciiDigit(code.at(0)) || !isAsciiDigit(code.at(1)))
        return {};
    const int value = code.toInt();
    if (value >= 1 && value <= 56)
        return QString::fromUtf8(kNames[value - 1]);
    if (value == 97)
        return QStringLiteral("其他");
    if (value == 98)
        return QStringLiteral("外国血统中国籍人士");
    return {};
}

QString ethnicityCode(const QString &name)
{
    for (int value = 1; value <= 56; ++value) {
        if (name == QString::fromUtf8(kNames[value - 1]))
            return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
    }
    if (name == QStringLiteral("其他"))
        return QStringLiteral("97");
    if (name == QStringLiteral("外国血统中国籍人士"))
        return QStringLiteral("98");
    return {};
}

} // namespace Sam
