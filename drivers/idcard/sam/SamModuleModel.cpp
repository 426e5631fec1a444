#include "SamModuleModel.h"

#include "SamFrame.h"
#include "SamTextBlockEncoder.h"

namespace Sam {

namespace {
QByteArray u16(int value)
{
    QByteArray b;
    b.append(char((value >> 8) & 0xFF)).append(char(value & 0xFF));
    return b;
}

QByteArray ucs2(const QString &text, int bytes)
{
    QByteArray out;
    for (int i = 0; i < bytes / 2; ++i) {
        const char16_t c = i < text.size() ? text.at(i).unicode() : u' ';
        out.append(char(c & 0xFF)).append(char(c >> 8));
    }
    return out;
}
} // namespace

SamModuleModel::SamModuleModel() = default;

QByteArray SamModuleModel::defaultPhoto()
{
    QByteArray photo;
    for (int i = 0; i < 1024; ++i)
        photo.append(char((i * 7 + 3) & 0xFF));
    return photo;
}

void SamModuleModel::placeCard(const IdCardData &card, const QByteArray &photo, const QByteArray &fingerprint,
                               const QString &appendedAddress)
{
    const TextBlockEncoding encoding = encodeTextBlock(card);
    m_text = encoding.block;
    m_encodingError = encoding.error;
    m_card = Card{photo.isEmpty() ? defaultPhoto() : photo, fingerprint, appendedAddress};
    m_selected = false;
    m_halted = false;
}

void SamModuleModel::removeCard()
{
    m_card.reset();
    m_selected = false;
    m_halted = false;
}

void SamModuleModel::injectSw3(quint8 cmd, quint8 para, quint8 sw3, int times)
{
    Fault f;
    f.kind = Fault::Kind::Sw3;
    f.cmd = cmd;
    f.para = para;
    f.sw3 = sw3;
    f.times = times;
    addFault(f);
}

void SamModuleModel::injectBadChecksum(quint8 cmd, quint8 para, int times)
{
    Fault f;
    f.kind = Fault::Kind::BadChecksum;
    f.cmd = cmd;
    f.para = para;
    f.times = times;
    addFault(f);
}

void SamModuleModel::injectTruncation(quint8 cmd, quint8 para, int keepBytes, int times)
{
    Fault f;
    f.kind = Fault::Kind::Truncate;
    f.cmd = cmd;
    f.para = para;
    f.keepBytes = keepBytes;
    f.times = times;
    addFault(f);
}

void SamModuleModel::injectSilence(quint8 cmd, quint8 para, int times)
{
    Fault f;
    f.kind = Fault::Kind::Silence;
    f.cmd = cmd;
    f.para = para;
    f.times = times;
    addFault(f);
}

int SamModuleModel::commandCount(quint8 cmd, quint8 para) const
{
    const QByteArray key = QByteArray().append(char(cmd)).append(char(para)).toHex(' ');
    return int(m_log.count(key));
}

QByteArray SamModuleModel::respond(const QByteArray &command)
{
    // AA AA AA 96 69 | LEN_H LEN_L | CMD PARA | data | CHK
    if (command.size() < kHeaderSize + 3 || !command.startsWith(preamble()))
        return {};
    const int length = (quint8(command.at(5)) << 8) | quint8(command.at(6));
    if (length < 3 || command.size() != kHeaderSize + length)
        return buildResponse(0x11); // length error
    const quint8 cmd = quint8(command.at(7));
    const quint8 para = quint8(command.at(8));
    m_log.append(command.mid(7, 2).toHex(' '));
    // SW3 and silence faults replace the command (the module did nothing); checksum and truncation faults
    // spoil the answer on its way back (the module did the work).
    const std::optional<Fault> fault = takeFault(cmd, para);
    if (fault && fault->kind == Fault::Kind::Sw3)
        return buildResponse(fault->sw3);
    if (fault && fault->kind == Fault::Kind::Silence)
        return {};
    QByteArray response = xorChecksum(command, 5, command.size() - 1) != quint8(command.back())
                              ? buildResponse(0x10)
                              : answer(cmd, para);
    if (fault && fault->kind == Fault::Kind::BadChecksum && !response.isEmpty())
        response.back() = char(quint8(response.back()) ^ 0x5A);
    if (fault && fault->kind == Fault::Kind::Truncate)
        response = response.left(fault->keepBytes);
    return response;
}

QByteArray SamModuleModel::feed(const QByteArray &bytes)
{
    m_input.append(bytes);
    QByteArray out;
    for (;;) {
        const int start = m_input.indexOf(preamble());
        if (start < 0) {
            // keep a possible partial preamble at the end
            m_input = m_input.right(kPreambleSize - 1);
            return out;
        }
        m_input.remove(0, start);
        if (m_input.size() < kHeaderSize)
            return out;
        const int length = (quint8(m_input.at(5)) << 8) | quint8(m_input.at(6));
        if (length > kDefaultMaxFrameSize) {
            m_input.remove(0, kPreambleSize);
            continue;
        }
        if (m_input.size() < kHeaderSize + length)
            return out;
        out.append(respond(m_input.left(kHeaderSize + length)));
        m_input.remove(0, kHeaderSize + length);
    }
}

QByteArray SamModuleModel::answer(quint8 cmd, quint8 para)
{
    const auto pair = [cmd, para](quint8 c, quint8 p) { return cmd == c && para == p; };
    if (pair(0x10, 0xFF)) { // reset: the card has to be found again
        m_selected = false;
        return buildResponse(0x90);
    }
    if (pair(0x11, 0xFF))
        return buildResponse(0x90);
    if (pair(0x12, 0xFF))
        return buildResponse(0x90, QByteArray::fromHex("05000000010203040506070809101112").left(16));
    if (pair(0x20, 0x01)) { // find
        if (!m_card || m_halted)
            return buildResponse(0x80);
        m_selected = false;
        return buildResponse(0x9F, QByteArray(4, '\0'));
    }
    if (pair(0x20, 0x02)) { // select
        if (!m_card)
            return buildResponse(0x81);
        m_selected = true;
        return buildResponse(0x90, QByteArray(8, '\0'));
    }
    if (cmd == 0x30 && (para == 0x01 || para == 0x10)) { // read text + photo [+ fingerprint]
        if (!m_card || !m_selected || m_text.isEmpty())
            return buildResponse(0x41);
        QByteArray data = u16(m_text.size()) + u16(m_card->photo.size());
        if (para == 0x10)
            data += u16(m_card->fingerprint.size());
        data += m_text + m_card->photo;
        if (para == 0x10)
            data += m_card->fingerprint;
        m_selected = false;
        m_halted = true;
        return buildResponse(0x90, data);
    }
    if (pair(0x30, 0x03)) { // appended address
        if (!m_card)
            return buildResponse(0x41);
        if (m_card->appendedAddress.isEmpty())
            return buildResponse(0x91);
        return buildResponse(0x90, ucs2(m_card->appendedAddress, 70));
    }
    return buildResponse(0x21); // bad command
}

std::optional<SamModuleModel::Fault> SamModuleModel::takeFault(quint8 cmd, quint8 para)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        Fault &f = m_faults[i];
        const bool matches = (f.cmd == 0xFF && f.para == 0xFF) || (f.cmd == cmd && f.para == para);
        if (!matches || f.times <= 0)
            continue;
        const Fault fault = f;
        if (--f.times <= 0)
            m_faults.removeAt(i);
        return fault;
    }
    return std::nullopt;
}

} // namespace Sam
