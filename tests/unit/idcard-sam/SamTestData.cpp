#include "SamTestData.h"

#include <QtGlobal>

TextBlockBuilder::TextBlockBuilder()
{
    for (int i = 0; i < 128; ++i)
        m_block.append(' ').append('\0');
}

TextBlockBuilder &TextBlockBuilder::put(int offset, int bytes, const QString &text)
{
    if (text.size() * 2 > bytes)
        qFatal("TextBlockBuilder: field at %d is %d bytes, text needs %d", offset, bytes, int(text.size() * 2));
    for (int i = 0; i < bytes / 2; ++i) {
        const char16_t c = i < text.size() ? text.at(i).unicode() : u' ';
        m_block[offset + 2 * i] = char(c & 0xFF);
        m_block[offset + 2 * i + 1] = char(c >> 8);
    }
    return *this;
}

TextBlockBuilder &TextBlockBuilder::rawFlag(quint16 value)
{
    m_block[248] = char(value & 0xFF);
    m_block[249] = char(value >> 8);
    return *this;
}

QString withCheckCharacter(const QString &first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char checks[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17.at(i).unicode() - '0') * weights[i];
    return first17 + QLatin1Char(checks[sum % 11]);
}

QByteArray responseFrame(quint8 sw3, const QByteArray &data)
{
    QByteArray afterPreamble;
    const int length = 3 + data.size() + 1;
    afterPreamble.append(char(length >> 8)).append(char(length & 0xFF));
    afterPreamble.append('\0').append('\0').append(char(sw3)).append(data);
    quint8 chk = 0;
    for (char b : afterPreamble)
        chk ^= quint8(b);
    return hexBytes("AA AA AA 96 69") + afterPreamble + char(chk);
}

QByteArray readTextData(const QByteArray &text, const QByteArray &photo)
{
    QByteArray data;
    data.append(char(text.size() >> 8)).append(char(text.size() & 0xFF));
    data.append(char(photo.size() >> 8)).append(char(photo.size() & 0xFF));
    return data + text + photo;
}

QByteArray fakePhoto()
{
    QByteArray photo;
    for (int i = 0; i < 1024; ++i)
        photo.append(char((i * 13 + 5) & 0xFF));
    return photo;
}

QByteArray hexBytes(const char *spacedHex)
{
    return QByteArray::fromHex(QByteArray(spacedHex).replace(' ', ""));
}
