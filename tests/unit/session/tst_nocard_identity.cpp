#include "NoCardIdentityController.h"
#include "SessionFixture.h"
#include "StrictWarnings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using Screen = SessionController::Screen;
using Step = NoCardIdentityController::Step;

namespace {

const QString kPin = QStringLiteral("975310");
const QString kPassport = QStringLiteral("E12345678");
const QString kName = QStringLiteral("Maria Garcia-López");

StaffSettings staffSettings()
{
    StaffSettings s;
    QString error;
    const bool parsed =
        TechnicianPin::parse(TechnicianPin::hash(kPin, TechnicianPin::minimumIterations), &s.pin, &error);
    Q_ASSERT_X(parsed, "staffSettings", qPrintable(error));
    s.maxAttempts = 3;
    s.lockoutSeconds = 300;
    return s;
}

// Everything the code under test logged, to prove that no typed detail reaches the log.
QStringList g_logged;
QtMessageHandler g_previous = nullptr;
void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logged << message;
    if (g_previous)
        g_previous(type, context, message);
}

// The session's object graph (SessionFixture) with the no-card controller wired as main.cpp does.
struct NoCardFixture : SessionFixture
{
    NoCardIdentityController noCard{staffSettings(), clock};

    NoCardFixture()
    {
        session->setNoCardIdentity(&noCard);
        session->begin();
        session->chooseLanguage(QStringLiteral("en"));
    }

    void typeDetails(const QString &type, const QString &number, const QString &name)
    {
        noCard.open();
        noCard.setDocumentType(type);
        noCard.setNumber(number);
        noCard.setFullName(name);
    }
};

} // namespace

// A resident without a readable card: typed details (document type, number, name) checked by the rules of
// the document type, confirmed by staff with the staff PIN (wrong tries counted, then a lock), wiped on
// cancel, on the idle timeout and at the session's end; the case says how the resident was identified.
class TestNoCardIdentity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        g_previous = qInstallMessageHandler(capture);
    }
    void init() { g_logged.clear(); }

    void numberRulesPerDocumentType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("passport E + 8 digits") << "passport"
                                               << "E12345678" << true;
        QTest::newRow("passport EA + 7 digits, lower case, spaces") << "passport"
                                                                    << " ea 1234567 " << true;
        QTest::newRow("foreign passport, 6 characters") << "passport"
                                                        << "X12345" << true;
        QTest::newRow("passport too long") << "passport"
                                           << "E123456789" << false;
        QTest::newRow("passport without a digit") << "passport"
                                                  << "ABCDEFGH" << false;
        QTest::newRow("passport with a symbol") << "passport"
                                                << "E1234-567" << false;
        QTest::newRow("passport empty") << "passport"
                                        << "  " << false;
        QTest::newRow("travel document, 12 characters") << "travel_document"
                                                        << "C12345678901" << true;
        QTest::newRow("travel document, 13 characters") << "travel_document"
                                                        << "C123456789012" << false;
        QTest::newRow("resident id valid") << "resident_id"
                                           << "310104194803010029" << true;
        QTest::newRow("resident id, lower-case x") << "resident_id"
                                                   << "11010519491231002x" << true;
        QTest::newRow("resident id, wrong check character") << "resident_id"
                                                            << "310104194803010028" << false;
        QTest::newRow("resident id, too short") << "resident_id"
                                                << "31010419480301002" << false;
        QTest::newRow("2017 permanent residence card") << "resident_id"
                                                       << "USA310085051511" << true;
        QTest::newRow("a passport number as an ID number") << "resident_id"
                                                           << "E12345678" << false;
    }
    void numberRulesPerDocumentType()
    {
        QFETCH(QString, type);
        QFETCH(QString, number);
        QFETCH(bool, valid);
        const QString problem = NoCardIdentityController::numberProblem(type, number);
        QCOMPARE(problem.isEmpty(), valid);
        QVERIFY(!problem.contains(number.trimmed()) ||
                number.trimmed().isEmpty()); // never repeats the number
    }

    void nameRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("Chinese") << QStringLiteral("王秀英") << true;
        QTest::newRow("Latin with accent and hyphen") << kName << true;
        QTest::newRow("transcribed with middle dot") << QStringLiteral("阿依古丽·买买提") << true;
        QTest::newRow("surname, given names") << QStringLiteral("O'BRIEN John J.") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("one letter") << QStringLiteral("A") << false;
        QTest::newRow("digits") << QStringLiteral("John 3") << false;
        QTest::newRow("starts with a symbol") << QStringLiteral("-John") << false;
    }
    void nameRules()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(NoCardIdentityController::nameProblem(name).isEmpty(), valid);
    }

    // Details that do not pass their checks never reach the staff; each field says what is wrong.
    void invalidDetailsStayWithTheResident()
    {
        NoCardFixture f;
        f.noCard.open();
        QCOMPARE(f.noCard.step(), Step::Details);
        f.noCard.askStaff();
        QCOMPARE(f.noCard.step(), Step::Details);
        QVERIFY(!f.noCard.typeError().isEmpty());
        QVERIFY(!f.noCard.nameError().isEmpty());

        f.noCard.setDocumentType(QStringLiteral("resident_id"));
        f.noCard.setNumber(QStringLiteral("310104194803010028")); // wrong check character
        f.noCard.setFullName(QStringLiteral("王秀英"));
        f.noCard.askStaff();
        QCOMPARE(f.noCard.step(), Step::Details);
        QVERIFY(f.noCard.typeError().isEmpty());
        QVERIFY(!f.noCard.numberError().isEmpty());
        QVERIFY(f.noCard.nameError().isEmpty());

        // Another type changes the rules: 18 characters are too many for a passport number.
        f.noCard.setDocumentType(QStringLiteral("passport"));
        f.noCard.askStaff();
        QCOMPARE(f.noCard.step(), Step::Details);
        QVERIFY(!f.noCard.numberError().isEmpty());
        f.noCard.setNumber(kPassport);
        QVERIFY(f.noCard.numberError().isEmpty()); // editing clears the field's error
        f.noCard.askStaff();
        QCOMPARE(f.noCard.step(), Step::StaffPin);
        QCOMPARE(f.session->screen(), Screen::Identify);
        QVERIFY(!f.session->isIdentified());
    }

    // A wrong PIN is counted and said; the third in a row locks the staff PIN for lockout_seconds: even the
    // right PIN is refused then, cancelling (or a new session) does not lift it, and after the time it works.
    void wrongPinsLockThePin()
    {
        NoCardFixture f;
        f.typeDetails(QStringLiteral("passport"), kPassport, kName);
        f.noCard.askStaff();
        QCOMPARE(f.noCard.step(), Step::StaffPin);
        QCOMPARE(f.noCard.attemptsLeft(), 3);

        QTest::ignoreMessage(QtWarningMsg, "wrong staff PIN, 2 attempts left");
        f.noCard.submitPin(QStringLiteral("000000"));
        QCOMPARE(f.noCard.attemptsLeft(), 2);
        QVERIFY(f.noCard.pinMessage().contains(QLatin1String("2")));
        QVERIFY(!f.noCard.isLocked());
        QTest::ignoreMessage(QtWarningMsg, "wrong staff PIN, 1 attempts left");
        f.noCard.submitPin(QStringLiteral("135791"));
        QTest::ignoreMessage(QtWarningMsg, "wrong staff PIN, 0 attempts left");
        QTest::ignoreMessage(QtWarningMsg, "staff PIN locked for 300 s after 3 wrong PINs");
        f.noCard.submitPin(QStringLiteral("975311"));
        QVERIFY(f.noCard.isLocked());
        QCOMPARE(f.noCard.lockSecondsLeft(), 300);

        f.noCard.submitPin(kPin); // locked: not even tried
        QVERIFY(!f.session->isIdentified());
        QCOMPARE(f.noCard.step(), Step::StaffPin);

        // Cancelling wipes the details but not the lock.
        f.noCard.cancel();
        QCOMPARE(f.noCard.number(), QString());
        f.typeDetails(QStringLiteral("passport"), kPassport, kName);
        f.noCard.askStaff();
        QVERIFY(f.noCard.isLocked());

        f.clock.advance(299 * 1000);
        QCOMPARE(f.noCard.lockSecondsLeft(), 1);
        f.noCard.submitPin(kPin);
        QVERIFY(!f.session->isIdentified());
        f.clock.advance(1000);
        f.noCard.tick();
        QVERIFY(!f.noCard.isLocked());
        QCOMPARE(f.noCard.attemptsLeft(), 3);
        f.noCard.submitPin(kPin);
        QVERIFY(f.session->isIdentified());

        // The log said what happened, never who.
        const QString all = g_logged.join(QLatin1Char('\n'));
        QVERIFY(all.contains(QLatin1String("staff PIN lock ended")));
        QVERIFY(!all.contains(kPassport));
        QVERIFY(!all.contains(QLatin1String("Garcia")));
        QVERIFY(!all.contains(kPin));
    }

    // The whole way: confirmed by staff, the resident is identified ("staff_confirmed"), the form is
    // prefilled from the typed details like from a card (locked; a passport number is accepted there), the
    // header shows the number masked, and the case's submission says how the resident was identified.
    void confirmedDetailsReachTheCase()
    {
        NoCardFixture f;
        QSignalSpy confirmed(&f.noCard, &NoCardIdentityController::confirmed);
        f.typeDetails(QStringLiteral("passport"), QStringLiteral("e1234 5678"),
                      QStringLiteral("  Maria  Garcia-López "));
        f.noCard.askStaff();
        QTest::ignoreMessage(QtWarningMsg, "wrong staff PIN, 2 attempts left");
        f.noCard.submitPin(QStringLiteral("111111"));
        f.noCard.submitPin(kPin);
        QCOMPARE(confirmed.size(), 1);
        QCOMPARE(confirmed.at(0).at(1).toString(), QStringLiteral("passport"));
        QCOMPARE(f.noCard.attemptsLeft(), 3); // the right PIN resets the count

        QVERIFY(f.session->isIdentified());
        QCOMPARE(f.session->screen(), Screen::Catalog);
        QCOMPARE(f.session->identityMethod(), QStringLiteral("staff_confirmed"));
        QCOMPARE(f.session->card().idNumber, kPassport);
        QCOMPARE(f.session->card().name, kName);
        QCOMPARE(f.session->residentIdMasked(), QStringLiteral("*******78"));
        QCOMPARE(f.session->residentNameMasked(), QStringLiteral("M") + QString(17, QLatin1Char('*')));
        // What was typed is gone from the no-card controller once it is the session's.
        QCOMPARE(f.noCard.step(), Step::Closed);
        QCOMPARE(f.noCard.number(), QString());
        QCOMPARE(f.noCard.fullName(), QString());

        f.session->chooseService(QStringLiteral("social-security-card"));
        f.session->startForm();
        QCOMPARE(f.form.value(QStringLiteral("id_number")), kPassport);
        QCOMPARE(f.form.value(QStringLiteral("name")), kName);
        f.form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        f.form.setValue(QStringLiteral("reason"), QStringLiteral("damaged"));
        f.session->toReview();
        QCOMPARE(f.session->screen(), Screen::Review);
        QVERIFY(f.submitAndSettle(true));
        QCOMPARE(f.session->screen(), Screen::Receipt);

        const QJsonObject body = QJsonDocument::fromJson(f.store->nextOutboxItem()->body).object();
        QCOMPARE(body.value(QStringLiteral("identity_method")).toString(), QStringLiteral("staff_confirmed"));
        QVERIFY(!f.store->nextOutboxItem()->body.contains(kPin.toLatin1()));
        QCOMPARE(body.value(QStringLiteral("form")).toObject().value(QStringLiteral("id_number")).toString(),
                 kPassport);

        const QString all = g_logged.join(QLatin1Char('\n'));
        QVERIFY(all.contains(QLatin1String("resident identified by staff-confirmed details (passport)")));
        QVERIFY(!all.contains(kPassport));
        QVERIFY(!all.contains(QLatin1String("Garcia")));
    }

    // A damaged card's number typed by hand: checked by its own kind's rules and kept as that card type.
    void handTypedIdNumberKeepsItsCardType()
    {
        NoCardFixture f;
        f.typeDetails(QStringLiteral("resident_id"), QStringLiteral("usa310085051511"),
                      QStringLiteral("SMITH JOHN"));
        f.noCard.askStaff();
        f.noCard.submitPin(kPin);
        QVERIFY(f.session->isIdentified());
        QCOMPARE(f.session->card().idNumber, QStringLiteral("USA310085051511"));
        QCOMPARE(f.session->card().cardType, IdCardData::CardType::Foreign2017);
        QCOMPARE(f.session->residentIdMasked(), QStringLiteral("USA*********511"));
    }

    // A card identification records "card"; and a card read while details are being typed wins and wipes
    // them.
    void aCardReadWipesTheTypedDetails()
    {
        NoCardFixture f;
        f.typeDetails(QStringLiteral("passport"), kPassport, kName);
        f.reader.placeCard(testCard());
        QTRY_VERIFY(f.session->isIdentified());
        QCOMPARE(f.session->identityMethod(), QStringLiteral("card"));
        QCOMPARE(f.noCard.step(), Step::Closed);
        QCOMPARE(f.noCard.number(), QString());
        QCOMPARE(f.noCard.fullName(), QString());
    }

    void cancelWipes()
    {
        NoCardFixture f;
        f.typeDetails(QStringLiteral("passport"), kPassport, kName);
        f.noCard.askStaff();
        f.noCard.backToDetails();
        QCOMPARE(f.noCard.step(), Step::Details);
        QCOMPARE(f.noCard.number(), kPassport); // back keeps them for a correction
        f.noCard.cancel();
        QCOMPARE(f.noCard.step(), Step::Closed);
        QCOMPARE(f.noCard.documentType(), QString());
        QCOMPARE(f.noCard.number(), QString());
        QCOMPARE(f.noCard.fullName(), QString());
        QCOMPARE(f.session->screen(), Screen::Identify);
        QVERIFY(!f.session->isIdentified());
    }

    void idleTimeoutWipes()
    {
        NoCardFixture f;
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        f.typeDetails(QStringLiteral("travel_document"), QStringLiteral("C12345678"), kName);
        f.noCard.askStaff();
        QCOMPARE(f.noCard.step(), Step::StaffPin);
        f.advance((60 + 30) * 1000);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("timeout"));
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(f.noCard.step(), Step::Closed);
        QCOMPARE(f.noCard.documentType(), QString());
        QCOMPARE(f.noCard.number(), QString());
        QCOMPARE(f.noCard.fullName(), QString());
    }

    void sessionEndWipesTheIdentityToo()
    {
        NoCardFixture f;
        f.typeDetails(QStringLiteral("passport"), kPassport, kName);
        f.noCard.askStaff();
        f.noCard.submitPin(kPin);
        QCOMPARE(f.session->identityMethod(), QStringLiteral("staff_confirmed"));
        f.session->endSession();
        QVERIFY(!f.session->isIdentified());
        QCOMPARE(f.session->identityMethod(), QString());
        QCOMPARE(f.session->card().idNumber, QString());

        // Typed but not confirmed, then "End": wiped as well.
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("zh_CN"));
        f.typeDetails(QStringLiteral("passport"), kPassport, kName);
        f.session->endSession();
        QCOMPARE(f.noCard.number(), QString());
        QCOMPARE(f.noCard.fullName(), QString());
        QCOMPARE(f.noCard.step(), Step::Closed);
    }

    // Without a staff PIN in site.json the way is not offered.
    void noStaffPinNoWay()
    {
        SessionFixture f;
        NoCardIdentityController noCard(StaffSettings{}, f.clock);
        f.session->setNoCardIdentity(&noCard);
        QVERIFY(!noCard.isAvailable());
        noCard.open();
        QCOMPARE(noCard.step(), Step::Closed);
    }
};

QTEST_GUILESS_MAIN(TestNoCardIdentity)
#include "tst_nocard_identity.moc"
