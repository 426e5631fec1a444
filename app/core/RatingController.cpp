#include "RatingController.h"

#include <QLoggingCategory>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcRating, "onestop.rating")

namespace {

struct Indicator
{
    const char *id;
    const char *text; // English source; Chinese from the translation
};

// GB/T 39734's evaluation content, as the platform's ids (docs/platform-api.md).
const Indicator kIndicators[] = {
    {"efficiency", QT_TRANSLATE_NOOP("RatingController", "It took too long")},
    {"attitude", QT_TRANSLATE_NOOP("RatingController", "How I was treated")},
    {"materials", QT_TRANSLATE_NOOP("RatingController", "Too many or unclear documents")},
    {"process", QT_TRANSLATE_NOOP("RatingController", "The steps were unclear")},
    {"guidance", QT_TRANSLATE_NOOP("RatingController", "The service guide did not help")},
    {"facilities", QT_TRANSLATE_NOOP("RatingController", "The kiosk or the equipment")},
};

} // namespace

RatingController::RatingController(QObject *parent) : QObject(parent) {}

QStringList RatingController::indicatorIds()
{
    QStringList ids;
    for (const Indicator &indicator : kIndicators)
        ids.append(QString::fromLatin1(indicator.id));
    return ids;
}

QVariantList RatingController::indicators() const
{
    QVariantList list;
    for (const Indicator &indicator : kIndicators) {
        const QString id = QString::fromLatin1(indicator.id);
        list.append(QVariantMap{{QStringLiteral("id"), id},
                                {QStringLiteral("text"), tr(indicator.text)},
                                {QStringLiteral("selected"), m_selected.contains(id)}});
    }
    return list;
}

void RatingController::setComment(const QString &comment)
{
    const QString cut = comment.left(maximumCommentLength);
    if (cut == m_comment)
        return;
    m_comment = cut;
    emit changed();
}

void RatingController::choose(int level)
{
    if (m_step != Step::ChooseLevel || level < 1 || level > 5)
        return;
    m_level = level;
    if (level <= poorLevel) {
        m_step = Step::Details;
        emit changed();
        return;
    }
    complete();
}

void RatingController::toggleIndicator(const QString &id)
{
    if (m_step != Step::Details || !indicatorIds().contains(id))
        return;
    if (!m_selected.removeOne(id))
        m_selected.append(id);
    emit changed();
}

void RatingController::send()
{
    if (m_step == Step::Details)
        complete();
}

void RatingController::back()
{
    if (m_step != Step::Details)
        return;
    m_step = Step::ChooseLevel;
    m_level = 0;
    m_selected.clear();
    emit changed();
}

void RatingController::complete()
{
    RatingRecord rating;
    rating.level = m_level;
    for (const QString &id : indicatorIds()) { // the standard's order, whatever the order of the taps
        if (m_selected.contains(id))
            rating.indicators.append(id);
    }
    rating.comment = m_comment;
    // The comment is the resident's own words: only whether there is one.
    qCInfo(lcRating) << "rated" << rating.level << "indicators" << rating.indicators << "comment"
                     << (rating.comment.isEmpty() ? "none" : "given");
    reset();
    emit completed(rating);
}

void RatingController::reset()
{
    if (m_step == Step::ChooseLevel && m_level == 0 && m_selected.isEmpty() && m_comment.isEmpty())
        return;
    m_step = Step::ChooseLevel;
    m_level = 0;
    m_selected.clear();
    m_comment.clear();
    emit changed();
}
