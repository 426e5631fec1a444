// The certificate journey's controller against a real platform-sim (its resident records seeded by the test
// hook) and the simulated A4 printer: a certificate issued, laid out with the platform's values and printed
// (the page's text read back with pdftotext, its QR decoded with ZXing and found genuine by the platform);
// the same purpose asked again gets the same certificate; a printer that is stopped, absent or fails sends
// the resident to the counter with the certificate number; each refusal (no record, not eligible, offline,
// platform out of reach, garbage answer) has its own state and message; reset() forgets everything and
// cancels a job not yet on paper.
#include "CatalogLoader.h"
#include "CertificateClient.h"
#include "CertificateController.h"
#include "CertificateFixtures.h"
#include "PdfTools.h"
#include "PlatformSimProcess.h"
#include "SimulatedDocumentPrinter.h"
#include "StrictWarnings.h"

#include <QJsonDocument>
#include <QMetaProperty>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using State = CertificateController::State;
using Refusal = CertificateController::Refusal;
using namespace CertificateFixtures;

namespace {
const QString kResidence = QStringLiteral("residence-certificate-print");
const QString kHousehold = QStringLiteral("household-registration-proof-print");

// A server that answers every request with `answer` (a whole HTTP response): garbage from "the platform".
class GarbageServer : public QTcpServer
{
public:
    QByteArray answer;
    GarbageServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    if (s->readAll().contains("\r\n\r\n")) {
                        s->write(answer);
                        s->disconnectFromHost();
                    }
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};
} // namespace

class TestCertificateController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;
    QNetworkAccessManager m_nam;
    SyncSettings m_sync;
    Catalog m_catalog;
    std::unique_ptr<CertificateClient> m_client;
    SimulatedDocumentPrinter m_printer{QStringLiteral("A4")};

    CertificateController::Settings settings() const
    {
        return {QStringLiteral("徐汇区行政服务中心"), QStringLiteral("Xuhui Administrative Service Center"),
                sourcePath(QStringLiteral("kiosk-config/documents"))};
    }
    std::unique_ptr<CertificateController> controller(CertificateClient &client, DocumentPrinter *printer)
    {
        return std::make_unique<CertificateController>(settings(), m_catalog, client, printer);
    }
    // The session's order: the catalog choice, enter(), the identity handed over.
    static void start(CertificateController &c, const QString &service, const QString &language,
                      const JourneyResident &who)
    {
        QVERIFY(c.takesService(service));
        c.enter(language);
        QCOMPARE(c.state(), State::NeedIdentity);
        c.residentIdentified(who);
        QCOMPARE(c.state(), State::ChoosePurpose);
    }
    static void issue(CertificateController &c, const QString &purpose)
    {
        c.choosePurpose(purpose);
        QTRY_VERIFY_WITH_TIMEOUT(c.state() != State::Issuing, 15000);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("p.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QVERIFY2(seedResidents(m_sim->port(), &error), qPrintable(error));
        m_nam.setProxy(QNetworkProxy::NoProxy);
        m_sync.allowInsecureHttp = true;
        m_sync.requestTimeoutMs = 3000;
        m_client = std::make_unique<CertificateClient>(m_nam, m_sync, m_sim->baseUrl());
        const auto catalog = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(catalog.ok(), qPrintable(catalog.errorText()));
        m_catalog = catalog.value();
        m_printer.start();
    }

    void onlyCertificateServicesAreTaken()
    {
        auto c = controller(*m_client, &m_printer);
        QVERIFY(c->acceptsResident());
        QVERIFY(c->takesService(kResidence));
        QVERIFY(c->takesService(kHousehold));
        QVERIFY(!c->takesService(QStringLiteral("household-registration-certificate"))); // a form
        QVERIFY(!c->takesService(QStringLiteral("no-such-service")));
    }

    void residenceCertificatePrintedInChinese()
    {
        auto c = controller(*m_client, &m_printer);
        start(*c, kResidence, QStringLiteral("zh_CN"), resident(kEligibleId, kEligibleName));
        QCOMPARE(c->serviceName(), QStringLiteral("居住证明（自助打印）"));
        QCOMPARE(c->purposes().size(), 4);
        QCOMPARE(c->purposes().first().toMap().value(QStringLiteral("name")).toString(), QStringLiteral("就业"));
        // The screen shows the identity masked.
        QCOMPARE(c->maskedIdNumber(), QStringLiteral("310104********0025"));
        QCOMPARE(c->maskedName(), QStringLiteral("王**"));
        const QByteArray before = m_printer.lastDocument();
        issue(*c, QStringLiteral("employment"));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Printed, 10000);
        QVERIFY2(c->certificateNumber().startsWith(QStringLiteral("JZ-")), qPrintable(c->certificateNumber()));
        QVERIFY(!c->validUntil().isEmpty());
        QVERIFY(c->message().contains(QStringLiteral("A4")));

        // The paper: the template filled with the platform's values (the resident's official document carries
        // the full ID number), the certificate number, the purpose, the verification code.
        const QByteArray pdf = m_printer.lastDocument();
        QVERIFY(pdf != before && pdf.startsWith("%PDF-"));
        QCOMPARE(m_printer.lastJobName().contains(kEligibleId), false);
        QString error;
        const QString text = PdfTools::text(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &expected :
             {QStringLiteral("居住证明"), kEligibleName, kEligibleId, kEligibleAddress, QStringLiteral("2008年5月20日"),
              QStringLiteral("本证明用于就业"), c->certificateNumber(), QStringLiteral("徐汇区行政服务中心"),
              QStringLiteral("扫码核验证明真伪")})
            QVERIFY2(text.contains(PdfTools::compact(expected)), qPrintable(expected + QStringLiteral(" in ") + text));

        // The QR on the page is the platform's, and the platform says it is genuine.
        const QImage page = firstPage(pdf, &error);
        QVERIFY2(!page.isNull(), qPrintable(error));
        const QStringList codes = qrTexts(page);
        QCOMPARE(codes.size(), 1);
        QVERIFY2(codes.first().startsWith(QStringLiteral("https://verify.onestop.example/certificates/")),
                 qPrintable(codes.first()));
        const QString code = codes.first().section(QLatin1Char('/'), -1);
        QVERIFY(text.contains(code));
        int status = 0;
        const QJsonObject verified = verify(m_sim->port(), code, &status);
        QCOMPARE(status, 200);
        QCOMPARE(verified.value(QStringLiteral("genuine")).toBool(), true);
        QCOMPARE(verified.value(QStringLiteral("certificate_number")).toString(), c->certificateNumber());
        QVERIFY(!verified.contains(QStringLiteral("values"))); // nothing personal to whoever scans it
        // A forged code is not.
        verify(m_sim->port(), QStringLiteral("AAAABBBBCCCCDDDD"), &status);
        QCOMPARE(status, 404);

        QSignalSpy finished(c.get(), &Journey::finished);
        c->finish();
        QCOMPARE(finished.size(), 1);
    }

    void householdProofPrintedInEnglish()
    {
        auto c = controller(*m_client, &m_printer);
        start(*c, kHousehold, QStringLiteral("en"), resident(kEligibleId, kEligibleName));
        QCOMPARE(c->serviceName(), QStringLiteral("Proof of household registration (print at the kiosk)"));
        issue(*c, QStringLiteral("school-enrolment"));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Printed, 10000);
        QVERIFY2(c->certificateNumber().startsWith(QStringLiteral("HJ-")), qPrintable(c->certificateNumber()));
        QString error;
        const QString text = PdfTools::text(m_printer.lastDocument(), &error);
        for (const QString &expected :
             {QStringLiteral("Proof of Household Registration"), kEligibleId, kEligibleAddress,
              QStringLiteral("issued for school enrolment of a child"), c->certificateNumber(),
              QStringLiteral("Scan to verify this certificate"), QStringLiteral("Xuhui Administrative Service Center")})
            QVERIFY2(text.contains(PdfTools::compact(expected)), qPrintable(expected + QStringLiteral(" in ") + text));
    }

    void theSamePurposeAgainIsTheSameCertificate()
    {
        // The answer is lost (the platform went away after issuing): asking again in the visit reuses the key.
        auto c = controller(*m_client, &m_printer);
        start(*c, kResidence, QStringLiteral("zh_CN"), resident(kEligibleId, kEligibleName));
        issue(*c, QStringLiteral("other"));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Printed, 10000);
        const QString first = c->certificateNumber();
        // Another visit: another key, another certificate.
        c->reset();
        start(*c, kResidence, QStringLiteral("zh_CN"), resident(kEligibleId, kEligibleName));
        issue(*c, QStringLiteral("other"));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Printed, 10000);
        QVERIFY(c->certificateNumber() != first);
    }

    void printerProblemsSendToTheCounter_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("logged"); // why, in the log (the number, never the resident)
        QTest::newRow("paper out (queue stopped)") << "paper" << "the A4 printer is not ready: media-empty: paper out";
        QTest::newRow("no A4 printer") << "none" << "no A4 printer in this hall";
        QTest::newRow("printer stopped") << "stopped" << "the A4 printer is not ready: stopped";
    }
    void printerProblemsSendToTheCounter()
    {
        QFETCH(QString, problem);
        QFETCH(QString, logged);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^certificate JZ-\\d{8}-\\d{6} not printed, resident sent "
                                                               "to the counter: ") +
                                                QRegularExpression::escape(logged) + QLatin1Char('$')));
        SimulatedDocumentPrinter printer(QStringLiteral("A4"));
        printer.start();
        if (problem == QLatin1String("paper"))
            printer.setQueueStopped(QStringLiteral("media-empty: paper out"));
        if (problem == QLatin1String("stopped"))
            printer.stop();
        auto c = controller(*m_client, problem == QLatin1String("none") ? nullptr : &printer);
        start(*c, kResidence, QStringLiteral("zh_CN"), resident(kEligibleId, kEligibleName));
        issue(*c, QStringLiteral("employment"));
        QCOMPARE(c->state(), State::AtCounter);
        QVERIFY(!c->certificateNumber().isEmpty());
        QVERIFY2(c->message().contains(c->certificateNumber()), qPrintable(c->message()));
        QVERIFY(printer.lastDocument().isEmpty());
    }

    void aJobThatFailsSendsToTheCounter()
    {
        // The printer is ready when asked; the job itself fails (e.g. paper out at the printer mid-job).
        SimulatedDocumentPrinter printer(QStringLiteral("A4"));
        printer.start();
        printer.failNextJob(QStringLiteral("job aborted: media-empty"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "^certificate JZ-\\S+ not printed, resident sent to the counter: the A4 "
                                               "job ended aborted: job aborted: media-empty$")));
        auto c = controller(*m_client, &printer);
        start(*c, kResidence, QStringLiteral("en"), resident(kEligibleId, kEligibleName));
        issue(*c, QStringLiteral("employment"));
        QTRY_VERIFY_WITH_TIMEOUT(c->state() != State::Printing, 10000);
        QCOMPARE(c->state(), State::AtCounter);
        QVERIFY2(c->message().contains(c->certificateNumber()), qPrintable(c->message()));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("idNumber");
        QTest::addColumn<QString>("service");
        QTest::addColumn<Refusal>("refusal");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no record") << kUnknownId << kResidence << Refusal::NoRecord << "";
        QTest::newRow("not six months") << kNewcomerId << kResidence << Refusal::NotEligible << "less than six months";
        QTest::newRow("household elsewhere") << kNewcomerId << kHousehold << Refusal::NotEligible
                                             << "not registered in this district";
    }
    void refusals()
    {
        QFETCH(QString, idNumber);
        QFETCH(QString, service);
        QFETCH(Refusal, refusal);
        QFETCH(QString, reason);
        const QByteArray before = m_printer.lastDocument();
        auto c = controller(*m_client, &m_printer);
        start(*c, service, QStringLiteral("en"), resident(idNumber, QStringLiteral("某某")));
        issue(*c, QStringLiteral("employment"));
        QCOMPARE(c->state(), State::Refused);
        QCOMPARE(c->refusal(), refusal);
        QVERIFY(!c->message().isEmpty());
        QVERIFY2(c->refusalReason().contains(reason), qPrintable(c->refusalReason()));
        QVERIFY(c->certificateNumber().isEmpty());
        QCOMPARE(m_printer.lastDocument(), before);
        c->tryAgain();
        QCOMPARE(c->state(), State::ChoosePurpose);
    }

    void offlineSaysIssuingNeedsThePlatform()
    {
        auto c = controller(*m_client, &m_printer);
        start(*c, kResidence, QStringLiteral("en"), resident(kEligibleId, kEligibleName));
        c->setNetworkAvailable(false);
        QTest::ignoreMessage(QtWarningMsg, "certificate not issued: offline");
        c->choosePurpose(QStringLiteral("employment"));
        QCOMPARE(c->state(), State::Failed);
        QVERIFY2(c->message().contains(QStringLiteral("needs the platform")), qPrintable(c->message()));

        // The platform out of reach (nothing listens on the port).
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        CertificateClient unreachable(m_nam, m_sync, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        auto d = controller(unreachable, &m_printer);
        start(*d, kResidence, QStringLiteral("en"), resident(kEligibleId, kEligibleName));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^certificate not issued: ")));
        issue(*d, QStringLiteral("employment"));
        QCOMPARE(d->state(), State::Failed);
        QVERIFY2(d->message().contains(QStringLiteral("needs the platform")), qPrintable(d->message()));
        d->tryAgain();
        QCOMPARE(d->state(), State::ChoosePurpose);
    }

    void garbageAnswersFail_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("logged"); // certificate not issued: <logged>
        QTest::newRow("html page") << QByteArray("<html><body>502 Bad Gateway</body></html>") << 502
                                   << "garbage: HTTP 502 without the platform's JSON";
        // A well-formed answer with one field changed (or removed: an undefined value).
        const auto answer = [](const QString &key, const QJsonValue &value) {
            QJsonObject o{{QStringLiteral("document_id"), QStringLiteral("d1")},
                          {QStringLiteral("certificate_type"), QStringLiteral("residence")},
                          {QStringLiteral("certificate_number"), QStringLiteral("JZ-1")},
                          {QStringLiteral("values"), QJsonObject()},
                          {QStringLiteral("issued_at"), QStringLiteral("2026-12-04T08:00:00.000Z")},
                          {QStringLiteral("valid_until"), QStringLiteral("2027-01-03")},
                          {QStringLiteral("verification_code"), QStringLiteral("ABCDEFGH")},
                          {QStringLiteral("verification_url"), QStringLiteral("https://v.example/ABCDEFGH")}};
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        };
        QTest::newRow("201 without a number") << answer(QStringLiteral("certificate_number"), QJsonValue(QJsonValue::Undefined)) << 201
                                               << "garbage: no certificate_number";
        QTest::newRow("201 of another type") << answer(QStringLiteral("certificate_type"), QStringLiteral("household"))
                                             << 201 << "garbage: certificate_type \"household\", asked for \"residence\"";
        QTest::newRow("javascript QR") << answer(QStringLiteral("verification_url"), QStringLiteral("javascript:alert(1)"))
                                       << 201 << "garbage: verification_url is not an https address";
        QTest::newRow("values not an object") << answer(QStringLiteral("values"), QStringLiteral("x")) << 201
                                              << "garbage: no values";
        QTest::newRow("not json") << QByteArray("{\"document_id\":") << 201
                                  << "garbage: HTTP 201 without the platform's JSON";
        QTest::newRow("unknown type 404") << QByteArray("{\"error\":\"unknown_certificate_type\",\"detail\":\"x\"}") << 404
                                          << "HTTP 404 unknown_certificate_type";
        QTest::newRow("400") << QByteArray("{\"error\":\"invalid_request\",\"detail\":\"x\"}") << 400
                             << "HTTP 400 invalid_request";
    }
    void garbageAnswersFail()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, logged);
        QTest::ignoreMessage(QtWarningMsg, qPrintable(QStringLiteral("certificate not issued: ") + logged));
        GarbageServer server;
        server.answer = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n"
                        "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        CertificateClient client(m_nam, m_sync, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())));
        const QByteArray before = m_printer.lastDocument();
        auto c = controller(client, &m_printer);
        start(*c, kResidence, QStringLiteral("en"), resident(kEligibleId, kEligibleName));
        issue(*c, QStringLiteral("employment"));
        QCOMPARE(c->state(), State::Failed);
        QVERIFY(!c->message().isEmpty());
        QCOMPARE(c->refusal(), Refusal::None);
        QVERIFY(c->certificateNumber().isEmpty());
        QCOMPARE(m_printer.lastDocument(), before);
    }

    void anIdentityNotByCardOrCodeIsNotEnough()
    {
        auto c = controller(*m_client, &m_printer);
        QVERIFY(c->takesService(kResidence));
        c->enter(QStringLiteral("en"));
        c->residentIdentified(resident(kEligibleId, kEligibleName, QStringLiteral("staff_confirmed")));
        QCOMPARE(c->state(), State::NeedIdentity);
        QVERIFY(c->message().contains(QStringLiteral("ID card")));
        QVERIFY(c->maskedIdNumber().isEmpty());
        c->residentIdentified(resident(kEligibleId, kEligibleName, QStringLiteral("personal_code")));
        QCOMPARE(c->state(), State::ChoosePurpose);
    }

    void resetForgetsEverythingAndCancelsTheJob()
    {
        SimulatedDocumentPrinter printer(QStringLiteral("A4"));
        printer.start();
        printer.holdJobs(true); // the job stays in hand: not yet on paper when the session ends
        auto c = controller(*m_client, &printer);
        start(*c, kResidence, QStringLiteral("zh_CN"), resident(kEligibleId, kEligibleName));
        QSignalSpy jobs(&printer, &DocumentPrinter::jobFinished);
        c->choosePurpose(QStringLiteral("employment"));
        QTRY_VERIFY_WITH_TIMEOUT(c->state() != State::Issuing, 15000);
        QCOMPARE(c->state(), State::Printing); // handed to the printer, not yet on paper
        c->reset();
        QTRY_COMPARE_WITH_TIMEOUT(jobs.size(), 1, 5000);
        QCOMPARE(jobs.first().at(0).value<DocumentJobResult>().state, DocumentJobResult::State::Canceled);
        QVERIFY(printer.lastDocument().isEmpty());
        QCOMPARE(c->state(), State::NeedIdentity);
        QCOMPARE(c->refusal(), Refusal::None);
        for (const QString &value : {c->serviceId(), c->serviceName(), c->maskedName(), c->maskedIdNumber(),
                                     c->certificateNumber(), c->validUntil(), c->purposeName(), c->message(),
                                     c->refusalReason()})
            QVERIFY2(value.isEmpty(), qPrintable(value));
        QVERIFY(c->purposes().isEmpty());
        // Nothing of the visit in the controller's properties as QML sees them either.
        for (int i = c->metaObject()->propertyOffset(); i < c->metaObject()->propertyCount(); ++i) {
            const QString v = c->metaObject()->property(i).read(c.get()).toString();
            QVERIFY2(!v.contains(kEligibleId.left(6)) && !v.contains(kEligibleName.left(1)), qPrintable(v));
        }
        // A journey entered again without a service and identity does nothing.
        c->enter(QStringLiteral("zh_CN"));
        c->choosePurpose(QStringLiteral("employment"));
        QCOMPARE(c->state(), State::NeedIdentity);
    }
};

QTEST_MAIN(TestCertificateController)
#include "tst_certificate_controller.moc"
