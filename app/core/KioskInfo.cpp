#include "KioskInfo.h"

#include "SiteConfig.h"

KioskInfo::KioskInfo(const SiteConfig &site, bool demo, bool animations, QObject *parent)
    : QObject(parent), m_site(site), m_demo(demo), m_animations(animations),
      m_language(site.languages.value(0, QStringLiteral("zh_CN")))
{
}

QString KioskInfo::centerId() const { return m_site.centerId; }
QString KioskInfo::centerName() const { return m_site.centerName.in(m_language); }
QStringList KioskInfo::languages() const { return m_site.languages; }

void KioskInfo::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit languageChanged();
}
