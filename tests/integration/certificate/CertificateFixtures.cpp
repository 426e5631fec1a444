#include "CertificateFixtures.h"

#include "RawHttpClient.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <ZXing/ReadBarcode.h>

namespace CertificateFixtures {

namespace {
bool post(quint16 port, const QJsonObject &body, QString *error)
{
    const auto r = rawExchange(port, RawHttpClient::request("POST", "/test/resident-record",
                                                            {{"Content-Type", "application/json"}},
                                                            QJsonDocument(body).toJson(QJsonDocument::Compact)));
    if (r && r->status == 200)
        return true;
    *error = QStringLiteral("seed: %1").arg(r ? QString::fromUtf8(r->statusLine + ' ' + r->body)
                                              : QStringLiteral("no answer"));
    return false;
}
} // namespace

bool seedResidents(quint16 port, QString *error)
{
    const QString resident = QStringLiteral("resident");
    return post(port,
                {{QStringLiteral("id_type"), resident},
                 {QStringLiteral("id_number"), kEligibleId},
                 {QStringLiteral("name"), kEligibleName},
                 {QStringLiteral("address"), kEligibleAddress},
                 {QStringLiteral("since"), QStringLiteral("2008-05-20")},
                 {QStringLiteral("registered_address"), kEligibleAddress},
                 {QStringLiteral("household_head"), kEligibleName},
                 {QStringLiteral("relationship"), QStringLiteral("户主")}},
                error) &&
           post(port,
                {{QStringLiteral("id_type"), resident},
                 {QStringLiteral("id_number"), kNewcomerId},
                 {QStringLiteral("name"), QStringLiteral("李建国")},
                 {QStringLiteral("address"), QStringLiteral("上海市徐汇区钦州路512弄7号601室")},
                 {QStringLiteral("since"), QDate::currentDate().addMonths(-2).toString(Qt::ISODate)}},
                error);
}

bool seedEligible(quint16 port, const QString &idNumber, const QString &name, QString *error)
{
    return post(port,
                {{QStringLiteral("id_type"), QStringLiteral("resident")},
                 {QStringLiteral("id_number"), idNumber},
                 {QStringLiteral("name"), name},
                 {QStringLiteral("address"), kEligibleAddress},
                 {QStringLiteral("since"), QStringLiteral("2008-05-20")},
                 {QStringLiteral("registered_address"), kEligibleAddress},
                 {QStringLiteral("household_head"), name},
                 {QStringLiteral("relationship"), QStringLiteral("户主")}},
                error);
}

JourneyResident resident(const QString &idNumber, const QString &name, const QString &method)
{
    JourneyResident r;
    r.card.cardType = IdCardData::CardType::Resident;
    r.card.idNumber = idNumber;
    r.card.name = name;
    r.method = method;
    return r;
}

QJsonObject verify(quint16 port, const QString &code, int *status)
{
    const auto r = rawExchange(port, RawHttpClient::request("GET", "/api/v1/certificates/verify/" + code.toUtf8()));
    *status = r ? r->status : 0;
    return r ? QJsonDocument::fromJson(r->body).object() : QJsonObject();
}

QImage firstPage(const QByteArray &pdf, QString *error)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("page.pdf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size()) {
        *error = QStringLiteral("cannot write the PDF");
        return QImage();
    }
    file.close();
    QProcess p;
    p.start(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"),
                                         QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                         QStringLiteral("1"), QStringLiteral("-singlefile"), file.fileName(),
                                         dir.filePath(QStringLiteral("page"))});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        *error = QStringLiteral("pdftoppm: %1").arg(QString::fromLocal8Bit(p.readAllStandardError()));
        return QImage();
    }
    QImage image(dir.filePath(QStringLiteral("page.png")));
    if (image.isNull())
        *error = QStringLiteral("pdftoppm wrote no image");
    return image;
}

QStringList qrTexts(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum,
                                int(grey.bytesPerLine()));
    QStringList texts;
    for (const ZXing::Result &r :
         ZXing::ReadBarcodes(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode).setTryHarder(true)))
        if (r.isValid())
            texts << QString::fromStdWString(r.text());
    return texts;
}

} // namespace CertificateFixtures
