#include "SimulatedReceiptPrinter.h"

#include "EscPosDecoder.h"
#include "EscPosRenderer.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcSimulatedPrinter, "onestop.printer")

SimulatedReceiptPrinter::SimulatedReceiptPrinter(const QString &name, int paperWidthMm, QObject *parent)
    : ReceiptPrinter(name, paperWidthMm, parent)
{
    m_jobTimer.setSingleShot(true);
    connect(&m_jobTimer, &QTimer::timeout, this, &SimulatedReceiptPrinter::finishCurrentJob);
    if (!isPaperWidthSupported())
        updateState();
}

SimulatedReceiptPrinter::~SimulatedReceiptPrinter() = default;

void SimulatedReceiptPrinter::start()
{
    m_started = true;
    m_stopped = false;
    updateState();
}

void SimulatedReceiptPrinter::stop()
{
    m_started = false;
    m_stopped = true;
    m_jobTimer.stop();
    for (const Job &job : std::as_const(m_queue))
        failJob(job.id, QStringLiteral("stopped"), JobFailure::NotPrinted, true);
    m_queue.clear();
    m_printing = false;
    updateState();
}

QString SimulatedReceiptPrinter::unavailableReason() const
{
    if (!isPaperWidthSupported())
        return unsupportedWidthReason();
    if (!m_started)
        return m_stopped ? QStringLiteral("stopped") : QStringLiteral("not started");
    if (!m_plugged)
        return QStringLiteral("unplugged");
    if (m_coverOpen)
        return QStringLiteral("cover open");
    if (m_paper == PaperState::Out)
        return QStringLiteral("paper out");
    return QString();
}

void SimulatedReceiptPrinter::updateState()
{
    const QString reason = unavailableReason();
    if (!reason.isEmpty())
        setState(Status::Unavailable, reason);
    else if (m_printing)
        setState(Status::Busy, QStringLiteral("printing"));
    else
        setState(Status::Ready, m_paper == PaperState::NearEnd ? QStringLiteral("paper low") : QString());
}

void SimulatedReceiptPrinter::setPaper(PaperState paper)
{
    if (paper == m_paper)
        return;
    const Status statusBefore = status();
    const QString reasonBefore = reason();
    m_paper = paper;
    updateState();
    if (status() == statusBefore && reason() == reasonBefore)
        emit stateChanged(); // the paper property changed even though status and reason did not
}

void SimulatedReceiptPrinter::setCoverOpen(bool open)
{
    m_coverOpen = open;
    updateState();
}

void SimulatedReceiptPrinter::setPlugged(bool plugged)
{
    m_plugged = plugged;
    updateState();
}

void SimulatedReceiptPrinter::setPaperOutputDirectory(const QString &directory)
{
    m_paperDirectory = directory;
    m_filesWritten = 0;
}

void SimulatedReceiptPrinter::print(const QString &jobId, const QByteArray &escpos)
{
    const QString reason = unavailableReason();
    if (!reason.isEmpty())
        return failJob(jobId, reason, isPaperWidthSupported() ? JobFailure::NotPrinted : JobFailure::Refused, true);
    if (escpos.isEmpty())
        return failJob(jobId, QStringLiteral("empty job"), JobFailure::Refused, true);
    m_queue.append(Job{jobId, escpos});
    if (!m_printing)
        startNextJob();
}

void SimulatedReceiptPrinter::startNextJob()
{
    m_printing = !m_queue.isEmpty();
    updateState();
    if (m_printing)
        m_jobTimer.start(m_printDurationMs);
}

void SimulatedReceiptPrinter::finishCurrentJob()
{
    if (m_queue.isEmpty())
        return;
    const Job job = m_queue.takeFirst();
    const QString reason = unavailableReason();
    if (!reason.isEmpty()) {
        // The paper ran out (or the cover opened) mid-job: this job and the ones behind it are lost.
        QList<Job> lost{job};
        lost.append(m_queue);
        m_queue.clear();
        m_printing = false;
        updateState();
        qCInfo(lcSimulatedPrinter) << name() << ":" << lost.size() << "job(s) failed:" << reason;
        for (int i = 0; i < lost.size(); ++i) // the first one was under the head; the others never started
            failJob(lost.at(i).id, reason, i == 0 ? JobFailure::MayHavePrinted : JobFailure::NotPrinted);
        return;
    }

    const EscPosElements elements = EscPosDecoder::decode(job.bytes);
    ++m_jobCount;
    m_lastJobId = job.id;
    m_lastJobBytes = job.bytes;
    m_lastJobElements = elements;
    const QStringList problems = EscPosDecoder::problems(elements);
    if (!problems.isEmpty()) {
        const QString detail = QStringLiteral("job %1: %2 problem(s) in the ESC/POS data, first: %3")
                                   .arg(job.id)
                                   .arg(problems.size())
                                   .arg(problems.first());
        qCWarning(lcSimulatedPrinter).noquote() << name() << ": print receipt:" << detail;
        reportError(QStringLiteral("print receipt"), detail);
    }
    if (!m_paperDirectory.isEmpty())
        writePaperFiles(job.id, job.bytes, elements, problems);

    startNextJob(); // Ready again when nothing is queued
    emit jobCompleted(job.id);
}

void SimulatedReceiptPrinter::writePaperFiles(const QString &jobId, const QByteArray &bytes,
                                              const EscPosElements &elements,
                                              const QStringList &decodeProblems)
{
    ++m_filesWritten;
    const QString base =
        m_filesWritten == 1 ? QStringLiteral("receipt") : QStringLiteral("receipt-%1").arg(m_filesWritten);
    const QDir dir(m_paperDirectory);
    const auto fail = [&](const QString &path, const QString &what) {
        const QString detail = QStringLiteral("job %1: %2: %3").arg(jobId, path, what);
        qCWarning(lcSimulatedPrinter).noquote() << name() << ": paper output:" << detail;
        reportError(QStringLiteral("write paper output"), detail);
    };
    if (!dir.mkpath(QStringLiteral(".")))
        return fail(m_paperDirectory, QStringLiteral("cannot create the directory"));

    const QString binPath = dir.filePath(base + QStringLiteral(".bin"));
    QSaveFile bin(binPath);
    if (!bin.open(QIODevice::WriteOnly) || bin.write(bytes) != bytes.size() || !bin.commit())
        fail(binPath, bin.errorString());

    const QString pngPath = dir.filePath(base + QStringLiteral(".png"));
    EscPosRenderOptions options;
    options.widthDots = paperWidthDots();
    const EscPosRendering rendering = EscPosRenderer::render(elements, options);
    if (rendering.image.isNull() || !rendering.image.save(pngPath, "PNG"))
        fail(pngPath, QStringLiteral("cannot write the rendered receipt"));
    for (const QString &problem : rendering.problems) {
        if (!decodeProblems.contains(problem)) // decode problems were reported when the job was printed
            fail(pngPath, problem);
    }
}
