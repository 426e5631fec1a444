#include "IdentityCodeCheck.h"

#include "IdNumber.h"

#include <QDateTime>

namespace {

IdCardData::CardType cardTypeOf(const QString &idType)
{
    if (idType == QLatin1String("hk_mo_tw_permit"))
        return IdCardData::CardType::HkMoTwPermit;
    if (idType == QLatin1String("foreign_2017"))
        return IdCardData::CardType::Foreign2017;
    if (idType == QLatin1String("foreign_2023"))
        return IdCardData::CardType::Foreign2023;
    return IdCardData::CardType::Resident;
}

} // namespace

IdentityCodeCheck::IdentityCodeCheck(const IdentityTokenSettings &settings)
    : m_verifier(std::make_unique<IdentityTokenVerifier>(settings)),
      m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
}

QString IdentityCodeCheck::noticeFor(IdentityTokenVerifier::Problem problem)
{
    using Problem = IdentityTokenVerifier::Problem;
    switch (problem) {
    case Problem::None:
        return QString();
    case Problem::Malformed:
        return tr("This code could not be read as a personal code. Please open your personal code again and "
                  "hold it "
                  "under the scanner, or place your ID card on the reader.");
    case Problem::UnknownKey:
        return tr(
            "This code was not issued by a platform this kiosk knows. Please refresh your personal code in "
            "the app, or place your ID card on the reader.");
    case Problem::BadSignature:
        return tr(
            "This code did not pass the security check and cannot be used. Please place your ID card on "
            "the reader, or ask the staff for help.");
    case Problem::Expired:
        return tr("This code has expired. Please refresh your personal code in the app and scan it again.");
    case Problem::NotYetValid:
        return tr(
            "This code is not valid yet. Please check the time on your phone, refresh your personal code "
            "and scan it again.");
    case Problem::Replayed:
        return tr(
            "This code has already been used. Please refresh your personal code in the app and scan the "
            "new one.");
    case Problem::CacheFull:
        return tr(
            "Personal codes cannot be checked at this kiosk right now. Please place your ID card on the "
            "reader, or ask the staff for help.");
    }
    return QString();
}

IdentityCodeCheck::Outcome IdentityCodeCheck::check(const QString &code)
{
    Outcome out;
    const IdentityTokenVerifier::Result result = m_verifier->verify(code, m_now());
    if (!result.ok()) {
        out.notice = noticeFor(result.problem);
        out.logLine = QStringLiteral("identity code refused: %1 (%2)")
                          .arg(IdentityTokenVerifier::problemCode(result.problem), result.detail);
        return out;
    }
    out.accepted = true;
    out.card.cardType = cardTypeOf(result.claims.idType);
    out.card.idNumber = result.claims.subject;
    out.card.name = result.claims.name;
    out.card.birth = IdNumber::birthDate(out.card.idNumber);
    if (out.card.cardType != IdCardData::CardType::Foreign2017) {
        const IdNumber::Sex sex = IdNumber::sex(out.card.idNumber);
        out.card.sex = sex == IdNumber::Sex::Male     ? IdCardData::Sex::Male
                       : sex == IdNumber::Sex::Female ? IdCardData::Sex::Female
                                                      : IdCardData::Sex::Unknown;
    }
    return out;
}
