#pragma once

#include "PrinterLink.h"

#include <QTcpSocket>
#include <QTimer>

// A PrinterLink over raw TCP (port 9100): one QTcpSocket on the GUI thread's event loop (never waitFor*).
// Reasons: "connect 10.0.0.5:9100: connection refused" / "... no connection within 5000 ms" (operation
// "connect"), "connection to 10.0.0.5:9100 lost: closed by the printer" (operation "connection").
// Thread: GUI.
class TcpPrinterLink : public PrinterLink
{
    Q_OBJECT

public:
    TcpPrinterLink(const QString &host, quint16 port, QObject *parent = nullptr);
    ~TcpPrinterLink() override;

    QString describe() const override; // "host:port"
    void open() override;
    void close() override;
    void sendStatusRequest(int n) override;
    void sendJob(const QByteArray &bytes) override;

    void setConnectTimeoutMs(int ms) { m_connectMs = ms; }

private:
    void onConnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void fail(const QString &operation, const QString &reason);

    QString m_host;
    quint16 m_port;
    int m_connectMs = 5000;
    QTcpSocket m_socket;
    QTimer m_connectTimer;
    bool m_connecting = false;
    bool m_open = false;
    bool m_writingJob = false;
    qint64 m_jobBytesTaken = 0;
};
