#include "SessionFixture.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

#include <sqlite3.h>

using Screen = SessionController::Screen;

class TestSessionController : public QObject
{
    Q_OBJECT

    // Walks from attract to the review screen with a valid form.
    static void walkToReview(SessionFixture &f)
    {
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("en"));
        QCOMPARE(f.session->screen(), Screen::Identify);
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.session->chooseService(QStringLiteral("social-security-card"));
        QCOMPARE(f.session->screen(), Screen::Guide);
        f.session->startForm();
        QCOMPARE(f.session->screen(), Screen::Form);
        f.form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        f.form.setValue(QStringLiteral("reason"), QStringLiteral("lost"));
        f.session->toReview();
        QCOMPARE(f.session->screen(), Screen::Review);
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void fullJourneyCommitsPrintsRatesAndWipes()
    {
        SessionFixture f;
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        walkToReview(f);
        QCOMPARE(f.session->residentIdMasked(), QStringLiteral("310104********0029"));
        QCOMPARE(f.session->residentNameMasked(), QStringLiteral("王**"));

        f.session->submit(false);
        QCOMPARE(f.session->screen(), Screen::Review); // no consent, no submission
        QVERIFY(!f.session->notice().isEmpty());

        f.session->submit(true);
        // Not within the call: the commit is a job of the store's thread; the resident sees "saving" until
        // it has returned, and only then the receipt.
        QCOMPARE(f.session->screen(), Screen::Saving);
        QCOMPARE(f.submission->state(), SubmissionController::State::Saving);
        QCOMPARE(f.store->pendingCount(), 0);
        f.settleStore();
        QCOMPARE(f.session->screen(), Screen::Receipt);
        const QString caseId = f.submission->caseId();
        QVERIFY(!caseId.isEmpty());
        // Committed before the resident is told: the store has it and its outbox item.
        const auto stored = f.store->findCase(caseId);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->form.value(QStringLiteral("phone")).toString(), QStringLiteral("13812345678"));
        QCOMPARE(stored->form.value(QStringLiteral("id_number")).toString(), testCard().idNumber);
        QCOMPARE(f.store->pendingCount(), 1);
        QTRY_COMPARE(f.submission->receiptState(), SubmissionController::ReceiptState::Printed);
        QCOMPARE(f.submission->syncState(), QStringLiteral("pending"));

        f.session->toRating();
        QCOMPARE(f.session->screen(), Screen::Rating);
        f.session->rate(5);
        f.settleStore();
        QCOMPARE(f.session->screen(), Screen::Goodbye);
        QCOMPARE(f.store->pendingCount(), 2); // the case and its rating

        f.advance(5000);
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(ended.count(), 1);
        QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("finished"));
        // The wipe: nothing of the resident is left in any model.
        QVERIFY(!f.session->isIdentified());
        QVERIFY(f.session->residentNameMasked().isEmpty());
        QVERIFY(f.session->residentIdMasked().isEmpty());
        QVERIFY(f.session->serviceId().isEmpty());
        QCOMPARE(f.form.rowCount(), 0);
        QVERIFY(f.form.values().isEmpty());
        QVERIFY(f.submission->caseId().isEmpty());
        QVERIFY(f.submission->caseNumber().isEmpty());
        QCOMPARE(f.session->language(), QStringLiteral("zh_CN"));
        QVERIFY(f.session->card().isEmpty());
    }

    void idleWarningCanBeAnsweredOrEndsTheSession()
    {
        SessionFixture f;
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        walkToReview(f);
        f.advance(59000);
        QVERIFY(!f.session->isIdleWarning());
        f.advance(1000);
        QVERIFY(f.session->isIdleWarning());
        QCOMPARE(f.session->idleSecondsLeft(), 30);
        f.session->userActivity(); // a stray touch does not silently dismiss the warning
        QVERIFY(f.session->isIdleWarning());
        f.session->extendSession();
        QVERIFY(!f.session->isIdleWarning());
        QCOMPARE(f.session->screen(), Screen::Review);

        f.advance(60000 + 29000);
        QVERIFY(f.session->isIdleWarning());
        QCOMPARE(f.session->idleSecondsLeft(), 1);
        f.advance(1000);
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(ended.count(), 1);
        QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("timeout"));
        QCOMPARE(f.form.rowCount(), 0);
        QVERIFY(!f.session->isIdentified());
        QCOMPARE(f.store->pendingCount(), 0); // nothing was submitted
    }

    void activityKeepsTheSessionAlive()
    {
        SessionFixture f;
        f.session->begin();
        for (int i = 0; i < 10; ++i) {
            f.advance(50000);
            f.session->userActivity();
        }
        QCOMPARE(f.session->screen(), Screen::Language);
        QVERIFY(!f.session->isIdleWarning());
    }

    void attractScreenHasNoTimeout()
    {
        SessionFixture f;
        f.advance(3600 * 1000);
        QCOMPARE(f.session->screen(), Screen::Attract);
    }

    void cardWithBadCheckCharacterIsRefused()
    {
        SessionFixture f;
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("zh_CN"));
        IdCardData forged = testCard();
        forged.idNumber = QStringLiteral("310104194803010028");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("card rejected")));
        f.reader.placeCard(forged);
        QTRY_VERIFY(!f.session->notice().isEmpty());
        QCOMPARE(f.session->screen(), Screen::Identify);
        QVERIFY(!f.session->isIdentified());
    }

    void cardOnAttractScreenStartsTheSession()
    {
        SessionFixture f;
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Language);
        f.session->chooseLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(f.session->screen(), Screen::Catalog); // already identified
    }

    void serviceNeedingAnUnavailableDeviceIsRefusedWithTheReason()
    {
        SessionFixture f;
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("en"));
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.camera.setPlugged(false);
        QVERIFY(!f.services->isAvailable(QStringLiteral("needs-camera")));
        f.session->chooseService(QStringLiteral("needs-camera"));
        QCOMPARE(f.session->screen(), Screen::Catalog);
        QVERIFY2(f.session->notice().contains(QStringLiteral("needs the camera")), qPrintable(f.session->notice()));
        QVERIFY(f.services->isAvailable(QStringLiteral("social-security-card")));
    }

    void receiptNotPrintedWhenPaperIsOut()
    {
        SessionFixture f;
        walkToReview(f);
        f.printer.setPaper(ReceiptPrinter::PaperState::Out);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("receipt not printed")));
        QVERIFY(f.submitAndSettle(true));
        QCOMPARE(f.session->screen(), Screen::Receipt); // the case is saved regardless
        QTRY_COMPARE(f.submission->receiptState(), SubmissionController::ReceiptState::NotPrinted);
        QVERIFY(f.submission->receiptProblem().contains(QStringLiteral("paper")));
        QCOMPARE(f.store->pendingCount(), 1);
    }

    void aCaseThatCannotBeCommittedIsNotReportedSavedAndTheFormStays()
    {
        SessionFixture f;
        walkToReview(f);
        // Another writer holds the database: every write of ours fails after the busy timeout.
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open(QDir(f.dir.path()).filePath(QStringLiteral("cases.sqlite")).toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("case number not allocated: .*locked")));
        QVERIFY(f.submitAndSettle(true));
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);

        QCOMPARE(f.session->screen(), Screen::Review);
        QVERIFY(f.session->notice().contains(QStringLiteral("could not be saved")));
        QCOMPARE(f.submission->state(), SubmissionController::State::Failed);
        QVERIFY(f.submission->caseId().isEmpty());
        QCOMPARE(f.form.value(QStringLiteral("phone")), QStringLiteral("13812345678")); // nothing lost
        QCOMPARE(f.store->pendingCount(), 0);

        // The same form goes through once the database is free again.
        QVERIFY(f.submitAndSettle(true));
        QCOMPARE(f.session->screen(), Screen::Receipt);
        QCOMPARE(f.store->pendingCount(), 1);
    }

    void backWalksBackAndCancelEnds()
    {
        SessionFixture f;
        walkToReview(f);
        f.session->back();
        QCOMPARE(f.session->screen(), Screen::Form);
        QCOMPARE(f.form.value(QStringLiteral("phone")), QStringLiteral("13812345678")); // kept while going back
        f.session->back();
        QCOMPARE(f.session->screen(), Screen::Guide);
        f.session->endSession();
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(f.form.rowCount(), 0);
    }
};

QTEST_MAIN(TestSessionController)
#include "tst_session_controller.moc"
