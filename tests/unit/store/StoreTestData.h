#pragma once

// Sample submissions shared by the store tests. Invented data only.

#include "CaseStore.h"

#include <QFile>
#include <QJsonObject>
#include <QString>
#include <QUuid>

inline CaseSubmission sampleCase(const QString &caseNumber, const QString &centerId = QStringLiteral("C001"))
{
    CaseSubmission submission;
    submission.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    submission.caseNumber = caseNumber;
    submission.serviceId = QStringLiteral("svc.passport");
    submission.centerId = centerId;
    submission.submittedAt = QDateTime(QDate(2024, 5, 1), QTime(8, 30, 0, 123), Qt::UTC);
    submission.form =
        QJsonObject{{QStringLiteral("full_name"), QStringLiteral("测试乙")}, {QStringLiteral("copies"), 2}};
    submission.language = QStringLiteral("zh_CN");
    return submission;
}

inline QVector<StoredAttachment> sampleAttachments()
{
    return {{QStringLiteral("id-front.jpg"), QStringLiteral("image/jpeg"), QByteArray("abc"), QStringLiteral("page")},
            {QStringLiteral("empty.pdf"), QStringLiteral("application/pdf"), QByteArray(), QStringLiteral("pdf")}};
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
