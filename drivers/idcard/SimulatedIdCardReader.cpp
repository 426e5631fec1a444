#include "SimulatedIdCardReader.h"

#include "IdCardLogging.h"

#include <utility>

static const QString readOperation = QStringLiteral("read card");

SimulatedIdCardReader::SimulatedIdCardReader(const QString &name, QObject *parent)
    : IdCardReader(QStringLiteral("idcard"), name, parent)
{
    m_readTimer.setSingleShot(true);
    connect(&m_readTimer, &QTimer::timeout, this, &SimulatedIdCardReader::finishRead);
}

void SimulatedIdCardReader::start()
{
    if (m_started)
        return;
    m_started = true;
    qCDebug(lcIdCard) << name() << "started";
    update(QString());
}

void SimulatedIdCardReader::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_stoppedReason = QStringLiteral("stopped");
    qCDebug(lcIdCard) << name() << "stopped";
    update(QString()); // a read in progress is cancelled on purpose: no error
}

void SimulatedIdCardReader::placeCard(const IdCardData &card)
{
    if (m_cardInField)
        removeCard();
    m_cardInField = card;
    update(QString());
}

void SimulatedIdCardReader::removeCard()
{
    if (!m_cardInField)
        return;
    m_cardInField.reset();
    update(QStringLiteral("card removed before the read finished"));
}

void SimulatedIdCardReader::setPlugged(bool plugged)
{
    if (plugged == m_plugged)
        return;
    m_plugged = plugged;
    qCDebug(lcIdCard) << name() << (plugged ? "plugged" : "unplugged");
    update(QStringLiteral("reader unplugged"));
}

void SimulatedIdCardReader::setReadFails(const QString &reason)
{
    m_nextReadFailure = reason;
}

void SimulatedIdCardReader::setReadDelay(int ms)
{
    m_readDelayMs = qMax(0, ms);
}

bool SimulatedIdCardReader::cardVisible() const
{
    return m_started && m_plugged && m_cardInField.has_value();
}

void SimulatedIdCardReader::update(const QString &lossDetail)
{
    if (m_cardSeen && !cardVisible()) {
        const bool wasReading = isReading();
        m_readTimer.stop();
        m_cardSeen = false;
        applyState();
        if (wasReading && !lossDetail.isEmpty()) {
            qCDebug(lcIdCard) << name() << "read cut short:" << lossDetail;
            reportError(readOperation, lossDetail);
        }
        emit cardPresenceChanged();
        emit cardRemoved();
    }
    // A handler above may have changed the knobs; look again.
    if (!m_cardSeen && cardVisible()) {
        m_cardSeen = true;
        ++m_cardSerial;
        m_readTimer.start(m_readDelayMs);
        qCDebug(lcIdCard) << name() << "card detected, reading";
        applyState();
        emit cardPresenceChanged();
    }
    applyState();
}

void SimulatedIdCardReader::applyState()
{
    if (!m_started)
        setState(Status::Unavailable, m_stoppedReason);
    else if (!m_plugged)
        setState(Status::Unavailable, QStringLiteral("unplugged"));
    else if (isReading())
        setState(Status::Busy, QStringLiteral("reading card"));
    else
        setState(Status::Ready);
}

void SimulatedIdCardReader::finishRead()
{
    if (!m_cardSeen || !m_cardInField)
        return; // cannot happen: losing the card stops the timer
    const quint64 serial = m_cardSerial;
    const IdCardData card = *m_cardInField;
    QString failure = std::exchange(m_nextReadFailure, QString());
    if (failure.isEmpty() && card.idNumber.isEmpty())
        failure = QStringLiteral("card data incomplete");

    applyState(); // Ready: the reader is done with this card
    if (!failure.isEmpty()) {
        qCDebug(lcIdCard) << name() << "read failed:" << failure;
        reportError(readOperation, failure);
        return;
    }
    if (!m_cardSeen || serial != m_cardSerial)
        return; // a stateChanged handler took the card away or swapped it
    qCDebug(lcIdCard) << name() << "card read";
    emit cardRead(card);
}
