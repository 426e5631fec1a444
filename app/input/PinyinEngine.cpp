#include "PinyinEngine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <googlepinyin/pinyinime.h>

#include <optional>

Q_LOGGING_CATEGORY(lcPinyin, "onestop.input.pinyin")

namespace {
// Longer spellings are refused: libgooglepinyin decodes at most kMaxSearchSteps - 1 letters.
constexpr int maxSpellingLength = 32;

QString rawCandidate(int index)
{
    ime_pinyin::char16 buffer[ime_pinyin::kMaxSearchSteps + 1] = {};
    if (index < 0 || !ime_pinyin::im_get_candidate(size_t(index), buffer, ime_pinyin::kMaxSearchSteps))
        return {};
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(buffer));
}

// Where each syllable of the current spelling starts; the last entry is where the decoded part ends.
QList<int> syllableStarts()
{
    const ime_pinyin::uint16 *starts = nullptr;
    const size_t count = ime_pinyin::im_get_spl_start_pos(starts);
    QList<int> result;
    for (size_t i = 0; starts && i <= count; ++i)
        result << starts[i];
    return result;
}
} // namespace

// The process's one libgooglepinyin decoder and its user dictionary for this session.
struct PinyinEngine::Decoder
{
    QString systemDictionary;
    std::optional<QTemporaryDir> sessionDir; // private (0700), removed with its contents
    bool open = false;
    bool learning = false;

    QString userDictionary() const
    {
        return sessionDir ? sessionDir->filePath(QStringLiteral("user-dictionary.dat")) : QString();
    }

    bool openDecoder(bool withLearning)
    {
        closeDecoder();
        if (!QFileInfo(systemDictionary).isReadable()) {
            qCWarning(lcPinyin).noquote() << "pinyin dictionary not readable:" << systemDictionary;
            return false;
        }
        if (withLearning && !sessionDir) {
            sessionDir.emplace(QDir::tempPath() + QStringLiteral("/onestop-pinyin-XXXXXX"));
            if (!sessionDir->isValid()) {
                qCWarning(lcPinyin).noquote() << "no private directory for the session's pinyin dictionary:"
                                              << sessionDir->errorString();
                sessionDir.reset();
                withLearning = false;
            }
        }
        // "" opens the decoder with no user dictionary: nothing is learned.
        const QByteArray user = withLearning ? QFile::encodeName(userDictionary()) : QByteArray("");
        open = ime_pinyin::im_open_decoder(QFile::encodeName(systemDictionary).constData(), user.constData());
        learning = open && withLearning;
        if (!open)
            qCWarning(lcPinyin).noquote() << "pinyin decoder could not open" << systemDictionary;
        return open;
    }

    void closeDecoder()
    {
        if (open)
            ime_pinyin::im_close_decoder();
        open = false;
        learning = false;
    }

    // Deletes what the session learned: the decoder first (it holds the file), then the directory.
    void forget()
    {
        closeDecoder();
        if (sessionDir) {
            QFile file(userDictionary());
            // Overwritten before removal, so the words do not linger in freed blocks of a tmpfs page.
            if (file.exists() && file.open(QIODevice::ReadWrite))
                file.write(QByteArray(int(file.size()), '\0'));
            file.close();
            sessionDir.reset();
        }
    }
};

PinyinEngine::PinyinEngine(const QString &systemDictionary, QObject *parent)
    : QObject(parent), m_decoder(std::make_unique<Decoder>())
{
    m_decoder->systemDictionary = systemDictionary;
    m_decoder->openDecoder(m_learning);
}

PinyinEngine::~PinyinEngine()
{
    m_decoder->forget();
}

QString PinyinEngine::defaultSystemDictionary()
{
    return QStringLiteral(ONESTOP_PINYIN_DICTIONARY);
}

bool PinyinEngine::isAvailable() const
{
    return m_decoder->open;
}

void PinyinEngine::setLearning(bool learning)
{
    if (learning == m_learning)
        return;
    m_learning = learning;
    clearComposition();
    if (m_decoder->open || !m_decoder->systemDictionary.isEmpty())
        m_decoder->openDecoder(learning);
    emit learningChanged();
}

bool PinyinEngine::addLetter(const QString &letter)
{
    if (!m_decoder->open || letter.size() != 1 || m_spelling.size() >= maxSpellingLength)
        return false;
    const QChar c = letter.at(0).toLower();
    const bool separator = c == QLatin1Char('\'');
    if (!(c >= QLatin1Char('a') && c <= QLatin1Char('z')) && !separator)
        return false;
    if (separator && m_spelling.isEmpty())
        return false;
    if (separator && m_spelling.endsWith(c))
        return true; // one separator is enough
    if (m_spelling.isEmpty())
        ime_pinyin::im_reset_search();
    const QByteArray spelling = (m_spelling + c).toLatin1();
    refresh(int(ime_pinyin::im_search(spelling.constData(), size_t(spelling.size()))));
    return true;
}

bool PinyinEngine::backspace()
{
    if (!isComposing())
        return false;
    const QList<int> starts = syllableStarts();
    const int openFrom = m_fixed < starts.size() ? starts.at(m_fixed) : m_spelling.size();
    int total = 0;
    if (m_fixed > 0 && m_spelling.size() <= openFrom)
        total = int(ime_pinyin::im_cancel_last_choice());
    else if (m_spelling.size() == 1) {
        reset();
        return true;
    } else
        total = int(ime_pinyin::im_delsearch(size_t(m_spelling.size() - 1), false, false));
    refresh(total);
    // Every remaining syllable fixed is not a finished composition after a backspace: reopen the last.
    if (m_fixed > 0 && m_fixed >= syllableStarts().size() - 1)
        refresh(int(ime_pinyin::im_cancel_last_choice()));
    return true;
}

QString PinyinEngine::candidate(int index)
{
    if (index < 0 || index >= m_total)
        return {};
    while (m_cache.size() <= index && m_cache.size() < m_total) {
        QString text = rawCandidate(int(m_cache.size()));
        // The first candidate is the whole sentence: only its open part is offered.
        if (m_cache.isEmpty())
            text.remove(0, m_fixed);
        m_cache << text;
    }
    return m_cache.value(index);
}

QStringList PinyinEngine::candidates(int count)
{
    QStringList list;
    for (int i = 0; i < qMin(count, m_total); ++i)
        list << candidate(i);
    return list;
}

QString PinyinEngine::composedText()
{
    size_t decoded = 0;
    const QString spelling = QString::fromLatin1(ime_pinyin::im_get_sps_str(&decoded));
    return rawCandidate(0) + spelling.mid(int(decoded));
}

QString PinyinEngine::choose(int index)
{
    if (!isComposing() || index < 0 || index >= m_total)
        return {};
    if (m_total > 1) {
        refresh(int(ime_pinyin::im_choose(size_t(index))));
        if (m_fixed < syllableStarts().size() - 1 && m_total > 0)
            return {};
    }
    const QString text = composedText();
    clearComposition();
    emit compositionChanged();
    return text;
}

QString PinyinEngine::finish()
{
    if (!isComposing())
        return {};
    if (m_total == 0)
        return takeSpelling();
    return choose(0);
}

QString PinyinEngine::takeSpelling()
{
    const QString spelling = m_spelling;
    reset();
    return spelling;
}

void PinyinEngine::reset()
{
    const bool was = isComposing();
    clearComposition();
    if (was)
        emit compositionChanged();
}

void PinyinEngine::wipe()
{
    clearComposition();
    m_decoder->forget();
    m_decoder->openDecoder(m_learning);
    emit compositionChanged();
    emit wiped();
}

void PinyinEngine::clearComposition()
{
    if (m_decoder->open)
        ime_pinyin::im_reset_search();
    m_spelling.clear();
    m_preedit.clear();
    m_total = 0;
    m_fixed = 0;
    m_cache.clear();
}

void PinyinEngine::refresh(int total)
{
    m_total = total;
    m_cache.clear();
    m_fixed = int(ime_pinyin::im_get_fixed_len());
    size_t decoded = 0;
    m_spelling = QString::fromLatin1(ime_pinyin::im_get_sps_str(&decoded));
    const QList<int> starts = syllableStarts();
    QString preedit = rawCandidate(0).left(m_fixed);
    QStringList open;
    for (int i = m_fixed; i + 1 < starts.size(); ++i)
        open << m_spelling.mid(starts.at(i), starts.at(i + 1) - starts.at(i));
    preedit += open.join(QLatin1Char('\''));
    preedit += m_spelling.mid(int(decoded));
    m_preedit = preedit;
    emit compositionChanged();
}
