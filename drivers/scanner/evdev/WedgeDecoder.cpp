#include "WedgeDecoder.h"

#include <linux/input-event-codes.h>

namespace Wedge {

namespace {
struct KeyChars
{
    int code;
    char plain;
    char shifted;
    const char *name;
};

// US layout (ANSI 104). Letters are lower case unshifted.
// clang-format off
constexpr KeyChars kKeys[] = {
    {KEY_1, '1', '!', "KEY_1"},           {KEY_2, '2', '@', "KEY_2"},
    {KEY_3, '3', '#', "KEY_3"},           {KEY_4, '4', '$', "KEY_4"},
    {KEY_5, '5', '%', "KEY_5"},           {KEY_6, '6', '^', "KEY_6"},
    {KEY_7, '7', '&', "KEY_7"},           {KEY_8, '8', '*', "KEY_8"},
    {KEY_9, '9', '(', "KEY_9"},           {KEY_0, '0', ')', "KEY_0"},
    {KEY_MINUS, '-', '_', "KEY_MINUS"},   {KEY_EQUAL, '=', '+', "KEY_EQUAL"},
    {KEY_Q, 'q', 'Q', "KEY_Q"},           {KEY_W, 'w', 'W', "KEY_W"},
    {KEY_E, 'e', 'E', "KEY_E"},           {KEY_R, 'r', 'R', "KEY_R"},
    {KEY_T, 't', 'T', "KEY_T"},           {KEY_Y, 'y', 'Y', "KEY_Y"},
    {KEY_U, 'u', 'U', "KEY_U"},           {KEY_I, 'i', 'I', "KEY_I"},
    {KEY_O, 'o', 'O', "KEY_O"},           {KEY_P, 'p', 'P', "KEY_P"},
    {KEY_LEFTBRACE, '[', '{', "KEY_LEFTBRACE"}, {KEY_RIGHTBRACE, ']', '}', "KEY_RIGHTBRACE"},
    {KEY_A, 'a', 'A', "KEY_A"},           {KEY_S, 's', 'S', "KEY_S"},
    {KEY_D, 'd', 'D', "KEY_D"},           {KEY_F, 'f', 'F', "KEY_F"},
    {KEY_G, 'g', 'G', "KEY_G"},           {KEY_H, 'h', 'H', "KEY_H"},
    {KEY_J, 'j', 'J', "KEY_J"},           {KEY_K, 'k', 'K', "KEY_K"},
    {KEY_L, 'l', 'L', "KEY_L"},           {KEY_SEMICOLON, ';', ':', "KEY_SEMICOLON"},
    {KEY_APOSTROPHE, '\'', '"', "KEY_APOSTROPHE"}, {KEY_GRAVE, '`', '~', "KEY_GRAVE"},
    {KEY_BACKSLASH, '\\', '|', "KEY_BACKSLASH"},
    {KEY_Z, 'z', 'Z', "KEY_Z"},           {KEY_X, 'x', 'X', "KEY_X"},
    {KEY_C, 'c', 'C', "KEY_C"},           {KEY_V, 'v', 'V', "KEY_V"},
    {KEY_B, 'b', 'B', "KEY_B"},           {KEY_N, 'n', 'N', "KEY_N"},
    {KEY_M, 'm', 'M', "KEY_M"},           {KEY_COMMA, ',', '<', "KEY_COMMA"},
    {KEY_DOT, '.', '>', "KEY_DOT"},       {KEY_SLASH, '/', '?', "KEY_SLASH"},
    {KEY_SPACE, ' ', ' ', "KEY_SPACE"},
    // Keypad with NumLock on; Shift does not change them here.
    {KEY_KP0, '0', '0', "KEY_KP0"},       {KEY_KP1, '1', '1', "KEY_KP1"},
    {KEY_KP2, '2', '2', "KEY_KP2"},       {KEY_KP3, '3', '3', "KEY_KP3"},
    {KEY_KP4, '4', '4', "KEY_KP4"},       {KEY_KP5, '5', '5', "KEY_KP5"},
    {KEY_KP6, '6', '6', "KEY_KP6"},       {KEY_KP7, '7', '7', "KEY_KP7"},
    {KEY_KP8, '8', '8', "KEY_KP8"},       {KEY_KP9, '9', '9', "KEY_KP9"},
    {KEY_KPMINUS, '-', '-', "KEY_KPMINUS"}, {KEY_KPPLUS, '+', '+', "KEY_KPPLUS"},
    {KEY_KPASTERISK, '*', '*', "KEY_KPASTERISK"}, {KEY_KPSLASH, '/', '/', "KEY_KPSLASH"},
    {KEY_KPDOT, '.', '.', "KEY_KPDOT"},
};
// clang-format on

struct NamedKey
{
    int code;
    const char *name;
};
// clang-format off
constexpr NamedKey kOtherKeys[] = {
    {KEY_ESC, "KEY_ESC"},           {KEY_BACKSPACE, "KEY_BACKSPACE"}, {KEY_TAB, "KEY_TAB"},
    {KEY_ENTER, "KEY_ENTER"},       {KEY_LEFTCTRL, "KEY_LEFTCTRL"},   {KEY_LEFTSHIFT, "KEY_LEFTSHIFT"},
    {KEY_RIGHTSHIFT, "KEY_RIGHTSHIFT"}, {KEY_LEFTALT, "KEY_LEFTALT"}, {KEY_CAPSLOCK, "KEY_CAPSLOCK"},
    {KEY_NUMLOCK, "KEY_NUMLOCK"},   {KEY_KPENTER, "KEY_KPENTER"},     {KEY_RIGHTCTRL, "KEY_RIGHTCTRL"},
    {KEY_RIGHTALT, "KEY_RIGHTALT"}, {KEY_LEFTMETA, "KEY_LEFTMETA"},   {KEY_RIGHTMETA, "KEY_RIGHTMETA"},
};
// clang-format on

const KeyChars *findKey(int code)
{
    for (const KeyChars &k : kKeys) {
        if (k.code == code)
            return &k;
    }
    return nullptr;
}
} // namespace

std::optional<char> usKeyToAscii(int keyCode, bool shift)
{
    const KeyChars *k = findKey(keyCode);
    if (!k)
        return std::nullopt;
    return shift ? k->shifted : k->plain;
}

QString keyName(int keyCode)
{
    if (const KeyChars *k = findKey(keyCode))
        return QStringLiteral("%1 (%2)").arg(QLatin1String(k->name)).arg(keyCode);
    for (const NamedKey &k : kOtherKeys) {
        if (k.code == keyCode)
            return QStringLiteral("%1 (%2)").arg(QLatin1String(k.name)).arg(keyCode);
    }
    return QStringLiteral("code %1").arg(keyCode);
}

WedgeDecoder::WedgeDecoder(int suffixKey, int maxBytes) : m_suffixKey(suffixKey), m_maxBytes(maxBytes) {}

void WedgeDecoder::clear()
{
    m_leftShift = m_rightShift = false;
    m_text.clear();
    m_rejected.clear();
}

std::optional<WedgeResult> WedgeDecoder::feed(int type, int code, int value)
{
    if (type != EV_KEY)
        return std::nullopt;
    if (code == KEY_LEFTSHIFT || code == KEY_RIGHTSHIFT) {
        const bool down = value != 0;
        (code == KEY_LEFTSHIFT ? m_leftShift : m_rightShift) = down;
        return std::nullopt;
    }
    if (value != 1) // release (0) and autorepeat (2)
        return std::nullopt;

    const bool isSuffix = code == m_suffixKey || (m_suffixKey == KEY_ENTER && code == KEY_KPENTER);
    if (isSuffix) {
        WedgeResult result;
        result.complete = true;
        if (!m_rejected.isEmpty())
            result.error = m_rejected;
        else
            result.text = QString::fromLatin1(m_text); // ASCII only by construction
        m_text.clear();
        m_rejected.clear();
        return result;
    }
    if (!m_rejected.isEmpty())
        return std::nullopt; // swallowing the rest of a rejected scan

    const std::optional<char> c = usKeyToAscii(code, m_leftShift || m_rightShift);
    if (!c) {
        m_rejected = QStringLiteral("key %1 is not a printable ASCII key on a US layout; scan rejected")
                         .arg(keyName(code));
        m_text.clear();
        return std::nullopt;
    }
    if (m_text.size() >= m_maxBytes) {
        m_rejected = QStringLiteral("scan too long: over %1 bytes; rejected").arg(m_maxBytes);
        m_text.clear();
        return std::nullopt;
    }
    m_text.append(*c);
    return std::nullopt;
}

} // namespace Wedge
