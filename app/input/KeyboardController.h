#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class PinyinEngine;

// The on-screen keyboard's state that outlives a text field: which language it starts in and whether the
// pinyin engine may learn. The keyboard (OneStop.Keyboard) follows `locale` and clears its own state
// (pre-edit, candidates, shift, symbol mode, chosen language) on `wiped`, which the session's end
// triggers through wipe(). Thread: GUI.
class KeyboardController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by main.cpp")
    Q_PROPERTY(QString locale READ locale NOTIFY localeChanged)
    Q_PROPERTY(int generation READ generation NOTIFY wiped)

public:
    explicit KeyboardController(PinyinEngine &engine, QObject *parent = nullptr);

    // The layout locale the keyboard opens in: "zh_CN" (pinyin) or "en_GB" (Latin).
    QString locale() const { return m_locale; }
    // How many times the keyboard has been wiped (a binding the keyboard can watch).
    int generation() const { return m_generation; }

    // The session's language ("zh_CN", "en", ...): Chinese sessions start on pinyin, others on Latin.
    Q_INVOKABLE void setSessionLanguage(const QString &language);
    // A text field took the keyboard's focus with these Qt::InputMethodHints: the engine learns only in
    // fields not marked sensitive.
    Q_INVOKABLE void fieldFocused(int hints);
    // The language key: Chinese <-> English.
    Q_INVOKABLE void toggleLocale();
    // Session end: the engine forgets everything, the keyboard goes back to its first state.
    Q_INVOKABLE void wipe();

    static QString defaultLocale() { return QStringLiteral("zh_CN"); }

signals:
    void localeChanged();
    void wiped();

private:
    void setLocale(const QString &locale);

    PinyinEngine &m_engine;
    QString m_locale = defaultLocale();
    int m_generation = 0;
};
