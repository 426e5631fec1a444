#include "HallControlServer.h"

#include "HallEmulator.h"
#include "ScenarioCard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>

HallControlServer::HallControlServer(HallEmulator &hall, QVector<IdCardData> residents, QObject *parent)
    : QObject(parent), m_hall(hall), m_residents(std::move(residents))
{
    connect(&m_server, &QLocalServer::newConnection, this, &HallControlServer::onConnection);
}

bool HallControlServer::listen(const QString &path, QString *error)
{
    QLocalServer::removeServer(path);
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    if (m_server.listen(path))
        return true;
    *error = QStringLiteral("control socket %1: %2").arg(path, m_server.errorString());
    return false;
}

void HallControlServer::onConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine())
                socket->write(handle(socket->readLine()) + '\n');
        });
    }
}

QByteArray HallControlServer::handle(const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonObject request = QJsonDocument::fromJson(line, &parseError).object();
    QString error;
    bool ok = false;
    QString what;
    if (parseError.error != QJsonParseError::NoError) {
        error = QStringLiteral("not a JSON object: %1").arg(parseError.errorString());
    } else if (request.contains(QStringLiteral("place_card"))) {
        const QJsonObject card = request.value(QStringLiteral("place_card")).toObject();
        what = QStringLiteral("place card");
        if (card.contains(QStringLiteral("sample"))) {
            const int index = card.value(QStringLiteral("sample")).toInt(-1);
            if (index < 0 || index >= m_residents.size())
                error = QStringLiteral("no sample resident %1").arg(index);
            else
                ok = m_hall.placeCard(m_residents.at(index), &error);
        } else {
            ok = m_hall.placeCard(scenarioCard(card), &error);
        }
    } else if (request.contains(QStringLiteral("remove_card"))) {
        what = QStringLiteral("remove card");
        ok = m_hall.removeCard(&error);
    } else if (request.contains(QStringLiteral("scan"))) {
        what = QStringLiteral("scan");
        ok = m_hall.scan(request.value(QStringLiteral("scan")).toString(), &error);
    } else if (request.contains(QStringLiteral("paper"))) {
        what = QStringLiteral("paper %1").arg(request.value(QStringLiteral("paper")).toString());
        ok = m_hall.setPaper(request.value(QStringLiteral("paper")).toString(), &error);
    } else if (request.contains(QStringLiteral("plug"))) {
        const QString kind = request.value(QStringLiteral("plug")).toString();
        const bool plugged = request.value(QStringLiteral("plugged")).toBool(true);
        what = QStringLiteral("%1 %2").arg(plugged ? QStringLiteral("plug") : QStringLiteral("unplug"), kind);
        ok = m_hall.setPlugged(kind, plugged, &error);
    } else {
        error = QStringLiteral("unknown request (place_card, remove_card, scan, paper, plug)");
    }
    emit requestHandled(ok ? what : QStringLiteral("%1 refused: %2").arg(what, error));
    QJsonObject answer{{QStringLiteral("ok"), ok}};
    if (!ok)
        answer.insert(QStringLiteral("error"), error);
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}
