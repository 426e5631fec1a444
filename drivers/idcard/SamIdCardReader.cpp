#include "SamIdCardReader.h"

#include "IdCardLogging.h"
#include "WltPhotoDecoder.h"
#include "sam/SamFrame.h"
#include "sam/SamReadResponse.h"
#include "sam/SamStatus.h"
#include "sam/SamTextBlock.h"
#include "transport/SamTransport.h"

namespace {
constexpr quint8 kSuccess = 0x90;
constexpr quint8 kCardFound = 0x9F;
constexpr quint8 kNoCard = 0x80;
constexpr quint8 kSelectFailed = 0x81;

QString sw3Detail(quint8 sw3)
{
    const Sam::SamStatus status = Sam::SamStatus::fromSw3(sw3);
    return QStringLiteral("SW3=%1 (%2)").arg(status.hex(), status.description());
}
} // namespace

// The card being read: personal data, kept only until cardRead is emitted or the read fails.
struct SamIdCardReader::Pending
{
    IdCardData card;
    QByteArray photo;
};

SamIdCardReader::SamIdCardReader(const QString &name, SamTransport *transport, const Options &options,
                                 std::shared_ptr<const WltPhotoDecoder> photoDecoder, QObject *parent)
    : IdCardReader(QStringLiteral("idcard"), name, parent), m_transport(transport), m_options(options),
      m_photoDecoder(std::move(photoDecoder))
{
    m_transport->setParent(this);
    connect(m_transport, &SamTransport::opened, this, &SamIdCardReader::onOpened);
    connect(m_transport, &SamTransport::closed, this, &SamIdCardReader::onClosed);
    connect(m_transport, &SamTransport::responseReceived, this, &SamIdCardReader::onResponse);
    connect(m_transport, &SamTransport::exchangeFailed, this, &SamIdCardReader::onExchangeFailed);
    connect(m_transport, &SamTransport::devicePluggedIn, this, [this] {
        if (m_state == State::Unavailable && m_started)
            m_reopenTimer.start(0); // open now, not at the next reopen tick
    });
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &SamIdCardReader::onPollTimer);
    m_reopenTimer.setSingleShot(true);
    connect(&m_reopenTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Unavailable || !m_started)
            return;
        enter(State::Opening);
        m_transport->open();
    });
}

SamIdCardReader::SamIdCardReader(const QString &name, SamTransport *transport, QObject *parent)
    : SamIdCardReader(name, transport, Options(), {}, parent)
{
}

SamIdCardReader::~SamIdCardReader()
{
    m_pollTimer.stop();
    m_reopenTimer.stop();
    m_transport->disconnect(this);
    m_transport->close();
}

QString SamIdCardReader::stateName(State state)
{
    switch (state) {
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Opening:
        return QStringLiteral("opening");
    case State::Resetting:
        return QStringLiteral("resetting");
    case State::CheckingStatus:
        return QStringLiteral("checking status");
    case State::Idle:
        return QStringLiteral("idle");
    case State::Finding:
        return QStringLiteral("finding");
    case State::Selecting:
        return QStringLiteral("selecting");
    case State::ReadingText:
        return QStringLiteral("reading text");
    case State::ReadingAddress:
        return QStringLiteral("reading appended address");
    case State::Holding:
        return QStringLiteral("holding");
    case State::CheckingFind:
        return QStringLiteral("checking presence (find)");
    case State::CheckingSelect:
        return QStringLiteral("checking presence (select)");
    case State::Unavailable:
        return QStringLiteral("unavailable");
    }
    return QStringLiteral("unknown");
}

// The operation a state performs, as errors name it.
QString SamIdCardReader::stepName(State state) const
{
    switch (state) {
    case State::Resetting:
        return QStringLiteral("reset SAM");
    case State::CheckingStatus:
        return QStringLiteral("SAM status");
    case State::Finding:
    case State::CheckingFind:
        return QStringLiteral("find card");
    case State::Selecting:
    case State::CheckingSelect:
        return QStringLiteral("select card");
    case State::ReadingText:
        return QStringLiteral("read text");
    case State::ReadingAddress:
        return QStringLiteral("read appended address");
    default:
        return stateName(state);
    }
}

void SamIdCardReader::enter(State state)
{
    if (state == m_state)
        return;
    qCDebug(lcIdCard).noquote() << name() << stateName(m_state) << "->" << stateName(state);
    m_state = state;
    emit protocolStateChanged(state);
}

void SamIdCardReader::send(const QByteArray &command, int timeoutMs)
{
    m_transport->exchange(command, timeoutMs);
}

void SamIdCardReader::schedulePoll()
{
    m_pollTimer.start(m_options.pollIntervalMs);
}

// ---- start / stop / transport life (GUI thread) ----

void SamIdCardReader::start()
{
    if (m_started)
        return;
    m_started = true;
    enter(State::Opening);
    setState(Status::Busy, QStringLiteral("opening %1").arg(m_transport->description()));
    m_transport->open();
}

void SamIdCardReader::stop()
{
    // Cleanup runs whatever the state: timers, the pending exchange, the transport, the card.
    m_started = false;
    m_pollTimer.stop();
    m_reopenTimer.stop();
    m_transport->close();
    m_pending.reset();
    cardLeft();
    enter(State::Stopped);
    setState(Status::Unavailable, QStringLiteral("stopped"));
}

void SamIdCardReader::onOpened()
{
    if (!m_started) {
        m_transport->close();
        return;
    }
    m_pollErrors = 0;
    m_tries = 1;
    if (m_options.resetOnOpen) {
        enter(State::Resetting);
        send(Sam::resetCommand(), m_options.exchangeTimeoutMs);
        return;
    }
    enter(State::Idle);
    setState(Status::Ready);
    m_pollTimer.start(0);
}

void SamIdCardReader::onClosed(const QString &reason)
{
    const bool reading =
        m_state == State::Selecting || m_state == State::ReadingText || m_state == State::ReadingAddress;
    const bool opening = m_state == State::Opening;
    // A reopen that fails for the reason already shown is not reported again (no error every 2 s).
    const bool sameReason = status() == Status::Unavailable && reason == this->reason();
    m_pollTimer.stop();
    m_pending.reset();
    enter(State::Unavailable);
    setState(Status::Unavailable, reason);
    if (reading)
        reportError(QStringLiteral("read card"),
                    QStringLiteral("reader unplugged or failed: %1").arg(reason));
    else if (opening && !sameReason)
        reportError(QStringLiteral("open reader"), reason);
    cardLeft();
    if (m_started && m_options.reopenIntervalMs > 0)
        m_reopenTimer.start(m_options.reopenIntervalMs);
}

void SamIdCardReader::onPollTimer()
{
    if (m_state == State::Idle) {
        enter(State::Finding);
        send(Sam::findCardCommand(), m_options.exchangeTimeoutMs);
    } else if (m_state == State::Holding) {
        enter(State::CheckingFind);
        send(Sam::findCardCommand(), m_options.exchangeTimeoutMs);
    }
}

// ---- answers (GUI thread) ----

void SamIdCardReader::onResponse(const Sam::SamResponse &response)
{
    const quint8 sw3 = response.sw3;
    switch (m_state) {
    case State::Resetting:
        if (sw3 != kSuccess)
            return stepFailed(sw3Detail(sw3));
        m_tries = 1;
        enter(State::CheckingStatus);
        send(Sam::statusCommand(), m_options.exchangeTimeoutMs);
        return;
    case State::CheckingStatus:
        if (sw3 != kSuccess)
            return stepFailed(sw3Detail(sw3));
        enter(State::Idle);
        setState(Status::Ready);
        m_pollTimer.start(0);
        return;
    case State::Finding:
        if (sw3 == kNoCard) {
            pollSucceeded();
            enter(State::Idle);
            schedulePoll();
            return;
        }
        if (sw3 != kCardFound)
            return pollFailed(QStringLiteral("find card: %1").arg(sw3Detail(sw3)));
        pollSucceeded();
        beginRead();
        return;
    case State::Selecting:
        if (sw3 != kSuccess)
            return stepFailed(sw3Detail(sw3));
        enter(State::ReadingText);
        send(Sam::readTextCommand(), m_options.readTimeoutMs);
        return;
    case State::ReadingText: {
        const Sam::ReadTextParts parts = Sam::splitReadText(response);
        if (!parts.ok())
            return stepFailed(parts.error.kind == Sam::ReadError::Kind::Status ? sw3Detail(sw3)
                                                                               : parts.error.message());
        const Sam::TextBlockResult text = Sam::decodeTextBlock(parts.text);
        if (!text.ok())
            return stepFailed(text.error.message());
        m_pending = std::make_unique<Pending>();
        m_pending->card = text.card;
        m_pending->photo = parts.photo;
        if (m_options.readAppendedAddress) {
            enter(State::ReadingAddress);
            send(Sam::readAppendedAddressCommand(), m_options.exchangeTimeoutMs);
            return;
        }
        finishRead();
        return;
    }
    case State::ReadingAddress: {
        const Sam::AppendedAddress address = Sam::decodeAppendedAddress(response);
        if (!address.ok())
            return stepFailed(address.error.kind == Sam::ReadError::Kind::Status ? sw3Detail(sw3)
                                                                                 : address.error.message());
        if (m_pending && address.present)
            m_pending->card.appendedAddress = address.address;
        finishRead();
        return;
    }
    case State::CheckingFind:
        if (sw3 == kNoCard) {
            pollSucceeded();
            enter(State::CheckingSelect); // 0x80 also while a read card stays: ask select
            send(Sam::selectCardCommand(), m_options.exchangeTimeoutMs);
            return;
        }
        if (sw3 != kCardFound)
            return pollFailed(QStringLiteral("find card: %1").arg(sw3Detail(sw3)));
        pollSucceeded();
        if (!m_cardWasRead) { // the card whose read failed is still there
            enter(State::Holding);
            schedulePoll();
            return;
        }
        // The read card left and a card came back between two polls: a new card.
        cardLeft();
        beginRead();
        return;
    case State::CheckingSelect:
        if (sw3 == kSuccess) {
            pollSucceeded();
            enter(State::Holding);
            schedulePoll();
            return;
        }
        if (sw3 != kSelectFailed)
            return pollFailed(QStringLiteral("select card: %1").arg(sw3Detail(sw3)));
        pollSucceeded();
        cardLeft();
        enter(State::Idle);
        schedulePoll();
        return;
    default:
        qCDebug(lcIdCard).noquote() << name() << "answer in state" << stateName(m_state) << "ignored";
        return;
    }
}

void SamIdCardReader::onExchangeFailed(const QString &detail)
{
    switch (m_state) {
    case State::Finding:
    case State::CheckingFind:
    case State::CheckingSelect:
        return pollFailed(QStringLiteral("%1: %2").arg(stepName(m_state), detail));
    case State::Resetting:
    case State::CheckingStatus:
    case State::Selecting:
    case State::ReadingText:
    case State::ReadingAddress:
        return stepFailed(detail);
    default:
        return;
    }
}

// ---- reading (GUI thread) ----

void SamIdCardReader::beginRead()
{
    setPresent(true);
    m_cardWasRead = false;
    setState(Status::Busy, QStringLiteral("reading card"));
    m_tries = 1;
    enter(State::Selecting);
    send(Sam::selectCardCommand(), m_options.exchangeTimeoutMs);
}

void SamIdCardReader::stepFailed(const QString &detail)
{
    const QString what = QStringLiteral("%1: %2").arg(stepName(m_state), detail);
    qCInfo(lcIdCard).noquote() << name() << what << "(try" << m_tries << "of" << m_options.maxTries << ")";
    const bool opening = m_state == State::Resetting || m_state == State::CheckingStatus;
    if (m_tries < m_options.maxTries) {
        ++m_tries;
        if (opening) {
            send(m_state == State::Resetting ? Sam::resetCommand() : Sam::statusCommand(),
                 m_options.exchangeTimeoutMs);
        } else {
            enter(State::Selecting); // a read is retried from select
            send(Sam::selectCardCommand(), m_options.exchangeTimeoutMs);
        }
        return;
    }
    const QString final = QStringLiteral("%1 after %2 tries").arg(what).arg(m_tries);
    if (opening) {
        m_transport->close();
        enter(State::Unavailable);
        setState(Status::Unavailable, final);
        reportError(QStringLiteral("open reader"), final);
        if (m_started && m_options.reopenIntervalMs > 0)
            m_reopenTimer.start(m_options.reopenIntervalMs);
        return;
    }
    m_pending.reset();
    m_cardWasRead = false;
    enter(State::Holding); // wait until the card leaves before trying again
    setState(Status::Ready);
    schedulePoll();
    reportError(QStringLiteral("read card"), final);
}

void SamIdCardReader::finishRead()
{
    IdCardData card = m_pending ? m_pending->card : IdCardData();
    if (m_photoDecoder && m_photoDecoder->isAvailable() && m_pending) { // unavailable: said once at load
        const WltPhotoDecoder::Result photo = m_photoDecoder->decode(m_pending->photo);
        if (photo.ok())
            card.photo = photo.image;
        else
            qCInfo(lcIdCard).noquote() << name() << "no photo:" << photo.error;
    }
    m_pending.reset();
    m_cardWasRead = true;
    enter(State::Holding);
    setState(Status::Ready);
    schedulePoll();
    emit cardRead(card);
}

// ---- polling health and presence (GUI thread) ----

void SamIdCardReader::pollSucceeded()
{
    m_pollErrors = 0;
    if (status() == Status::Unavailable)
        setState(Status::Ready);
}

void SamIdCardReader::pollFailed(const QString &what)
{
    ++m_pollErrors;
    qCInfo(lcIdCard).noquote() << name() << what << "(poll error" << m_pollErrors << ")";
    if (m_pollErrors == m_options.pollErrorsBeforeUnavailable) {
        const QString final = QStringLiteral("%1 after %2 tries").arg(what).arg(m_pollErrors);
        setState(Status::Unavailable, final);
        reportError(QStringLiteral("poll reader"), final);
    }
    enter(m_state == State::Finding ? State::Idle : State::Holding);
    schedulePoll();
}

void SamIdCardReader::setPresent(bool present)
{
    if (present == m_cardPresent)
        return;
    m_cardPresent = present;
    emit cardPresenceChanged();
}

void SamIdCardReader::cardLeft()
{
    m_cardWasRead = false;
    if (!m_cardPresent)
        return;
    m_cardPresent = false;
    emit cardPresenceChanged();
    emit cardRemoved();
}
