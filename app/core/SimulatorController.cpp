#include "SimulatorController.h"

#include "SimulatedCamera.h"
#include "SimulatedCodeScanner.h"
#include "SimulatedIdCardReader.h"
#include "SimulatedReceiptPrinter.h"
#include "SyncMonitor.h"

#include <QLoggingCategory>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcSimulator, "onestop.simulator")

SimulatorController::SimulatorController(SimulatedIdCardReader &reader, SimulatedCodeScanner &scanner,
                                         SimulatedReceiptPrinter &printer, SimulatedCamera *camera, SyncMonitor &sync,
                                         QVector<IdCardData> residents, QObject *parent)
    : QObject(parent), m_reader(reader), m_scanner(scanner), m_printer(printer), m_camera(camera), m_sync(sync),
      m_residents(std::move(residents))
{
}

QVariantList SimulatorController::residents() const
{
    QVariantList list;
    for (int i = 0; i < m_residents.size(); ++i) {
        const IdCardData &r = m_residents.at(i);
        list.append(QVariantMap{{QStringLiteral("index"), i},
                                {QStringLiteral("label"), QStringLiteral("%1 (%2)").arg(r.name).arg(r.birth.year())}});
    }
    return list;
}

void SimulatorController::placeSampleCard(int index)
{
    if (index < 0 || index >= m_residents.size()) {
        qCWarning(lcSimulator) << "no sample resident" << index;
        return;
    }
    m_reader.placeCard(m_residents.at(index));
}

void SimulatorController::placeCard(const IdCardData &card) { m_reader.placeCard(card); }
void SimulatorController::removeCard() { m_reader.removeCard(); }
void SimulatorController::scan(const QString &text) { m_scanner.scan(text); }

bool SimulatorController::setPaper(const QString &state)
{
    if (state == QLatin1String("ok"))
        m_printer.setPaper(ReceiptPrinter::PaperState::Ok);
    else if (state == QLatin1String("low"))
        m_printer.setPaper(ReceiptPrinter::PaperState::NearEnd);
    else if (state == QLatin1String("out"))
        m_printer.setPaper(ReceiptPrinter::PaperState::Out);
    else
        return false;
    return true;
}

bool SimulatorController::setPlugged(const QString &kind, bool plugged)
{
    if (kind == QLatin1String("idcard"))
        m_reader.setPlugged(plugged);
    else if (kind == QLatin1String("receipt_printer"))
        m_printer.setPlugged(plugged);
    else if (kind == QLatin1String("scanner"))
        m_scanner.setPlugged(plugged);
    else if (kind == QLatin1String("camera") && m_camera)
        m_camera->setPlugged(plugged);
    else
        return false;
    return true;
}

void SimulatorController::setNetwork(bool up)
{
    if (up == m_networkUp)
        return;
    m_networkUp = up;
    m_sync.setNetworkAvailable(up);
    emit networkChanged();
}
