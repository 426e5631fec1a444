#include "QmlTestHarness.h"

#include "CaseStore.h"
#include "Catalog.h"
#include "PageFrames.h"
#include "SubmissionController.h"
#include "Clock.h"
#include "IdCardData.h"
#include "SessionController.h"
#include "SimulatorController.h"
#include "TechnicianController.h"

#include "AssistSingletons.h"
#include "IdentitySingletons.h"
#include "InputSingletons.h"
#include "PinyinEngine.h"
#include "QmlSingletons.h"
#include "RatingSingleton.h"
#include "SessionImageStore.h"
#include "TraceScan.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>

ScriptedCamera::ScriptedCamera(QObject *parent) : Camera(QStringLiteral("camera"), QStringLiteral("scripted-camera"), parent)
{
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, [this] { emit frameReady(m_picture); });
}

void ScriptedCamera::show(const QImage &picture)
{
    m_picture = picture;
    if (picture.isNull())
        m_timer.stop();
    else if (!m_timer.isActive())
        m_timer.start();
}

QmlTestHarness::QmlTestHarness(ManualClock &clock, SessionController &session, SimulatorController &simulator,
                               const Catalog &catalog, const QVector<IdCardData> &residents,
                               TechnicianController &technician, QObject *parent)
    : QObject(parent), m_clock(clock), m_session(session), m_simulator(simulator), m_catalog(catalog),
      m_residents(residents), m_technician(technician)
{
}

void QmlTestHarness::advanceClock(int ms)
{
    qint64 left = ms;
    while (left > 0) {
        const qint64 step = qMin<qint64>(left, 1000);
        m_clock.advance(step);
        left -= step;
        m_session.checkTimers();
        m_technician.tick();
        QCoreApplication::processEvents();
    }
}

void QmlTestHarness::reset()
{
    m_simulator.removeCard();
    for (const char *kind : {"idcard", "receipt_printer", "scanner", "camera"})
        m_simulator.setPlugged(QString::fromLatin1(kind), true);
    m_simulator.setPaper(QStringLiteral("ok"));
    m_simulator.setNetwork(false);
    m_session.endSession();
    m_technician.cancel();
    if (m_camera)
        m_camera->show(QImage());
}

void QmlTestHarness::showToCamera(const QString &what)
{
    if (!m_camera)
        return;
    if (m_desk.isNull()) {
        m_desk = PageFrames::desk(QSize(1280, 960));
        m_page = PageFrames::photographed(PageFrames::a4Page(), m_desk,
                                          {QPointF(300, 120), QPointF(980, 150), QPointF(1010, 860), QPointF(270, 830)});
    }
    m_camera->show(what == QLatin1String("page") ? m_page : what == QLatin1String("desk") ? m_desk : QImage());
}

QStringList QmlTestHarness::lastCaseAttachmentKinds() const
{
    QStringList kinds;
    if (!m_store || !m_submission)
        return kinds;
    for (const AttachmentRecord &a : m_store->attachments(m_submission->caseId()))
        kinds << a.kind;
    return kinds;
}

QVariantMap QmlTestHarness::lastRating() const
{
    if (!m_store || !m_submission)
        return {};
    const std::optional<RatingRecord> rating = m_store->rating(m_submission->caseId());
    if (!rating)
        return {};
    return {{QStringLiteral("level"), rating->level},
            {QStringLiteral("indicators"), rating->indicators},
            {QStringLiteral("comment"), rating->comment}};
}

QStringList QmlTestHarness::controllerTraces(const QStringList &canaries) const
{
    const QmlSingletons &core = QmlSingletons::current();
    const QList<QPair<QString, QObject *>> roots{
        {QStringLiteral("Session"), core.session},
        {QStringLiteral("Form"), core.form},
        {QStringLiteral("Services"), core.services},
        {QStringLiteral("Submission"), core.submission},
        {QStringLiteral("Devices"), core.devices},
        {QStringLiteral("Kiosk"), core.kiosk},
        {QStringLiteral("Sync"), core.sync},
        {QStringLiteral("Simulator"), core.simulator},
        {QStringLiteral("Technician"), core.technician},
        {QStringLiteral("DocumentCapture"), core.documentCapture},
        {QStringLiteral("FaceCapture"), core.faceCapture},
        {QStringLiteral("CameraFeed"), core.cameraFeed},
        {QStringLiteral("Quarantine"), core.quarantine},
        {QStringLiteral("NoCard"), IdentitySingletons::current().noCard},
        {QStringLiteral("Pinyin"), InputSingletons::current().pinyin},
        {QStringLiteral("Keyboard"), InputSingletons::current().keyboard},
        {QStringLiteral("DisplayMode"), AssistSingletons::current().displayMode},
        {QStringLiteral("Rating"), RatingSingleton::current()},
    };
    QStringList found = TraceScan::find(roots, canaries);
    // Lists handed out by methods rather than properties.
    QObject holder;
    if (core.form) {
        holder.setProperty("reviewRows", core.form->reviewRows());
        found += TraceScan::find({{QStringLiteral("Form.reviewRows()"), &holder}}, canaries);
    }
    if (InputSingletons::current().pinyin) {
        QObject candidates;
        candidates.setProperty("candidates", InputSingletons::current().pinyin->candidates(100));
        found += TraceScan::find({{QStringLiteral("Pinyin.candidates(100)"), &candidates}}, canaries);
    }
    const QString clipboard = clipboardText();
    for (const QString &canary : canaries) {
        if (clipboard.contains(canary))
            found << QStringLiteral("the clipboard: ") + canary;
    }
    return found;
}

QString QmlTestHarness::clipboardText() const
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    QString text = clipboard->text(QClipboard::Clipboard);
    if (clipboard->supportsSelection())
        text += clipboard->text(QClipboard::Selection);
    return text;
}

int QmlTestHarness::sessionImageCount() const
{
    return m_images ? m_images->count() : -1;
}

QString QmlTestHarness::technicianPin() const
{
    return QStringLiteral("246810");
}

QString QmlTestHarness::residentName(int index) const
{
    return m_residents.value(index).name;
}

QString QmlTestHarness::residentIdNumber(int index) const
{
    return m_residents.value(index).idNumber;
}

QStringList QmlTestHarness::serviceIds() const
{
    QStringList ids;
    for (const ServiceSpec &service : m_catalog.services)
        ids.append(service.id);
    return ids;
}
