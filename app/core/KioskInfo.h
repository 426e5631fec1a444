#pragma once

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

struct SiteConfig;

// Facts about this kiosk for the screens: the center's name in the session's language, the languages on
// offer, whether it runs the demo (simulator panel), whether animations are on. Thread: GUI.
class KioskInfo : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("KioskInfo is made by the application")
    Q_PROPERTY(QString centerId READ centerId CONSTANT)
    Q_PROPERTY(QString centerName READ centerName NOTIFY languageChanged)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)
    Q_PROPERTY(bool demo READ isDemo CONSTANT)
    Q_PROPERTY(bool animations READ animations CONSTANT)

public:
    KioskInfo(const SiteConfig &site, bool demo, bool animations, QObject *parent = nullptr);
    QString centerId() const;
    QString centerName() const;
    QStringList languages() const;
    bool isDemo() const { return m_demo; }
    bool animations() const { return m_animations; }
    void setLanguage(const QString &language);

signals:
    void languageChanged();

private:
    const SiteConfig &m_site;
    bool m_demo;
    bool m_animations;
    QString m_language;
};
