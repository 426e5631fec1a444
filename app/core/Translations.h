#pragma once

#include <QObject>
#include <QTranslator>

class QQmlEngine;

// Switches the UI language: one translator from the compiled-in .qm files, then every qsTr binding in
// QML is re-evaluated. Thread: GUI.
class Translations : public QObject
{
    Q_OBJECT
public:
    explicit Translations(QObject *parent = nullptr);
    void setEngine(QQmlEngine *engine) { m_engine = engine; }
    // language: "zh_CN" or "en". Returns false (and keeps the previous one) when no translation exists.
    bool apply(const QString &language);
    QString current() const { return m_current; }

private:
    QTranslator m_translator;
    QQmlEngine *m_engine = nullptr;
    QString m_current;
    bool m_installed = false;
};
