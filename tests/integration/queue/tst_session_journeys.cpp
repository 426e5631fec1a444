// The session's seam for other kinds of visit (SessionJourneys.cpp, app/journeys/Journey.h), with the real
// queue-ticket journey (offline, from a range in its file: no platform needed): offered without a card from
// the attract, language and identify screens and nowhere later; its screen is the journey's; its finished()
// ends the session; the idle timeout, "End" and "Back" end it too, and every session end resets the journey
// so that no ticket survives the session.
#include "AppointmentCheckInController.h"
#include "QueueClient.h"
#include "QueueRangeStore.h"
#include "QueueTicketController.h"
#include "SessionFixture.h"
#include "StrictWarnings.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using Screen = SessionController::Screen;

namespace {
// A journey for an identified resident that takes one catalog service (as the progress lookup and the
// certificates do): it records what the session hands it, so that the session's side of the seam is
// tested on its own; the real journeys have their own tests.
class ResidentJourney : public Journey
{
public:
    QString id() const override { return QStringLiteral("resident"); }
    QUrl screenUrl() const override { return QUrl(QStringLiteral("qrc:/test/ResidentJourney.qml")); }
    void enter(const QString &language) override
    {
        this->language = language;
        ++entered;
    }
    void reset() override
    {
        resident = JourneyResident{};
        service.clear();
        codes.clear();
        ++resets;
    }
    bool handleCode(const QString &text) override
    {
        codes << text;
        return true;
    }
    bool acceptsResident() const override { return true; }
    void residentIdentified(const JourneyResident &r) override
    {
        resident = r;
        ++handedOver;
    }
    bool takesService(const QString &serviceId) override
    {
        if (serviceId != QLatin1String("needs-camera"))
            return false;
        service = serviceId;
        return true;
    }

    QString language;
    JourneyResident resident;
    QString service;
    QStringList codes;
    int entered = 0;
    int resets = 0;
    int handedOver = 0;
};
} // namespace

class TestSessionJourneys : public QObject
{
    Q_OBJECT

    // The session fixture with the queue journey added, its range file holding one range for "general".
    struct Fixture : SessionFixture
    {
        QueueRangeStore ranges{dir.filePath(QStringLiteral("queue-tickets.json"))};
        QueueClient client{network, site.sync, site.platformUrl, site.centerId};
        std::unique_ptr<QueueTicketController> queue;
        std::unique_ptr<AppointmentCheckInController> appointment;
        ResidentJourney resident;

        Fixture()
        {
            QString error;
            ranges.setServices({{QStringLiteral("general"), QStringLiteral("A"), QStringLiteral("综合受理"),
                                 QStringLiteral("General affairs")}},
                               &error);
            ranges.addRange({QStringLiteral("r1"),
                             QStringLiteral("general"),
                             QStringLiteral("A"),
                             QDate::currentDate(),
                             41,
                             60,
                             41,
                             {}},
                            &error);
            queue = std::make_unique<QueueTicketController>(
                QueueTicketController::Settings{site.centerId, site.centerName.zh, site.centerName.en},
                client, ranges, printer);
            queue->setNetworkAvailable(false);
            session->addJourney(queue.get());
            appointment = std::make_unique<AppointmentCheckInController>(
                AppointmentCheckInController::Settings{site.centerId, site.centerName.zh, site.centerName.en},
                client, printer);
            appointment->setNetworkAvailable(false);
            session->addJourney(appointment.get());
            session->addJourney(&resident);
        }
    };

private slots:
    void initTestCase() { installStrictWarnings(); }

    void aTicketWithoutACardAndTheSessionEndsWithTheJourney()
    {
        Fixture f;
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        QVERIFY(f.session->offersJourney(QStringLiteral("queue")));
        QVERIFY(f.session->offersJourney(QStringLiteral("appointment")));
        QVERIFY(!f.session->offersJourney(QStringLiteral("progress")));
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("en"));
        QCOMPARE(f.session->screen(), Screen::Identify);
        f.session->startJourney(QStringLiteral("queue"));
        QCOMPARE(f.session->screen(), Screen::Journey);
        QCOMPARE(f.session->screenName(), QStringLiteral("journey"));
        QCOMPARE(f.session->journeyScreen(), f.queue->screenUrl());
        QVERIFY(!f.session->isIdentified());
        QCOMPARE(f.queue->services().first().toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("General affairs"));

        f.queue->chooseService(QStringLiteral("general"));
        QCOMPARE(f.queue->state(), QueueTicketController::State::IssuedOffline);
        QCOMPARE(f.queue->ticketNumber(), QStringLiteral("A041"));
        QTRY_COMPARE(f.queue->printState(), QueueTicketController::PrintState::Printed);
        f.queue->finish();
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(ended.count(), 1);
        QCOMPARE(ended.first().first().toString(), QStringLiteral("finished"));
        QVERIFY(f.queue->ticketNumber().isEmpty());
        QVERIFY(f.session->journeyScreen().isEmpty());
        // A journey that is not on screen cannot end a session.
        emit f.queue->finished();
        QCOMPARE(ended.count(), 1);
    }

    void theIdleTimeoutWipesTheTicket()
    {
        Fixture f;
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        f.session->startJourney(QStringLiteral("queue")); // straight from the attract screen
        QCOMPARE(f.session->screen(), Screen::Journey);
        f.queue->chooseService(QStringLiteral("general"));
        QCOMPARE(f.queue->ticketNumber(), QStringLiteral("A041"));
        f.advance(59000);
        QVERIFY(!f.session->isIdleWarning());
        f.advance(1000);
        QVERIFY(f.session->isIdleWarning());
        f.advance(30000);
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(ended.last().first().toString(), QStringLiteral("timeout"));
        QCOMPARE(f.queue->state(), QueueTicketController::State::ChoosingService);
        QVERIFY(f.queue->ticketNumber().isEmpty());
        QVERIFY(f.queue->qrText().isEmpty());
        // The number stays used: the next resident gets the next one.
        f.session->startJourney(QStringLiteral("queue"));
        f.queue->chooseService(QStringLiteral("general"));
        QCOMPARE(f.queue->ticketNumber(), QStringLiteral("A042"));
    }

    void backAndEndCancelTheJourney()
    {
        Fixture f;
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        f.session->begin();
        f.session->startJourney(QStringLiteral("queue")); // from the language screen
        QCOMPARE(f.session->screen(), Screen::Journey);
        f.session->back();
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(ended.last().first().toString(), QStringLiteral("cancelled"));
        f.session->startJourney(QStringLiteral("queue"));
        f.session->endSession();
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(ended.count(), 2);
    }

    void theQueueScreenHandsOverToTheCheckInAndScannedCodesReachIt()
    {
        Fixture f;
        f.session->startJourney(QStringLiteral("queue"));
        f.queue->chooseService(QStringLiteral("general"));
        QVERIFY(!f.queue->ticketNumber().isEmpty());
        f.session->startJourney(QStringLiteral("appointment"));
        QCOMPARE(f.session->screen(), Screen::Journey);
        QCOMPARE(f.session->journeyScreen(), f.appointment->screenUrl());
        QVERIFY(f.queue->ticketNumber().isEmpty()); // the journey left behind is reset
        // A code that is not a booking's: the session says so; a booking's QR goes to the check-in.
        f.scanner.scan(QStringLiteral("not a code"));
        QTRY_VERIFY(!f.session->notice().isEmpty());
        f.session->dismissNotice();
        f.scanner.scan(QStringLiteral("https://zwdt.sh.gov.cn/appointment?code=A20261203-0815"));
        QTRY_COMPARE(f.appointment->state(),
                     AppointmentCheckInController::State::Failed); // offline: the counter
        QVERIFY(f.session->notice().isEmpty());
        f.session->endSession();
        QCOMPARE(f.appointment->state(), AppointmentCheckInController::State::EnterCode);
        QVERIFY(f.appointment->message().isEmpty());
    }

    void notOfferedOnceAnApplicationHasBegun()
    {
        Fixture f;
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("zh_CN"));
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.session->chooseService(QStringLiteral("social-security-card"));
        QCOMPARE(f.session->screen(), Screen::Guide);
        f.session->startJourney(QStringLiteral("queue"));
        QCOMPARE(f.session->screen(), Screen::Guide);
        f.session->endSession();
        QTest::ignoreMessage(QtWarningMsg, "no journey progress at this kiosk");
        f.session->startJourney(QStringLiteral("progress"));
        QCOMPARE(f.session->screen(), Screen::Attract);
    }

    // A journey that takes the resident: a card on its screen identifies them (with the identify screen's
    // checks), the journey gets the identity, the screen stays the journey's; the session's end wipes both.
    void aCardOnTheJourneysScreenIdentifiesTheResident()
    {
        Fixture f;
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("en"));
        f.session->startJourney(QStringLiteral("resident"));
        QCOMPARE(f.session->screen(), Screen::Journey);
        QCOMPARE(f.resident.language, QStringLiteral("en"));
        QCOMPARE(f.resident.handedOver, 0);
        IdCardData lowerX = testCard();
        lowerX.idNumber = QStringLiteral("11010519491231002x"); // normalized before it is handed over
        f.reader.placeCard(lowerX);
        QTRY_COMPARE(f.resident.handedOver, 1);
        QCOMPARE(f.resident.resident.card.idNumber, QStringLiteral("11010519491231002X"));
        QCOMPARE(f.resident.resident.method, QStringLiteral("card"));
        QVERIFY(f.session->isIdentified());
        QCOMPARE(f.session->screen(), Screen::Journey);
        // Codes that are not identities are the journey's.
        f.scanner.scan(QStringLiteral("https://zwdt.sh.gov.cn/track?case=abc"));
        QTRY_COMPARE(f.resident.codes.size(), 1);
        f.session->endSession();
        QCOMPARE(ended.last().first().toString(), QStringLiteral("cancelled"));
        QVERIFY(!f.session->isIdentified());
        QVERIFY(f.resident.resident.card.idNumber.isEmpty());
        QVERIFY(f.resident.codes.isEmpty());
    }

    void aForgedCardIsRefusedOnTheJourneysScreenToo()
    {
        Fixture f;
        f.session->startJourney(QStringLiteral("resident"));
        IdCardData forged = testCard();
        forged.idNumber = QStringLiteral("310104194803010028"); // wrong check character
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("card rejected")));
        f.reader.placeCard(forged);
        QTRY_VERIFY(!f.session->notice().isEmpty());
        QCOMPARE(f.resident.handedOver, 0);
        QVERIFY(!f.session->isIdentified());
    }

    void aResidentIdentifiedBeforeIsHandedOverOnEnter()
    {
        Fixture f;
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("zh_CN"));
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.session->startJourney(QStringLiteral("resident")); // from the catalog
        QCOMPARE(f.session->screen(), Screen::Journey);
        QCOMPARE(f.resident.handedOver, 1);
        QCOMPARE(f.resident.resident.card.name, QStringLiteral("王秀英"));
        // A journey that does not take residents ignores a card on its screen.
        f.session->endSession();
        f.session->startJourney(QStringLiteral("queue"));
        f.reader.placeCard(testCard());
        QTest::qWait(100);
        QVERIFY(!f.session->isIdentified());
        QCOMPARE(f.session->screen(), Screen::Journey);
    }

    void aCatalogServiceAJourneyTakesStartsIt()
    {
        Fixture f;
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("zh_CN"));
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.session->chooseService(QStringLiteral("needs-camera"));
        QCOMPARE(f.session->screen(), Screen::Journey);
        QCOMPARE(f.session->journeyScreen(), f.resident.screenUrl());
        QCOMPARE(f.resident.service, QStringLiteral("needs-camera"));
        QCOMPARE(f.resident.handedOver, 1);
        f.session->endSession();
        QVERIFY(f.resident.service.isEmpty());
        // Other services keep the application's way.
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("zh_CN"));
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.session->chooseService(QStringLiteral("social-security-card"));
        QCOMPARE(f.session->screen(), Screen::Guide);
    }
};

QTEST_MAIN(TestSessionJourneys)
#include "tst_session_journeys.moc"
