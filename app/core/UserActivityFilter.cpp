#include "UserActivityFilter.h"

#include "SessionController.h"

#include <QEvent>

UserActivityFilter::UserActivityFilter(SessionController &session, QObject *parent)
    : QObject(parent), m_session(session)
{
}

bool UserActivityFilter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::InputMethod:
    case QEvent::Wheel:
        m_session.userActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}
