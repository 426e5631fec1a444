#pragma once

#include "IdCardData.h"
#include "SamIdCardReader.h"

#include <QString>

// A fictional resident (the number has a valid check character; no real person).
inline IdCardData testResident()
{
    IdCardData c;
    c.cardType = IdCardData::CardType::Resident;
    c.name = QStringLiteral("赵一鸣");
    c.sex = IdCardData::Sex::Male;
    c.ethnicity = QStringLiteral("汉");
    c.birth = QDate(1988, 4, 12);
    c.address = QStringLiteral("上海市黄浦区测试路100弄5号");
    c.idNumber = QStringLiteral("310101198804120018");
    c.issuer = QStringLiteral("上海市公安局黄浦分局");
    c.validFrom = QDate(2016, 3, 1);
    c.validTo = QDate(2036, 3, 1);
    return c;
}

// Short poll intervals so that tests run fast; timeouts generous enough for a loaded machine (a spurious
// timeout would only retry). No test asserts on time.
inline SamIdCardReader::Options fastOptions()
{
    SamIdCardReader::Options o;
    o.pollIntervalMs = 5;
    o.exchangeTimeoutMs = 500;
    o.readTimeoutMs = 1000;
    o.reopenIntervalMs = 0;
    return o;
}
