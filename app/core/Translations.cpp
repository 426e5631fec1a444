#include "Translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QQmlEngine>

Q_LOGGING_CATEGORY(lcTranslations, "onestop.i18n")

Translations::Translations(QObject *parent) : QObject(parent) {}

bool Translations::apply(const QString &language)
{
    if (language == m_current)
        return true;
    const QString file = QStringLiteral(":/i18n/onestop_%1.qm").arg(language);
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    if (!m_translator.load(file)) {
        qCWarning(lcTranslations) << "no translation for" << language << "at" << file;
        return false;
    }
    m_installed = QCoreApplication::installTranslator(&m_translator);
    m_current = language;
    if (m_engine)
        m_engine->retranslate();
    return m_installed;
}
