#pragma once

#include "CaseStore.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// The 好差评 rating of a service (GB/T 39734): five levels; a poor rating (不满意, 非常不满意) then asks
// what was wrong (the indicators: 办事效率, 服务态度, 材料要求, 办事流程, 办事指南, 设施设备), and any
// rating may carry a short comment typed on the on-screen keyboard. The rating screen presents this
// controller; completed() hands the whole rating to the session, which stores it (it goes to the platform
// through the outbox, later if the network is down). reset() at the session's end forgets it all (the
// comment is the resident's own words). Thread: GUI.
class RatingController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RatingController is made by the application")
    Q_PROPERTY(Step step READ step NOTIFY changed)
    Q_PROPERTY(int level READ level NOTIFY changed)
    Q_PROPERTY(QVariantList indicators READ indicators NOTIFY changed)
    Q_PROPERTY(QString comment READ comment WRITE setComment NOTIFY changed)
    Q_PROPERTY(int commentLimit READ commentLimit CONSTANT)

public:
    // ChooseLevel: the five levels (and the optional comment); Details: a poor rating's indicators.
    enum class Step { ChooseLevel, Details };
    Q_ENUM(Step)
    static constexpr int maximumCommentLength = 200;
    // Levels up to this one ask for indicators.
    static constexpr int poorLevel = 2;

    explicit RatingController(QObject *parent = nullptr);

    Step step() const { return m_step; }
    int level() const { return m_level; }
    // One map per indicator, in the standard's order: id, text (in the current language), selected.
    QVariantList indicators() const;
    QString comment() const { return m_comment; }
    // Cut to maximumCommentLength characters.
    void setComment(const QString &comment);
    int commentLimit() const { return maximumCommentLength; }
    // The indicator ids the platform knows (docs/platform-api.md, the rating PUT).
    static QStringList indicatorIds();

    // A level 1..5 (5 = very satisfied). A poor one opens the indicators; any other completes the rating.
    Q_INVOKABLE void choose(int level);
    Q_INVOKABLE void toggleIndicator(const QString &id);
    // Details: completes the rating with the indicators picked (none is allowed).
    Q_INVOKABLE void send();
    // Details: back to the levels (the level is forgotten, the comment kept).
    Q_INVOKABLE void back();
    // Forgets everything: the session ended (or a new rating begins).
    void reset();

signals:
    void changed();
    // The rating as the resident gave it: level, indicators (ids, in the standard's order), comment.
    void completed(const RatingRecord &rating);

private:
    void complete();

    Step m_step = Step::ChooseLevel;
    int m_level = 0;
    QStringList m_selected;
    QString m_comment;
};
Q_DECLARE_METATYPE(RatingRecord)
