#include "UsbReceiptPrinter.h"

#include "UsbPrinterLink.h"

namespace {
UsbPrinterLinkConfig linkConfig(const UsbReceiptPrinterConfig &c)
{
    UsbPrinterLinkConfig l;
    l.vendorId = c.vendorId;
    l.productId = c.productId;
    l.busAddress = c.busAddress;
    l.interfaceNumber = c.interfaceNumber;
    l.outEndpoint = c.outEndpoint;
    l.inEndpoint = c.inEndpoint;
    // A backstop only: the printer's step timeouts (below) end a stuck transfer first.
    l.statusTransferMs = 2 * c.statusAnswerMs;
    l.chunkTransferMs = 2 * c.chunkWriteMs;
    return l;
}
} // namespace

UsbReceiptPrinter::UsbReceiptPrinter(const QString &name, UsbContext *context,
                                     const UsbReceiptPrinterConfig &config, QObject *parent)
    : EscPosReceiptPrinter(name, config.paperWidthMm, new UsbPrinterLink(context, linkConfig(config)),
                           parent),
      m_usb(static_cast<UsbPrinterLink *>(link()))
{
    EscPosPrinterTimings t;
    t.statusAnswerMs = config.statusAnswerMs;
    t.writeStallMs = config.chunkWriteMs;
    t.statusPollMs = config.statusPollMs;
    t.reopenFirstMs = config.reopenFirstMs;
    t.reopenMaxMs = config.reopenMaxMs;
    setTimings(t);
    connect(this, &EscPosReceiptPrinter::machinePhaseChanged, this,
            [this](EscPosReceiptPrinter::Phase machine) {
                const Phase phase = toPhase(machine); // Opening is Closed here: USB opens at once
                if (phase != m_lastPhase) {
                    m_lastPhase = phase;
                    emit phaseChanged(phase);
                }
            });
}

QString UsbReceiptPrinter::describeDevice() const
{
    return m_usb->describe();
}

quint8 UsbReceiptPrinter::outEndpoint() const
{
    return m_usb->outEndpoint();
}

quint8 UsbReceiptPrinter::inEndpoint() const
{
    return m_usb->inEndpoint();
}

UsbReceiptPrinter::Phase UsbReceiptPrinter::toPhase(EscPosReceiptPrinter::Phase phase)
{
    // The machine's phases without Opening (USB opens at once: it is Closed here).
    static_assert(int(Phase::Printing) + 1 == int(EscPosReceiptPrinter::Phase::Printing));
    return phase <= EscPosReceiptPrinter::Phase::Opening ? Phase::Closed : Phase(int(phase) - 1);
}
