#include "SimulatedHall.h"

#include "ScenarioCard.h"
#include "SimulatorController.h"

bool SimulatedHall::placeCard(const QJsonObject &card, QString *error)
{
    if (card.contains(QStringLiteral("sample"))) {
        const int index = card.value(QStringLiteral("sample")).toInt(-1);
        if (index < 0 || index >= m_simulator.residents().size()) {
            *error = QStringLiteral("no sample resident %1").arg(index);
            return false;
        }
        m_simulator.placeSampleCard(index);
        return true;
    }
    m_simulator.placeCard(scenarioCard(card));
    return true;
}

bool SimulatedHall::removeCard(QString *)
{
    m_simulator.removeCard();
    return true;
}

bool SimulatedHall::scan(const QString &text, QString *)
{
    m_simulator.scan(text);
    return true;
}

bool SimulatedHall::setPlugged(const QString &kind, bool plugged, QString *error)
{
    if (m_simulator.setPlugged(kind, plugged))
        return true;
    *error = QStringLiteral("unknown device kind '%1'").arg(kind);
    return false;
}

bool SimulatedHall::setPaper(const QString &state, QString *error)
{
    if (m_simulator.setPaper(state))
        return true;
    *error = QStringLiteral("paper must be ok, low or out");
    return false;
}
