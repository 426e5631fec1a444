#pragma once

#include "CaseStore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <QVector>

// The case the store bench commits and syncs: a realistic residence-permit form (names, ID number,
// addresses, phone, employer, reason: about 1 KB of JSON) and one small photo-like attachment (12 KiB).
inline CaseSubmission benchCase(const QString &caseNumber)
{
    CaseSubmission s;
    s.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    s.caseNumber = caseNumber;
    s.serviceId = QStringLiteral("residence-permit");
    s.centerId = QStringLiteral("SH-XH-LHJD");
    s.submittedAt = QDateTime::currentDateTimeUtc();
    s.language = QStringLiteral("zh_CN");
    s.form = QJsonObject{
        {QStringLiteral("full_name"), QStringLiteral("测试申请人")},
        {QStringLiteral("id_type"), QStringLiteral("resident")},
        {QStringLiteral("id_number"), QStringLiteral("110101199003074514")},
        {QStringLiteral("gender"), QStringLiteral("female")},
        {QStringLiteral("birth_date"), QStringLiteral("1990-03-07")},
        {QStringLiteral("ethnicity"), QStringLiteral("汉")},
        {QStringLiteral("phone"), QStringLiteral("13800138000")},
        {QStringLiteral("email"), QStringLiteral("applicant@example.cn")},
        {QStringLiteral("household_address"),
         QStringLiteral("北京市东城区东华门街道某某胡同12号院3号楼2单元501室")},
        {QStringLiteral("residence_address"),
         QStringLiteral("上海市徐汇区龙华街道龙华中路600号某小区8号楼1203室")},
        {QStringLiteral("residence_since"), QStringLiteral("2021-06-01")},
        {QStringLiteral("employer"), QStringLiteral("上海某某信息技术有限公司")},
        {QStringLiteral("employer_address"), QStringLiteral("上海市徐汇区漕河泾开发区宜山路700号")},
        {QStringLiteral("reason"), QStringLiteral("在沪就业，申领居住证，用于子女入学及社保办理。")},
        {QStringLiteral("emergency_contact"), QStringLiteral("测试联系人 13900139000")},
        {QStringLiteral("consent"), true},
    };
    return s;
}

inline QVector<StoredAttachment> benchAttachments()
{
    QByteArray photo("\xff\xd8\xff\xe0", 4);
    photo.reserve(12 * 1024);
    quint32 x = 2463534242u; // xorshift: incompressible like a JPEG, the same every run
    while (photo.size() < 12 * 1024 - 2) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        photo.append(char(x & 0xff));
    }
    photo.append("\xff\xd9", 2);
    return {{QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), photo, QStringLiteral("photo")}};
}
