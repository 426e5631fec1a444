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

void KeyboardController::wipe()
{
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
