#include "NoCardIdentityController.h"

#include "Clock.h"
#include "IdNumber.h"

#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcNoCard, "onestop.identity.nocard")

namespace {
const QString passport = QStringLiteral("passport");
const QString travelDocument = QStringLiteral("travel_document");
const QString residentId = QStringLiteral("resident_id");

IdCardData::CardType cardTypeOf(IdNumberKind kind)
{
    switch (kind) {
    case IdNumberKind::HkMoTwPermit:
        return IdCardData::CardType::HkMoTwPermit;
    case IdNumberKind::Foreign2017:
        return IdCardData::CardType::Foreign2017;
    case IdNumberKind::Foreign2023:
        return IdCardData::CardType::Foreign2023;
    case IdNumberKind::ResidentId:
    case IdNumberKind::Unknown:
        break;
    }
    return IdCardData::CardType::Resident;
}
} // namespace

NoCardIdentityController::NoCardIdentityController(const StaffSettings &settings, const Clock &clock,
                                                   QObject *parent)
    : QObject(parent), m_settings(settings), m_clock(clock)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &NoCardIdentityController::tick);
}

bool NoCardIdentityController::isLocked() const
{
    return m_lockedUntilMs > 0 && m_clock.nowMs() < m_lockedUntilMs;
}

int NoCardIdentityController::lockSecondsLeft() const
{
    return isLocked() ? int((m_lockedUntilMs - m_clock.nowMs() + 999) / 1000) : 0;
}

QString NoCardIdentityController::normalizedNumber(const QString &number)
{
    QString n = number;
    n.remove(QRegularExpression(QStringLiteral("\\s")));
    return n.toUpper();
}

QString NoCardIdentityController::numberProblem(const QString &documentType, const QString &number)
{
    const QString n = normalizedNumber(number);
    if (n.isEmpty())
        return tr("Please enter the document number.");
    if (documentType == residentId) {
        // A damaged card's number, typed by hand: any of the four card numbers, by its own kind's rules.
        const IdNumberCheck check = IdNumber::checkAny(n);
        if (check.isValid())
            return QString();
        if (check.problem == IdNumberCheck::Problem::WrongLength)
            return tr("An ID number has 18 characters (15 for a 2017 permanent residence card).");
        return tr("This ID number is not valid. Please check each digit against your card.");
    }
    // ICAO 9303 document numbers: letters and digits only, at most 9 for a passport (Chinese ordinary
    // passports: E + 8 digits, or E + a letter + 7 digits); other travel documents (exit-entry permits,
    // travel permits) up to 12. At least one digit in either.
    static const QRegularExpression passportPattern(QStringLiteral("^(?=.*[0-9])[A-Z0-9]{5,9}$"));
    static const QRegularExpression travelPattern(QStringLiteral("^(?=.*[0-9])[A-Z0-9]{5,12}$"));
    if (documentType == passport && !passportPattern.match(n).hasMatch())
        return tr("A passport number has 5 to 9 letters and digits, as printed on the photo page.");
    if (documentType == travelDocument && !travelPattern.match(n).hasMatch())
        return tr("A travel document number has 5 to 12 letters and digits, as printed on the document.");
    return QString();
}

QString NoCardIdentityController::nameProblem(const QString &name)
{
    const QString n = name.simplified();
    if (n.isEmpty())
        return tr("Please enter your full name as on the document.");
    // Chinese characters, Latin letters (with accents), and the separators names use: space, the middle
    // dot of transcribed names, hyphen, apostrophe, full stop. No digits, no other symbols.
    static const QRegularExpression pattern(QStringLiteral("^[\\p{L}\\p{M}][\\p{L}\\p{M} ·•'.\\-]*$"));
    if (n.size() < 2 || n.size() > 60 || !pattern.match(n).hasMatch())
        return tr("Please enter your full name as on the document, in letters only.");
    return QString();
}

void NoCardIdentityController::open()
{
    if (!isAvailable()) {
        qCInfo(lcNoCard) << "no-card identification requested, but no staff PIN is configured";
        return;
    }
    if (m_step != Step::Closed)
        return;
    qCInfo(lcNoCard) << "no-card identification opened";
    m_step = Step::Details;
    emit changed();
}

void NoCardIdentityController::setDocumentType(const QString &type)
{
    if (m_step != Step::Details || (type != passport && type != travelDocument && type != residentId))
        return;
    m_documentType = type;
    m_typeError.clear();
    // The number's check depends on the type: shown again on the next askStaff().
    m_numberError.clear();
    emit changed();
}

void NoCardIdentityController::setNumber(const QString &number)
{
    if (m_step != Step::Details || number == m_number)
        return;
    m_number = number;
    m_numberError.clear();
    emit changed();
}

void NoCardIdentityController::setFullName(const QString &name)
{
    if (m_step != Step::Details || name == m_fullName)
        return;
    m_fullName = name;
    m_nameError.clear();
    emit changed();
}

bool NoCardIdentityController::validate()
{
    m_typeError = m_documentType.isEmpty() ? tr("Please choose the document you have.") : QString();
    m_numberError = m_documentType.isEmpty() ? QString() : numberProblem(m_documentType, m_number);
    m_nameError = nameProblem(m_fullName);
    return m_typeError.isEmpty() && m_numberError.isEmpty() && m_nameError.isEmpty();
}

void NoCardIdentityController::askStaff()
{
    if (m_step != Step::Details)
        return;
    const bool valid = validate();
    if (valid) {
        // The staff member checks exactly what will be kept.
        m_number = normalizedNumber(m_number);
        if (m_documentType == residentId)
            m_number = IdNumber::checkAny(m_number).normalized;
        m_fullName = m_fullName.simplified();
        qCInfo(lcNoCard).noquote() << "details complete (" + m_documentType + "): asking staff to confirm";
        m_step = Step::StaffPin;
        m_pinMessage.clear();
    } else {
        qCInfo(lcNoCard).noquote() << "details not complete:"
                                   << QStringList{m_typeError.isEmpty() ? QString() : QStringLiteral("type"),
                                                  m_numberError.isEmpty() ? QString()
                                                                          : QStringLiteral("number"),
                                                  m_nameError.isEmpty() ? QString() : QStringLiteral("name")}
                                          .filter(QRegularExpression(QStringLiteral(".")))
                                          .join(QLatin1Char(','));
    }
    emit changed();
}

void NoCardIdentityController::submitPin(const QString &pin)
{
    if (m_step != Step::StaffPin)
        return;
    expireLock();
    if (isLocked()) {
        emit changed();
        return;
    }
    if (!m_settings.pin.matches(pin)) {
        ++m_failures;
        qCWarning(lcNoCard) << "wrong staff PIN," << attemptsLeft() << "attempts left";
        if (m_failures >= m_settings.maxAttempts) {
            m_lockedUntilMs = m_clock.nowMs() + qint64(m_settings.lockoutSeconds) * 1000;
            qCWarning(lcNoCard) << "staff PIN locked for" << m_settings.lockoutSeconds << "s after"
                                << m_failures << "wrong PINs";
            m_pinMessage.clear(); // the QML shows the lock with its countdown
            m_ticker.start();
        } else {
            m_pinMessage = tr("Wrong staff PIN. %n attempt(s) left.", nullptr, attemptsLeft());
        }
        emit changed();
        return;
    }
    m_failures = 0;
    IdCardData resident;
    resident.name = m_fullName.simplified();
    resident.idNumber = normalizedNumber(m_number);
    if (m_documentType == residentId) {
        const IdNumberCheck check = IdNumber::checkAny(resident.idNumber);
        resident.idNumber = check.normalized;
        resident.cardType = cardTypeOf(check.kind);
    }
    const QString documentType = m_documentType;
    qCInfo(lcNoCard).noquote() << "details confirmed by staff (" + documentType + ")";
    wipeTyped();
    m_step = Step::Closed;
    emit changed();
    emit confirmed(resident, documentType);
}

void NoCardIdentityController::backToDetails()
{
    if (m_step != Step::StaffPin)
        return;
    m_pinMessage.clear();
    m_step = Step::Details;
    emit changed();
}

void NoCardIdentityController::cancel()
{
    if (m_step == Step::Closed && m_number.isEmpty() && m_fullName.isEmpty() && m_documentType.isEmpty())
        return;
    qCInfo(lcNoCard) << "no-card identification cancelled: details wiped";
    wipeTyped();
    m_step = Step::Closed;
    emit changed();
}

void NoCardIdentityController::clear()
{
    wipeTyped();
    m_step = Step::Closed;
    emit changed();
}

void NoCardIdentityController::wipeTyped()
{
    m_documentType.clear();
    m_number.clear();
    m_fullName.clear();
    m_typeError.clear();
    m_numberError.clear();
    m_nameError.clear();
    m_pinMessage.clear();
}

void NoCardIdentityController::expireLock()
{
    if (m_lockedUntilMs > 0 && !isLocked()) {
        qCInfo(lcNoCard) << "staff PIN lock ended";
        m_lockedUntilMs = 0;
        m_failures = 0;
        m_ticker.stop();
    }
}

void NoCardIdentityController::tick()
{
    expireLock();
    emit changed(); // the countdown
}
