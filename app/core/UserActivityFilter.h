#pragma once

#include <QObject>

class SessionController;

// Installed on the application: every touch, click or key press counts as the resident being there.
// Thread: GUI.
class UserActivityFilter : public QObject
{
    Q_OBJECT
public:
    explicit UserActivityFilter(SessionController &session, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    SessionController &m_session;
};
