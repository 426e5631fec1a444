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

    // A composition began in a field whose text around the cursor and cursor were these. The input method
    // commits its composition when the field changes under it, but a web page's field reports the pre-edit
    // back into its own text, late (after the renderer's round trip): that echo is not a change.
    Q_INVOKABLE void compositionStarted(const QString &surroundingText, int cursorPosition);
    // The pre-edit shown is `length` characters long (a web page may report its cursor anywhere inside the
    // longest pre-edit shown, its text without it or with it).
    Q_INVOKABLE void compositionShown(int length);
    // True when the field now reads something other than its text at the start with characters inserted at
    // the cursor, or its cursor is outside what was inserted and the pre-edit: another field, a tap
    // elsewhere, text changed by the page. Always true when no composition was started.
    Q_INVOKABLE bool changedUnderComposition(const QString &surroundingText, int cursorPosition) const;
    // The composition was committed or dropped: the field's text is forgotten.
    Q_INVOKABLE void compositionEnded();

    static QString defaultLocale() { return QStringLiteral("zh_CN"); }

signals:
    void localeChanged();
    void wiped();

private:
    void setLocale(const QString &locale);

    PinyinEngine &m_engine;
    QString m_locale = defaultLocale();
    int m_generation = 0;
    bool m_composing = false;
    QString m_textAtStart; // what the resident's field held: forgotten when the composition ends
    int m_cursorAtStart = 0;
    int m_longestPreedit = 0;
};
