#include "NetworkReceiptPrinter.h"

#include "TcpPrinterLink.h"

NetworkReceiptPrinter::NetworkReceiptPrinter(const QString &name, const QString &host, quint16 port,
                                             int paperWidthMm, QObject *parent)
    : EscPosReceiptPrinter(name, paperWidthMm, new TcpPrinterLink(host, port), parent),
      m_tcp(static_cast<TcpPrinterLink *>(link()))
{
    setTimeouts(NetworkPrinterTimeouts());
    connect(this, &EscPosReceiptPrinter::machinePhaseChanged, this,
            [this](EscPosReceiptPrinter::Phase phase) { emit phaseChanged(toPhase(phase)); });
}

void NetworkReceiptPrinter::setTimeouts(const NetworkPrinterTimeouts &timeouts)
{
    m_timeouts = timeouts;
    m_tcp->setConnectTimeoutMs(timeouts.connectMs);
    EscPosPrinterTimings t;
    t.statusAnswerMs = timeouts.statusAnswerMs;
    t.writeStallMs = timeouts.writeStallMs;
    t.statusPollMs = timeouts.statusPollMs;
    t.reopenFirstMs = timeouts.reconnectFirstMs;
    t.reopenMaxMs = timeouts.reconnectMaxMs;
    setTimings(t);
}

QString NetworkReceiptPrinter::address() const
{
    return m_tcp->describe();
}

NetworkReceiptPrinter::Phase NetworkReceiptPrinter::toPhase(EscPosReceiptPrinter::Phase phase)
{
    // The machine's phases under this printer's names: Closed is Disconnected, Opening is Connecting.
    static_assert(int(Phase::Printing) == int(EscPosReceiptPrinter::Phase::Printing));
    return Phase(int(phase));
}
