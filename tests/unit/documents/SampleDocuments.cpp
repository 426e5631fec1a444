#include "SampleDocuments.h"

#include "IdNumber.h"

ApplicationSummaryContent SampleDocuments::summary(const QString &language, int formRows)
{
    ApplicationSummaryContent c;
    c.language = language;
    c.centerName = QStringLiteral("徐汇区田林街道社区事务受理服务中心");
    c.serviceName = kServiceName;
    c.serviceCode = QStringLiteral("310000-JZZ-001");
    c.caseNumber = kCaseNumber;
    c.submittedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 30));
    c.maskedName = IdNumber::maskName(kFullName);
    c.maskedIdNumber = IdNumber::mask(kFullIdNumber);
    c.formFields = {{QStringLiteral("居住地址"), QStringLiteral("上海市徐汇区田林路 100 弄 5 号 302 室")},
                    {QStringLiteral("联系电话"), IdNumber::maskPhone(QStringLiteral("13812345678"))},
                    {QStringLiteral("居住事由"), QStringLiteral("就业")}};
    for (int i = 0; i < formRows; ++i)
        c.formFields.append({QStringLiteral("附加项目 %1").arg(i + 1), QStringLiteral("内容 %1").arg(i + 1)});
    c.materials = {QStringLiteral("居民身份证"), QStringLiteral("房屋租赁合同"), QStringLiteral("一寸照片")};
    c.trackingUrl = QStringLiteral("https://zwdt.sh.gov.cn/track?case=") + kCaseNumber;
    return c;
}

CertificateContent SampleDocuments::certificate(const QString &language)
{
    CertificateContent c;
    c.language = language;
    c.issuingCenter = language.startsWith(QLatin1String("en"))
                          ? QStringLiteral("Tianlin Subdistrict Community Affairs Acceptance Center")
                          : QStringLiteral("徐汇区田林街道社区事务受理服务中心");
    c.issuedOn = QDate(2026, 11, 27);
    c.referenceNumber = kCaseNumber;
    c.values = {{QStringLiteral("name"), IdNumber::maskName(kFullName)},
                {QStringLiteral("id_number"), IdNumber::mask(kFullIdNumber)},
                {QStringLiteral("since"), QStringLiteral("2020-03-01")},
                {QStringLiteral("address"), QStringLiteral("上海市徐汇区田林路 100 弄 5 号")},
                {QStringLiteral("purpose"), language.startsWith(QLatin1String("en"))
                                                ? QStringLiteral("school enrolment")
                                                : QStringLiteral("子女入学")}};
    return c;
}
