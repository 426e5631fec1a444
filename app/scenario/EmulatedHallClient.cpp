#include "EmulatedHallClient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

EmulatedHallClient::EmulatedHallClient(QString socketPath, int timeoutMs)
    : m_socketPath(std::move(socketPath)), m_timeoutMs(timeoutMs)
{
}

QString EmulatedHallClient::describe() const
{
    return QStringLiteral("emulated hall at %1").arg(m_socketPath);
}

bool EmulatedHallClient::request(const QJsonObject &message, QString *error)
{
    if (m_socket.state() != QLocalSocket::ConnectedState) {
        m_socket.connectToServer(m_socketPath);
        if (!m_socket.waitForConnected(m_timeoutMs)) {
            *error = QStringLiteral("%1: cannot connect: %2").arg(describe(), m_socket.errorString());
            return false;
        }
    }
    m_socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    QDeadlineTimer deadline(m_timeoutMs);
    while (!m_socket.canReadLine()) {
        if (m_socket.state() != QLocalSocket::ConnectedState || deadline.hasExpired()
            || !m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (m_socket.canReadLine())
                break;
            *error = QStringLiteral("%1: no answer within %2 ms").arg(describe()).arg(m_timeoutMs);
            return false;
        }
    }
    QJsonParseError parseError;
    const QJsonObject answer = QJsonDocument::fromJson(m_socket.readLine(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: unreadable answer: %2").arg(describe(), parseError.errorString());
        return false;
    }
    if (!answer.value(QStringLiteral("ok")).toBool()) {
        *error = QStringLiteral("%1: %2").arg(describe(), answer.value(QStringLiteral("error")).toString());
        return false;
    }
    return true;
}

bool EmulatedHallClient::placeCard(const QJsonObject &card, QString *error)
{
    return request({{QStringLiteral("place_card"), card}}, error);
}

bool EmulatedHallClient::removeCard(QString *error)
{
    return request({{QStringLiteral("remove_card"), true}}, error);
}

bool EmulatedHallClient::scan(const QString &text, QString *error)
{
    return request({{QStringLiteral("scan"), text}}, error);
}

bool EmulatedHallClient::setPlugged(const QString &kind, bool plugged, QString *error)
{
    return request({{QStringLiteral("plug"), kind}, {QStringLiteral("plugged"), plugged}}, error);
}

bool EmulatedHallClient::setPaper(const QString &state, QString *error)
{
    return request({{QStringLiteral("paper"), state}}, error);
}
