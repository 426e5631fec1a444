// The 好差评 rating's details (RatingController): a good rating completes at once, a poor one asks what was
// wrong; the indicators go in the standard's order whatever the order of the taps; the comment is cut to its
// limit; the session stores the whole rating (through the store's job) and its end forgets the comment.

#include "RatingController.h"
#include "SessionFixture.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

using Screen = SessionController::Screen;

namespace {

// From attract to the rating screen: a committed case.
void walkToRating(SessionFixture &f)
{
    f.session->begin();
    f.session->chooseLanguage(QStringLiteral("zh_CN"));
    f.reader.placeCard(testCard());
    QTRY_COMPARE(f.session->screen(), Screen::Catalog);
    f.session->chooseService(QStringLiteral("social-security-card"));
    f.session->startForm();
    f.form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
    f.form.setValue(QStringLiteral("reason"), QStringLiteral("lost"));
    f.session->toReview();
    QVERIFY(f.submitAndSettle(true));
    QCOMPARE(f.session->screen(), Screen::Receipt);
    QTRY_COMPARE(f.submission->receiptState(), SubmissionController::ReceiptState::Printed);
    f.session->toRating();
    QCOMPARE(f.session->screen(), Screen::Rating);
}

} // namespace

class TestRatingController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void aGoodRatingCompletesAtOnce()
    {
        RatingController rating;
        QSignalSpy completed(&rating, &RatingController::completed);
        rating.setComment(QStringLiteral("很方便"));
        rating.choose(4);
        QCOMPARE(completed.count(), 1);
        const RatingRecord given = completed.at(0).at(0).value<RatingRecord>();
        QCOMPARE(given.level, 4);
        QVERIFY(given.indicators.isEmpty());
        QCOMPARE(given.comment, QStringLiteral("很方便"));
        // Forgotten once handed on.
        QCOMPARE(rating.step(), RatingController::Step::ChooseLevel);
        QVERIFY(rating.comment().isEmpty());
        rating.choose(0);
        rating.choose(6);
        QCOMPARE(completed.count(), 1);
    }

    void aPoorRatingAsksWhatWasWrong()
    {
        RatingController rating;
        QSignalSpy completed(&rating, &RatingController::completed);
        rating.choose(2);
        QCOMPARE(rating.step(), RatingController::Step::Details);
        QCOMPARE(completed.count(), 0);
        QCOMPARE(rating.indicators().size(), RatingController::indicatorIds().size());
        rating.toggleIndicator(QStringLiteral("materials"));
        rating.toggleIndicator(QStringLiteral("efficiency"));
        rating.toggleIndicator(QStringLiteral("attitude"));
        rating.toggleIndicator(QStringLiteral("attitude")); // off again
        rating.toggleIndicator(QStringLiteral("not-an-indicator"));
        QVariantList shown = rating.indicators();
        QCOMPARE(shown.at(0).toMap().value(QStringLiteral("id")).toString(), QStringLiteral("efficiency"));
        QCOMPARE(shown.at(0).toMap().value(QStringLiteral("selected")).toBool(), true);
        QCOMPARE(shown.at(1).toMap().value(QStringLiteral("selected")).toBool(), false);
        rating.send();
        QCOMPARE(completed.count(), 1);
        const RatingRecord given = completed.at(0).at(0).value<RatingRecord>();
        QCOMPARE(given.level, 2);
        QCOMPARE(given.indicators, (QStringList{QStringLiteral("efficiency"), QStringLiteral("materials")}));
    }

    void backForgetsTheLevelAndKeepsTheComment()
    {
        RatingController rating;
        QSignalSpy completed(&rating, &RatingController::completed);
        rating.setComment(QString(300, QLatin1Char('x')));
        QCOMPARE(rating.comment().size(), RatingController::maximumCommentLength);
        rating.choose(1);
        rating.toggleIndicator(QStringLiteral("process"));
        rating.back();
        QCOMPARE(rating.step(), RatingController::Step::ChooseLevel);
        QCOMPARE(rating.level(), 0);
        QCOMPARE(rating.comment().size(), RatingController::maximumCommentLength);
        rating.send(); // not in the details: nothing
        QCOMPARE(completed.count(), 0);
        rating.choose(5);
        QCOMPARE(completed.count(), 1);
        QVERIFY(completed.at(0).at(0).value<RatingRecord>().indicators.isEmpty());
    }

    // The session: a poor rating with indicators and a comment is stored whole; the next session starts
    // without the comment.
    void theSessionStoresTheWholeRatingAndItsEndForgetsIt()
    {
        SessionFixture f;
        RatingController rating;
        f.session->setRatingController(&rating);
        walkToRating(f);
        const QString caseId = f.submission->caseId();
        rating.setComment(QStringLiteral("窗口太少"));
        f.session->rate(1);
        QCOMPARE(f.session->screen(), Screen::Rating); // the details first
        rating.toggleIndicator(QStringLiteral("efficiency"));
        rating.send();
        QCOMPARE(f.session->screen(), Screen::Goodbye);
        QCOMPARE(f.session->rating(), 1);
        f.settleStore();
        const std::optional<RatingRecord> stored = f.store->rating(caseId);
        QVERIFY(stored);
        QCOMPARE(stored->level, 1);
        QCOMPARE(stored->indicators, QStringList{QStringLiteral("efficiency")});
        QCOMPARE(stored->comment, QStringLiteral("窗口太少"));

        // A comment typed and then left: the session's end wipes it.
        f.session->endSession();
        walkToRating(f);
        rating.setComment(QStringLiteral("没写完"));
        f.session->endSession();
        QVERIFY(rating.comment().isEmpty());
        QCOMPARE(rating.step(), RatingController::Step::ChooseLevel);
    }
};

QTEST_MAIN(TestRatingController)
#include "tst_rating_controller.moc"
