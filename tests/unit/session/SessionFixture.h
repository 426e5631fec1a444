#pragma once

// A session's object graph for controller tests: a real case store in a temp dir, used through a
// StoreExecutor on the test's own thread (jobs run from the event loop, as they do on the kiosk's store
// thread: a commit is reported later, never within the call), simulated devices, a sync client whose network
// is down (nothing leaves the machine), and a manual clock. The test may read `store` directly between jobs.

#include "CaseStore.h"
#include "Catalog.h"
#include "Clock.h"
#include "DeviceHub.h"
#include "FormController.h"
#include "ServiceCatalogModel.h"
#include "SessionController.h"
#include "SimulatedCamera.h"
#include "SimulatedCodeScanner.h"
#include "SimulatedIdCardReader.h"
#include "SimulatedReceiptPrinter.h"
#include "SiteConfig.h"
#include "StoreExecutor.h"
#include "SubmissionController.h"
#include "SyncClient.h"
#include "SyncMonitor.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

inline LocalizedText text(const char *zh, const char *en)
{
    return LocalizedText{QString::fromUtf8(zh), QString::fromUtf8(en)};
}

inline SiteConfig testSite()
{
    SiteConfig site;
    site.centerId = QStringLiteral("SH-TEST");
    site.kioskId = QStringLiteral("K01");
    site.centerName = text("测试社区事务受理服务中心", "Test Community Affairs Center");
    site.platformUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    site.sync.allowInsecureHttp = true; // the tests talk plain HTTP to platform-sim
    site.trackingUrlTemplate = QStringLiteral("https://example.invalid/track?case={case_id}");
    site.languages = {QStringLiteral("zh_CN"), QStringLiteral("en")};
    site.timeouts.idleWarningSeconds = 60;
    site.timeouts.idleAnswerSeconds = 30;
    site.timeouts.receiptScreenSeconds = 20;
    site.timeouts.goodbyeSeconds = 5;
    site.timeouts.cardRemovedSeconds = 30;
    // platform-sim's test key sim-2026a (tests/platform-sim/IdentityTokenIssuer.h), valid through mid-2027.
    site.identityTokens.keys = {{QStringLiteral("sim-2026a"),
                                 QByteArray::fromBase64("XsGhAzVgWQ+uLORD9kWNyRmWVgTr/9ddbDjfHFqEQZs="),
                                 QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC),
                                 QDateTime(QDate(2027, 6, 30), QTime(23, 59, 59), Qt::UTC)}};
    return site;
}

inline Catalog testCatalog()
{
    FormFieldSpec name;
    name.id = QStringLiteral("name");
    name.label = text("姓名", "Name");
    name.type = QStringLiteral("text");
    name.required = true;
    name.prefill = QStringLiteral("card.name");
    name.personal = true;
    FormFieldSpec id;
    id.id = QStringLiteral("id_number");
    id.label = text("身份证号码", "ID number");
    id.type = QStringLiteral("id_number");
    id.required = true;
    id.prefill = QStringLiteral("card.id_number");
    id.personal = true;
    FormFieldSpec phone;
    phone.id = QStringLiteral("phone");
    phone.label = text("联系电话", "Phone");
    phone.type = QStringLiteral("phone");
    phone.required = true;
    phone.personal = true;
    FormFieldSpec reason;
    reason.id = QStringLiteral("reason");
    reason.label = text("补卡原因", "Reason");
    reason.type = QStringLiteral("choice");
    reason.required = true;
    reason.choices = {{QStringLiteral("lost"), text("遗失", "Lost")}, {QStringLiteral("damaged"), text("损坏", "Damaged")}};

    ServiceSpec card;
    card.id = QStringLiteral("social-security-card");
    card.code = QStringLiteral("TEST-0001");
    card.name = text("社会保障卡补换卡", "Social security card replacement");
    card.department = text("人社局", "Human Resources and Social Security");
    card.summary = text("补卡", "Replace a card");
    card.fields = {name, id, phone, reason};
    card.requiredDevices = {QStringLiteral("idcard"), QStringLiteral("receipt_printer")};

    ServiceSpec photo = card;
    photo.id = QStringLiteral("needs-camera");
    photo.name = text("需要拍照的事项", "Needs the camera");
    photo.requiredDevices = {QStringLiteral("camera")};

    Catalog catalog;
    catalog.version = QStringLiteral("test");
    catalog.services = {card, photo};
    return catalog;
}

inline IdCardData testCard()
{
    IdCardData card;
    card.name = QStringLiteral("王秀英");
    card.sex = IdCardData::Sex::Female;
    card.ethnicity = QStringLiteral("汉");
    card.birth = QDate(1948, 3, 1);
    card.address = QStringLiteral("上海市徐汇区田林路100弄1号");
    card.idNumber = QStringLiteral("310104194803010029"); // fictional, with a correct check character
    card.issuer = QStringLiteral("上海市公安局徐汇分局");
    card.validFrom = QDate(2015, 1, 1);
    card.longTerm = true;
    return card;
}

struct SessionFixture
{
    QTemporaryDir dir;
    SiteConfig site = testSite();
    Catalog catalog = testCatalog();
    std::unique_ptr<CaseStore> store;
    std::unique_ptr<StoreExecutor> executor;
    QNetworkAccessManager network;
    std::unique_ptr<SyncClient> sync;
    std::unique_ptr<SyncMonitor> syncMonitor;
    SimulatedIdCardReader reader{QStringLiteral("reader")};
    SimulatedCodeScanner scanner{QStringLiteral("scanner")};
    SimulatedReceiptPrinter printer{QStringLiteral("printer"), 80};
    SimulatedCamera camera{QStringLiteral("camera")};
    DeviceHub devices;
    ManualClock clock;
    std::unique_ptr<ServiceCatalogModel> services;
    FormController form;
    std::unique_ptr<SubmissionController> submission;
    std::unique_ptr<SessionController> session;

    ~SessionFixture()
    {
        // Controllers first (they post to the store), then the executor runs what is left.
        session.reset();
        submission.reset();
        syncMonitor.reset();
        executor.reset();
    }

    SessionFixture()
    {
        QString error;
        store = CaseStore::open(dir.path(), &error);
        Q_ASSERT_X(store, "SessionFixture", qPrintable(error));
        executor = StoreExecutor::onThisThread(*store);
        sync = std::make_unique<SyncClient>(*store, network, site.sync, site.platformUrl);
        sync->setNetworkAvailable(false);
        syncMonitor = std::make_unique<SyncMonitor>(*sync, sync->status());
        reader.setReadDelay(0);
        for (Device *d : std::initializer_list<Device *>{&reader, &scanner, &printer, &camera})
            devices.add(d);
        devices.startAll();
        services = std::make_unique<ServiceCatalogModel>(catalog, devices);
        submission = std::make_unique<SubmissionController>(site, catalog, *executor, *syncMonitor, printer);
        session = std::make_unique<SessionController>(site, catalog, reader, scanner, *services, form, *submission, clock);
    }

    // The jobs posted to the store so far have run and their answers arrived (a commit, a rating).
    void settleStore()
    {
        executor->wait([](CaseStore &) {});
        QCoreApplication::sendPostedEvents(executor.get(), QEvent::MetaCall);
    }

    // session->submit(consent), and the commit's answer: true when the session has left the saving screen.
    bool submitAndSettle(bool consent)
    {
        session->submit(consent);
        settleStore();
        return session->screen() != SessionController::Screen::Saving;
    }

    void advance(qint64 ms)
    {
        while (ms > 0) {
            const qint64 step = qMin<qint64>(ms, 1000);
            clock.advance(step);
            ms -= step;
            session->checkTimers();
        }
    }
};
