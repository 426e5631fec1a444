#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Captured pages (JPEG bytes each) as one PDF, one page per image: A4 (portrait or landscape as the image
// is), the image fitted and centred. Built in memory; nothing touches the disk. Thread: any (QPdfWriter on
// a QBuffer needs no GUI). Returns an empty array and sets *error (which page, what failed) on failure.
QByteArray documentPdf(const QList<QByteArray> &jpegPages, QString *error);
