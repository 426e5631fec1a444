#pragma once

#include <QByteArray>
#include <QString>

// Test-side builders for SAM data, written from the reference layouts and independent of the codec.

// A 256-byte text block of UTF-16LE spaces; put() writes a field at its layout offset, space padded.
class TextBlockBuilder
{
public:
    TextBlockBuilder();
    TextBlockBuilder &put(int offset, int bytes, const QString &text); // fails the test if text is too long
    TextBlockBuilder &flag(QChar flag) { return put(248, 2, QString(flag)); }
    TextBlockBuilder &rawFlag(quint16 value);
    QByteArray bytes() const { return m_block; }

private:
    QByteArray m_block;
};

// GB 11643: first17 plus its check character.
QString withCheckCharacter(const QString &first17);

// AA AA AA 96 69 | LEN | 00 00 sw3 | data | CHK, the checksum computed here.
QByteArray responseFrame(quint8 sw3, const QByteArray &data = {});

// Read-text data (30 01): lengths header, text, photo.
QByteArray readTextData(const QByteArray &text, const QByteArray &photo);

// 1024 bytes standing in for a WLT photo.
QByteArray fakePhoto();

// "AA AA 01" -> bytes.
QByteArray hexBytes(const char *spacedHex);
