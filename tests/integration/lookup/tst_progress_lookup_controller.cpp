// The progress lookup journey's controller against a real platform-sim and a real case store (through the
// StoreExecutor): the receipt's QR code and the typed case number show the public progress (no personal
// data, whoever owns the case); a card shows the resident's own cases only, with the applicant masked; a
// forged QR code, an unknown case and a malformed number each have their own answer; garbage and 500s from
// the platform, and the platform gone, give the kiosk's own last known status, saying so and since when; a
// case not yet sent shows as waiting at this kiosk; reset() forgets everything.
#include "CaseStore.h"
#include "PlatformSimProcess.h"
#include "ProgressClient.h"
#include "ProgressLookupController.h"
#include "RawHttpClient.h"
#include "StoreExecutor.h"
#include "StrictWarnings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaProperty>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using State = ProgressLookupController::State;
using Source = ProgressLookupController::Source;

namespace {

const QString kTemplate = QStringLiteral("https://zwdt.sh.gov.cn/track?case={case_id}");
const QString kNumberX = QStringLiteral("310104194803120025");
const QString kNameX = QStringLiteral("王秀英");
const QString kNumberY = QStringLiteral("310110197604203013");
const QString kNameY = QStringLiteral("李建国");

QString trackingUrl(const QString &caseId)
{
    return QString(kTemplate).replace(QStringLiteral("{case_id}"), caseId);
}

JourneyResident resident(const QString &name, const QString &number)
{
    JourneyResident r;
    r.card.name = name;
    r.card.idNumber = number;
    r.method = QStringLiteral("card");
    return r;
}

} // namespace

class TestProgressLookupController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;
    std::unique_ptr<CaseStore> m_store;
    std::unique_ptr<StoreExecutor> m_executor;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ProgressClient> m_client;
    std::unique_ptr<ProgressLookupController> m_lookup;
    CaseSubmission m_x1, m_x2, m_x3, m_y1;

    // A case as the kiosk stores it; `send`: PUT to the platform as the sync would, and the answer recorded.
    CaseSubmission makeCase(const QString &number, const QString &idNumber, const QString &name, int day,
                            bool send)
    {
        CaseSubmission c;
        c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.caseNumber = number;
        c.serviceId = QStringLiteral("residence-permit");
        c.centerId = QStringLiteral("SH-XH-TLQ");
        c.submittedAt = QDateTime(QDate(2026, 12, day), QTime(9, 0), Qt::UTC);
        c.language = QStringLiteral("zh_CN");
        c.form =
            QJsonObject{{QStringLiteral("applicant_name"), name}, {QStringLiteral("id_number"), idNumber}};
        QString error;
        if (!m_store->submitCase(c, {}, &error))
            qFatal("%s", qPrintable(error));
        if (send) {
            const std::optional<OutboxItem> item = m_store->nextOutboxItem();
            const auto r =
                rawExchange(m_sim->port(), RawHttpClient::request("PUT", "/api/v1/cases/" + c.id.toLatin1(),
                                                                  {{"Content-Type", "application/json"},
                                                                   {"Idempotency-Key", c.id.toLatin1()}},
                                                                  item->body));
            if (!r || r->status != 201 || !m_store->markSynced(item->seq, r->body, &error))
                qFatal("the case was not sent: %d %s", r ? r->status : 0, qPrintable(error));
        }
        return c;
    }
    int hook(const QByteArray &name, const QJsonObject &body)
    {
        const auto r = rawExchange(
            m_sim->port(),
            RawHttpClient::request("POST", "/test/" + name, {{"Content-Type", "application/json"}},
                                   QJsonDocument(body).toJson(QJsonDocument::Compact)));
        return r ? r->status : 0;
    }
    void waitForAnswer() { QTRY_VERIFY_WITH_TIMEOUT(m_lookup->state() != State::Searching, 15000); }
    // Every property of the controller, as text: what the screen could show.
    QString everythingShown() const
    {
        QString all;
        const QMetaObject *meta = m_lookup->metaObject();
        for (int i = meta->propertyOffset(); i < meta->propertyCount(); ++i)
            all += QString::fromUtf8(
                QJsonDocument::fromVariant(QVariantMap{{QString::fromLatin1(meta->property(i).name()),
                                                        meta->property(i).read(m_lookup.get())}})
                    .toJson(QJsonDocument::Compact));
        return all;
    }
    void expectPlatformProblemWarning()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^progress lookup: platform")));
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("p.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_store = CaseStore::open(m_dir.filePath(QStringLiteral("kiosk")), &error);
        QVERIFY2(m_store, qPrintable(error));
        m_executor = StoreExecutor::onThisThread(*m_store);
        m_nam.setProxy(QNetworkProxy::NoProxy);
        SyncSettings settings;
        settings.allowInsecureHttp = true;
        settings.requestTimeoutMs = 3000;
        settings.requestDeadlineMs = 5000;
        m_client = std::make_unique<ProgressClient>(m_nam, settings, m_sim->baseUrl());
        ProgressLookupController::Settings s;
        s.trackingUrlTemplate = kTemplate;
        s.serviceName = [](const QString &id, const QString &language) {
            if (id != QLatin1String("residence-permit"))
                return QString();
            return language.startsWith(QLatin1String("zh")) ? QStringLiteral("居住证办理")
                                                            : QStringLiteral("Residence permit");
        };
        m_lookup = std::make_unique<ProgressLookupController>(s, *m_client, *m_executor);
        m_x1 = makeCase(QStringLiteral("SH-XH-TLQ-K01-20261201-7Q3F-0001"), kNumberX, kNameX, 1, true);
        m_x2 = makeCase(QStringLiteral("SH-XH-TLQ-K01-20261202-7Q3F-0001"), kNumberX, kNameX, 2, true);
        m_y1 = makeCase(QStringLiteral("SH-XH-TLQ-K01-20261202-7Q3F-0002"), kNumberY, kNameY, 2, true);
        m_x3 = makeCase(QStringLiteral("SH-XH-TLQ-K01-20261203-7Q3F-0001"), kNumberX, kNameX, 3, false);
    }

    void init() { m_lookup->enter(QStringLiteral("en")); }

    void theReceiptsQrCodeShowsTheProgressWithItsHistory()
    {
        QCOMPARE(hook("case-status", {{QStringLiteral("case_id"), m_x1.id},
                                      {QStringLiteral("status"), QStringLiteral("accepted")}}),
                 200);
        QCOMPARE(hook("case-status",
                      {{QStringLiteral("case_id"), m_x1.id},
                       {QStringLiteral("status"), QStringLiteral("in_review")},
                       {QStringLiteral("note"), QStringLiteral("Documents with the housing office")}}),
                 200);
        QVERIFY(m_lookup->handleCode(trackingUrl(m_x1.id)));
        QCOMPARE(m_lookup->state(), State::Searching);
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::Result);
        QCOMPARE(m_lookup->source(), Source::Platform);
        QCOMPARE(m_lookup->caseNumber(), m_x1.caseNumber);
        QCOMPARE(m_lookup->serviceName(), QStringLiteral("Residence permit"));
        QCOMPARE(m_lookup->statusCode(), QStringLiteral("in_review"));
        QCOMPARE(m_lookup->statusText(), QStringLiteral("Under review"));
        QVERIFY(!m_lookup->waitingToBeSent());
        const QVariantList history = m_lookup->history();
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(0).toMap().value(QStringLiteral("statusText")).toString(),
                 QStringLiteral("Received"));
        QCOMPARE(history.at(2).toMap().value(QStringLiteral("note")).toString(),
                 QStringLiteral("Documents with the housing office"));
        QVERIFY(!history.at(2).toMap().value(QStringLiteral("atText")).toString().isEmpty());
        const QString shown = everythingShown();
        QVERIFY(!shown.contains(kNameX) && !shown.contains(kNumberX));
        QVERIFY(m_lookup->applicantMasked().isEmpty());
        // The status is remembered for offline lookups.
        QTRY_COMPARE_WITH_TIMEOUT(m_store->caseProgress(m_x1.id, nullptr)->platformStatus,
                                  QStringLiteral("in_review"), 5000);
    }

    void aTypedCaseNumberShowsTheSame()
    {
        m_lookup->enterNumber();
        QCOMPARE(m_lookup->state(), State::EnterNumber);
        m_lookup->submitNumber(QStringLiteral(" sh-xh-tlq-k01-20261202-7q3f-0001 "));
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::Result);
        QCOMPARE(m_lookup->caseNumber(), m_x2.caseNumber);
        QCOMPARE(m_lookup->statusText(), QStringLiteral("Received"));
        QCOMPARE(m_lookup->source(), Source::Platform);
    }

    void aCardListsTheResidentsOwnCasesOnly()
    {
        m_lookup->residentIdentified(resident(kNameX, kNumberX));
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::CaseList);
        QCOMPARE(m_lookup->source(), Source::Platform);
        QStringList numbers;
        for (const QVariant &c : m_lookup->cases())
            numbers << c.toMap().value(QStringLiteral("caseNumber")).toString();
        QCOMPARE(numbers,
                 (QStringList{m_x2.caseNumber, m_x1.caseNumber})); // the platform's: sent ones, newest first
        QVERIFY(!numbers.contains(m_y1.caseNumber));
        QCOMPARE(m_lookup->applicantMasked(), QStringLiteral("王**  310104********0025"));
        const QString shown = everythingShown();
        QVERIFY(!shown.contains(kNumberX));
        QVERIFY(!shown.contains(kNameX));
        QVERIFY(!shown.contains(kNameY) && !shown.contains(kNumberY));

        // One of them opens, and back returns to the list.
        m_lookup->openCase(m_x1.id);
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::Result);
        QCOMPARE(m_lookup->caseNumber(), m_x1.caseNumber);
        QVERIFY(m_lookup->applicantMasked().isEmpty());
        m_lookup->back();
        QCOMPARE(m_lookup->state(), State::CaseList);
        // Another resident's case id is not opened from the list.
        m_lookup->openCase(m_y1.id);
        QCOMPARE(m_lookup->state(), State::CaseList);
    }

    void anotherResidentsNumberShowsTheStatusOnly()
    {
        m_lookup->residentIdentified(resident(kNameX, kNumberX));
        waitForAnswer();
        m_lookup->back();
        m_lookup->enterNumber();
        m_lookup->submitNumber(m_y1.caseNumber);
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::Result);
        QCOMPARE(m_lookup->caseNumber(), m_y1.caseNumber);
        QCOMPARE(m_lookup->statusText(), QStringLiteral("Received"));
        QVERIFY(m_lookup->applicantMasked().isEmpty());
        const QString shown = everythingShown();
        QVERIFY(!shown.contains(kNameY));
        QVERIFY(!shown.contains(kNumberY));
        QVERIFY(!shown.contains(QStringLiteral("李")));
    }

    void forgedQrCodesAreRefusedWithTheirOwnMessage_data()
    {
        QTest::addColumn<QString>("code");
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QTest::newRow("another host")
            << QStringLiteral("https://zwdt.sh.gov.cn.example.com/track?case=") + id;
        QTest::newRow("another path") << QStringLiteral("https://zwdt.sh.gov.cn/pay?case=") + id;
        QTest::newRow("extra junk") << trackingUrl(id) + QStringLiteral("&next=https://evil.example");
        QTest::newRow("not a uuid") << trackingUrl(QStringLiteral("1' OR '1'='1"));
        QTest::newRow("http") << QStringLiteral("http://zwdt.sh.gov.cn/track?case=") + id;
    }
    void forgedQrCodesAreRefusedWithTheirOwnMessage()
    {
        QFETCH(QString, code);
        QVERIFY(m_lookup->handleCode(code));
        QCOMPARE(m_lookup->state(), State::Refused);
        QVERIFY(m_lookup->message().contains(QStringLiteral("not a receipt")));
        QVERIFY(m_lookup->caseNumber().isEmpty());
    }

    void otherCodesAreNotTheLookups()
    {
        QVERIFY(!m_lookup->handleCode(QStringLiteral("OSK1.abc.def")));
        QVERIFY(!m_lookup->handleCode(QStringLiteral("A20261203-0815")));
        QCOMPARE(m_lookup->state(), State::Choose);
    }

    void anUnknownCaseIsNotFound()
    {
        QVERIFY(m_lookup->handleCode(trackingUrl(QUuid::createUuid().toString(QUuid::WithoutBraces))));
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::NotFound);
        QVERIFY(m_lookup->message().contains(QStringLiteral("No case was found")));
        m_lookup->back();
        m_lookup->enterNumber();
        m_lookup->submitNumber(QStringLiteral("SH-XH-TLQ-K09-20261201-AAAA-0001"));
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::NotFound);
    }

    void aMalformedNumberIsRefusedWithoutAsking()
    {
        m_lookup->enterNumber();
        m_lookup->submitNumber(QStringLiteral("12345"));
        QCOMPARE(m_lookup->state(), State::Refused);
        QVERIFY(m_lookup->message().contains(QStringLiteral("not a case number")));
        m_lookup->back();
        m_lookup->enterNumber();
        m_lookup->submitNumber(QStringLiteral("SH-XH/../../etc"));
        QCOMPARE(m_lookup->state(), State::Refused);
    }

    void aCaseNotYetSentIsWaitingAtThisKiosk()
    {
        QVERIFY(m_lookup->handleCode(trackingUrl(m_x3.id)));
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::Result);
        QCOMPARE(m_lookup->source(), Source::LocalCache);
        QVERIFY(m_lookup->waitingToBeSent());
        QCOMPARE(m_lookup->caseNumber(), m_x3.caseNumber);
        QCOMPARE(m_lookup->statusText(), QStringLiteral("Saved at this kiosk, waiting to be sent"));
    }

    void garbageAndServerErrorsGiveTheLastKnownStatus_data()
    {
        QTest::addColumn<QString>("chaos");
        QTest::newRow("garbage") << QStringLiteral("seed=3,garbage=1");
        QTest::newRow("500") << QStringLiteral("seed=3,500=1");
        QTest::newRow("oversize") << QStringLiteral("seed=3,oversize=1");
    }
    void garbageAndServerErrorsGiveTheLastKnownStatus()
    {
        QFETCH(QString, chaos);
        QCOMPARE(hook("chaos", {{QStringLiteral("spec"), chaos}}), 200);
        expectPlatformProblemWarning();
        QVERIFY(m_lookup->handleCode(trackingUrl(m_x1.id)));
        waitForAnswer();
        QCOMPARE(hook("chaos", {{QStringLiteral("spec"), QStringLiteral("off")}}), 200);
        QCOMPARE(m_lookup->state(), State::Result);
        QCOMPARE(m_lookup->source(), Source::LocalCache);
        QCOMPARE(m_lookup->statusCode(), QStringLiteral("in_review")); // remembered from the online lookup
        QVERIFY(!m_lookup->knownAtText().isEmpty());
        QVERIFY(m_lookup->message().contains(QStringLiteral("cannot be reached")));
        QVERIFY(m_lookup->message().contains(m_lookup->knownAtText()));
    }

    void withTheNetworkDownTheCardListComesFromTheStore()
    {
        m_lookup->setNetworkAvailable(false);
        m_lookup->residentIdentified(resident(kNameX, kNumberX));
        waitForAnswer();
        m_lookup->setNetworkAvailable(true);
        QCOMPARE(m_lookup->state(), State::CaseList);
        QCOMPARE(m_lookup->source(), Source::LocalCache);
        const QVariantList cases = m_lookup->cases();
        QCOMPARE(cases.size(), 3); // with the one not yet sent, never Y's
        QCOMPARE(cases.at(0).toMap().value(QStringLiteral("caseNumber")).toString(), m_x3.caseNumber);
        QVERIFY(cases.at(0).toMap().value(QStringLiteral("waitingToBeSent")).toBool());
        QCOMPARE(cases.at(2).toMap().value(QStringLiteral("statusText")).toString(),
                 QStringLiteral("Under review"));
        QVERIFY(!cases.at(2).toMap().value(QStringLiteral("knownAtText")).toString().isEmpty());
        QVERIFY(!everythingShown().contains(m_y1.caseNumber));
        QVERIFY(m_lookup->message().contains(QStringLiteral("cannot be reached")));
    }

    void resetForgetsEverything()
    {
        m_lookup->residentIdentified(resident(kNameX, kNumberX));
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::CaseList);
        QVERIFY(m_lookup->residentKnown());
        m_lookup->reset();
        QCOMPARE(m_lookup->state(), State::Choose);
        QCOMPARE(m_lookup->source(), Source::Platform);
        QVERIFY(!m_lookup->residentKnown());
        QVERIFY(m_lookup->cases().isEmpty());
        QVERIFY(m_lookup->history().isEmpty());
        QVERIFY(m_lookup->message().isEmpty());
        QVERIFY(m_lookup->caseNumber().isEmpty());
        QVERIFY(m_lookup->statusText().isEmpty());
        QVERIFY(m_lookup->knownAtText().isEmpty());
        const QString shown = everythingShown();
        QVERIFY(!shown.contains(QStringLiteral("王")));
        QVERIFY(!shown.contains(QStringLiteral("0025")));
        QVERIFY(!shown.contains(m_x1.caseNumber));

        // An answer still on its way when the session ends is dropped.
        QVERIFY(m_lookup->handleCode(trackingUrl(m_x1.id)));
        m_lookup->reset();
        QTest::qWait(300);
        QCOMPARE(m_lookup->state(), State::Choose);
        QVERIFY(m_lookup->caseNumber().isEmpty());
    }

    // Last: the platform goes away.
    void withThePlatformGoneTheAnswerComesFromTheStore()
    {
        m_sim->kill();
        expectPlatformProblemWarning();
        QVERIFY(m_lookup->handleCode(trackingUrl(m_x2.id)));
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::Result);
        QCOMPARE(m_lookup->source(), Source::LocalCache);
        QCOMPARE(m_lookup->statusText(), QStringLiteral("Received"));
        QVERIFY(!m_lookup->knownAtText().isEmpty());
        m_lookup->back();
        expectPlatformProblemWarning();
        QVERIFY(m_lookup->handleCode(trackingUrl(QUuid::createUuid().toString(QUuid::WithoutBraces))));
        waitForAnswer();
        QCOMPARE(m_lookup->state(), State::Failed);
        QVERIFY(m_lookup->message().contains(QStringLiteral("not known at this kiosk")));
    }
};

QTEST_GUILESS_MAIN(TestProgressLookupController)
#include "tst_progress_lookup_controller.moc"
