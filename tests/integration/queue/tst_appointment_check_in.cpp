// The appointment check-in journey's controller against a real platform-sim: a booking checked in gets its
// ticket printed (decoded from the simulated printer), and each refusal (early, late, another center,
// already used, unknown code, not a code) has its own state and message; offline it sends the resident to
// the counter; the session's end forgets everything.
#include "AppointmentCheckInController.h"
#include "PlatformSimProcess.h"
#include "QueueClient.h"
#include "RawHttpClient.h"
#include "SimulatedReceiptPrinter.h"
#include "StrictWarnings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using State = AppointmentCheckInController::State;
using Refusal = AppointmentCheckInController::Refusal;

class TestAppointmentCheckIn : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QueueClient> m_client;
    SimulatedReceiptPrinter m_printer{QStringLiteral("sim"), 80};
    std::unique_ptr<AppointmentCheckInController> m_checkIn;

    bool book(const QString &code, int start, int end, const QString &center = QStringLiteral("SH-XH-TLQ"))
    {
        const QJsonObject body{{QStringLiteral("center_id"), center},
                               {QStringLiteral("service_id"), QStringLiteral("general")},
                               {QStringLiteral("code"), code},
                               {QStringLiteral("start_offset_minutes"), start},
                               {QStringLiteral("end_offset_minutes"), end}};
        const auto r = rawExchange(
            m_sim->port(),
            RawHttpClient::request("POST", "/test/appointment", {{"Content-Type", "application/json"}},
                                   QJsonDocument(body).toJson(QJsonDocument::Compact)));
        return r && r->status == 200;
    }
    void submit(const QString &code)
    {
        m_checkIn->enter(QStringLiteral("en"));
        m_checkIn->submitCode(code);
        QTRY_VERIFY_WITH_TIMEOUT(m_checkIn->state() != State::Checking, 10000);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("p.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_nam.setProxy(QNetworkProxy::NoProxy);
        SyncSettings settings;
        settings.allowInsecureHttp = true;
        settings.requestTimeoutMs = 3000;
        m_client =
            std::make_unique<QueueClient>(m_nam, settings, m_sim->baseUrl(), QStringLiteral("SH-XH-TLQ"));
        m_printer.setPrintDurationMs(0);
        m_printer.start();
        m_checkIn = std::make_unique<AppointmentCheckInController>(
            AppointmentCheckInController::Settings{QStringLiteral("SH-XH-TLQ"), QStringLiteral("田林"),
                                                   QStringLiteral("Tianlin")},
            *m_client, m_printer);
        QVERIFY(book(QStringLiteral("A20261203-0815"), -10, 20));
        QVERIFY(book(QStringLiteral("A20261203-1500"), 120, 150));
        QVERIFY(book(QStringLiteral("A20261203-0700"), -120, -90));
        QVERIFY(book(QStringLiteral("B20261203-0815"), -10, 20, QStringLiteral("SH-XH-LHJD")));
    }

    void aBookingFromItsQrIsCheckedInAndItsTicketPrinted()
    {
        submit(QStringLiteral("https://zwdt.sh.gov.cn/appointment?code=A20261203-0815"));
        QCOMPARE(m_checkIn->state(), State::CheckedIn);
        QVERIFY2(m_checkIn->ticketNumber().startsWith(QLatin1Char('A')),
                 qPrintable(m_checkIn->ticketNumber()));
        QCOMPARE(m_checkIn->serviceName(), QStringLiteral("General affairs"));
        QCOMPARE(m_checkIn->waiting(), 0);
        QVERIFY(!m_checkIn->slotText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_checkIn->printed(), 5000);
        bool big = false;
        for (const EscPosElement &e : m_printer.lastJobElements())
            big = big || (e.kind == EscPosElement::Kind::TextLine && e.text == m_checkIn->ticketNumber() &&
                          e.style.width == 3);
        QVERIFY(big);
        m_checkIn->reset();
        QCOMPARE(m_checkIn->state(), State::EnterCode);
        QVERIFY(m_checkIn->ticketNumber().isEmpty());
    }

    void eachRefusalHasItsOwnMessage_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<Refusal>("refusal");
        QTest::addColumn<QString>("words");
        QTest::newRow("already used")
            << "A20261203-0815" << Refusal::AlreadyUsed << "already been checked in, with number A";
        QTest::newRow("early") << "A20261203-1500" << Refusal::TooEarly << "You are early";
        QTest::newRow("late") << "A20261203-0700" << Refusal::TooLate << "has passed";
        QTest::newRow("wrong center") << "B20261203-0815" << Refusal::WrongCenter << "another service center";
        QTest::newRow("unknown") << "A20261203-9999" << Refusal::NotFound << "No appointment was found";
        QTest::newRow("not a code") << "hello world" << Refusal::InvalidCode << "not an appointment code";
    }
    void eachRefusalHasItsOwnMessage()
    {
        QFETCH(QString, code);
        QFETCH(Refusal, refusal);
        QFETCH(QString, words);
        const int jobs = m_printer.jobCount();
        submit(code);
        QCOMPARE(m_checkIn->state(), State::Refused);
        QCOMPARE(m_checkIn->refusal(), refusal);
        QVERIFY2(m_checkIn->message().contains(words), qPrintable(m_checkIn->message()));
        QVERIFY(m_checkIn->ticketNumber().isEmpty());
        QCOMPARE(m_printer.jobCount(), jobs);
        m_checkIn->tryAgain();
        QCOMPARE(m_checkIn->state(), State::EnterCode);
    }

    void offlineSendsTheResidentToTheCounter()
    {
        m_checkIn->setNetworkAvailable(false);
        submit(QStringLiteral("A20261203-1500"));
        QCOMPARE(m_checkIn->state(), State::Failed);
        QVERIFY(m_checkIn->message().contains(QStringLiteral("go to the counter")));
        m_checkIn->setNetworkAvailable(true);
        // The platform gone: the same.
        QCOMPARE(m_sim->terminate(), 0);
        QTest::ignoreMessage(QtWarningMsg, "check-in failed: platform not reached");
        submit(QStringLiteral("A20261203-1500"));
        QCOMPARE(m_checkIn->state(), State::Failed);
    }
};

QTEST_MAIN(TestAppointmentCheckIn)
#include "tst_appointment_check_in.moc"
