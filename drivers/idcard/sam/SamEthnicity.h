#pragma once

#include <QString>

// Ethnic groups by GB 3304 code, as the resident ID card stores them (two digits, "01".."56", "97", "98").
// Pure functions, safe on any thread.
namespace Sam {

// The name as printed on the card without 族 ("01" -> "汉", "56" -> "基诺", "97" -> "其他",
// "98" -> "外国血统中国籍人士"); a null QString for any other code.
QString ethnicityName(const QString &code);

// The reverse: "汉" -> "01"; a null QString for a name not in the table.
QString ethnicityCode(const QString &name);

} // namespace Sam
