#pragma once

#include "ConfigError.h"
#include "IdCardData.h" // drivers/idcard: header only (sexCode/cardTypeCode are not used here)

#include <QDate>
#include <QVector>

// Loads kiosk-config/residents.json, the fictional residents offered by the simulator panel (format:
// docs/config.md). Every entry must be a card a real reader could return: a valid GB 11643 number whose
// birth date and sex agree with the other fields. Numbers with prefix 810000/820000/830000 become
// Hong Kong / Macao / Taiwan residence permits. Error messages never repeat the values.
class SampleResidents
{
public:
    static ConfigResult<QVector<IdCardData>> load(const QString &path,
                                                  const QDate &today = QDate::currentDate());
    static ConfigResult<QVector<IdCardData>> parse(const QByteArray &json, const QString &fileName,
                                                   const QDate &today = QDate::currentDate());
};
