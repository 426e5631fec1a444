#include "DocumentPdf.h"

#include <QBuffer>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

QByteArray documentPdf(const QList<QByteArray> &jpegPages, QString *error)
{
    if (jpegPages.isEmpty()) {
        *error = QStringLiteral("document PDF: no pages");
        return QByteArray();
    }
    QList<QImage> images;
    for (int i = 0; i < jpegPages.size(); ++i) {
        QImage image = QImage::fromData(jpegPages.at(i), "JPEG");
        if (image.isNull()) {
            *error = QStringLiteral("document PDF: page %1 of %2 is not a readable JPEG (%3 bytes)")
                         .arg(i + 1).arg(jpegPages.size()).arg(jpegPages.at(i).size());
            return QByteArray();
        }
        images.append(image);
    }

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("OneStop Kiosk"));
        writer.setResolution(150);
        auto layoutFor = [](const QImage &image) {
            return QPageLayout(QPageSize(QPageSize::A4),
                               image.width() > image.height() ? QPageLayout::Landscape : QPageLayout::Portrait,
                               QMarginsF(0, 0, 0, 0));
        };
        writer.setPageLayout(layoutFor(images.first()));
        QPainter painter;
        if (!painter.begin(&writer)) {
            *error = QStringLiteral("document PDF: cannot start the PDF writer");
            return QByteArray();
        }
        for (int i = 0; i < images.size(); ++i) {
            if (i > 0) {
                writer.setPageLayout(layoutFor(images.at(i)));
                writer.newPage();
            }
            const QRect page = painter.viewport();
            const QSize fitted = images.at(i).size().scaled(page.size(), Qt::KeepAspectRatio);
            const QRect target(page.x() + (page.width() - fitted.width()) / 2,
                               page.y() + (page.height() - fitted.height()) / 2, fitted.width(), fitted.height());
            painter.drawImage(target, images.at(i));
        }
        painter.end();
    }
    return pdf;
}
