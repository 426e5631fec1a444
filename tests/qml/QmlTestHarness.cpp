#include "QmlTestHarness.h"

#include "Catalog.h"
#include "Clock.h"
#include "IdCardData.h"
#include "SessionController.h"
#include "SimulatorController.h"

#include <QCoreApplication>

QmlTestHarness::QmlTestHarness(ManualClock &clock, SessionController &session, SimulatorController &simulator,
                               const Catalog &catalog, const QVector<IdCardData> &residents, QObject *parent)
    : QObject(parent), m_clock(clock), m_session(session), m_simulator(simulator), m_catalog(catalog),
      m_residents(residents)
{
}

void QmlTestHarness::advanceClock(int ms)
{
    qint64 left = ms;
    while (left > 0) {
        const qint64 step = qMin<qint64>(left, 1000);
        m_clock.advance(step);
        left -= step;
        m_session.checkTimers();
        QCoreApplication::processEvents();
    }
}

void QmlTestHarness::reset()
{
    m_simulator.removeCard();
    for (const char *kind : {"idcard", "receipt_printer", "scanner", "camera"})
        m_simulator.setPlugged(QString::fromLatin1(kind), true);
    m_simulator.setPaper(QStringLiteral("ok"));
    m_simulator.setNetwork(false);
    m_session.endSession();
}

QString QmlTestHarness::residentName(int index) const
{
    return m_residents.value(index).name;
}

QString QmlTestHarness::residentIdNumber(int index) const
{
    return m_residents.value(index).idNumber;
}

QStringList QmlTestHarness::serviceIds() const
{
    QStringList ids;
    for (const ServiceSpec &service : m_catalog.services)
        ids.append(service.id);
    return ids;
}
