#include "KeyboardController.h"

#include "PinyinEngine.h"

KeyboardController::KeyboardController(PinyinEngine &engine, QObject *parent)
    : QObject(parent), m_engine(engine)
{
}

void KeyboardController::setSessionLanguage(const QString &language)
{
    setLocale(language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en_GB"));
}

void KeyboardController::fieldFocused(int hints)
{
    m_engine.setLearning(!(hints & Qt::ImhSensitiveData));
}

void KeyboardController::toggleLocale()
{
    setLocale(m_locale == QLatin1String("zh_CN") ? QStringLiteral("en_GB") : QStringLiteral("zh_CN"));
}

void KeyboardController::compositionStarted(const QString &surroundingText, int cursorPosition)
{
    m_composing = true;
    m_textAtStart = surroundingText;
    m_cursorAtStart = qBound(0, cursorPosition, int(surroundingText.size()));
    m_longestPreedit = 0;
}

void KeyboardController::compositionShown(int length)
{
    if (m_composing)
        m_longestPreedit = qMax(m_longestPreedit, length);
}

bool KeyboardController::changedUnderComposition(const QString &surroundingText, int cursorPosition) const
{
    if (!m_composing)
        return true;
    const int inserted = int(surroundingText.size() - m_textAtStart.size());
    if (inserted < 0 || !surroundingText.startsWith(QStringView(m_textAtStart).left(m_cursorAtStart)) ||
        !surroundingText.endsWith(QStringView(m_textAtStart).mid(m_cursorAtStart)))
        return true;
    return cursorPosition < m_cursorAtStart || cursorPosition > m_cursorAtStart + inserted + m_longestPreedit;
}

void KeyboardController::compositionEnded()
{
    m_composing = false;
    m_textAtStart.clear();
    m_cursorAtStart = 0;
    m_longestPreedit = 0;
}

void KeyboardController::wipe()
{
    compositionEnded();
    m_engine.wipe();
    setLocale(defaultLocale());
    ++m_generation;
    emit wiped();
}

void KeyboardController::setLocale(const QString &locale)
{
    if (locale == m_locale)
        return;
    m_locale = locale;
    emit localeChanged();
}
