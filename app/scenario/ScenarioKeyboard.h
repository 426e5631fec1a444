#pragma once

#include <QString>
#include <QStringList>
#include <functional>

class QQuickItem;
class QQuickWindow;

// The scenario step type_keys: typing as a resident types, by tapping the on-screen keyboard's keys (Qt
// Virtual Keyboard with the kiosk's layouts, OneStop.Keyboard) and the candidates of its pinyin bar,
// rather than by input-method events. The field is tapped first (the keyboard opens on it); each
// character then taps the key showing it ("a".."z" and digits as the field's layout shows them, "-",
// "." where the layout has them, " " for the space bar); each of `choices` taps that candidate in the bar.
// Thread: GUI.
class ScenarioKeyboard
{
public:
    using Wait = std::function<bool(const std::function<bool()> &condition, int timeoutMs)>;

    ScenarioKeyboard(QQuickWindow *window, Wait wait) : m_window(window), m_wait(std::move(wait)) {}

    // Taps `target`, then the keys of `keys`, then the candidates `choices` in order. False with *error
    // saying which key or candidate could not be found or tapped.
    bool type(const QString &target, const QString &keys, const QStringList &choices, int timeoutMs,
              QString *error);
    // The same into whatever has the keyboard open now (a field of a web page the resident tapped).
    bool typeKeys(const QString &keys, const QStringList &choices, int timeoutMs, QString *error);

private:
    QQuickItem *panel() const;
    QList<QQuickItem *> keyItems() const;
    QQuickItem *keyFor(QChar character) const;
    QQuickItem *candidateBar() const;
    QStringList candidates() const;
    bool chooseCandidate(const QString &text, int timeoutMs, QString *error);
    void click(QQuickItem *item);

    QQuickWindow *m_window;
    Wait m_wait;
};
