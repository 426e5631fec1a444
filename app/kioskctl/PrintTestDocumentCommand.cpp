// kioskctl print-test document: prints a test A4 document (an application summary with sample data) through
// CUPS, follows the job to its end, and reports that end. The document is rendered in memory and streamed
// to the server; nothing is written to disk.

#include "KioskctlCommand.h"

#include "ApplicationSummaryDocument.h"
#include "CertificateDocument.h"
#include "CupsDocumentPrinter.h"
#include "DocumentPrinterDrivers.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>

namespace {
int usage(FILE *out = stderr)
{
    std::fprintf(
        out,
        "usage: kioskctl print-test document [--printer QUEUE] [--server HOST:PORT] [--certificate "
        "TEMPLATE.json]\n"
        "                                     [--language zh_CN|en] [--timeout SECONDS]\n"
        "  Prints a test application summary (or, with --certificate, a test certificate from a template in\n"
        "  kiosk-config/documents, placeholders shown as [name]) on the CUPS queue QUEUE (default: the\n"
        "  server's default queue) of the server HOST:PORT (default: CUPS_SERVER or the local scheduler),\n"
        "  waits for the job's end (default 120 s) and prints it.\n"
        "  Exit 0 when the job completed, 1 when it did not, 64 on bad usage.\n");
    return out == stdout ? 0 : 64;
}

ApplicationSummaryContent testSummary(const QString &language)
{
    ApplicationSummaryContent c;
    c.language = language;
    c.centerName = QStringLiteral("OneStop 自助终端打印测试 / print test");
    c.serviceName = QStringLiteral("打印测试 / Print test");
    c.caseNumber =
        QStringLiteral("TEST-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    c.submittedAt = QDateTime::currentDateTime();
    c.maskedName = QStringLiteral("测**");
    c.maskedIdNumber = QStringLiteral("000000********000X");
    c.formFields = {{QStringLiteral("中文 / Chinese"), QStringLiteral("田林街道社区事务受理服务中心")},
                    {QStringLiteral("English"),
                     QStringLiteral("The quick brown fox jumps over the lazy dog 0123456789")}};
    c.materials = {QStringLiteral("测试材料一 / test material 1"),
                   QStringLiteral("测试材料二 / test material 2")};
    c.trackingUrl = QStringLiteral("https://example.invalid/track?case=") + c.caseNumber;
    return c;
}

QByteArray testCertificate(const QString &path, const QString &language, QString *error)
{
    const auto t = CertificateTemplate::load(path, error);
    if (!t)
        return QByteArray();
    CertificateContent c;
    c.language = language;
    c.issuingCenter = QStringLiteral("OneStop 打印测试 / print test");
    c.issuedOn = QDate::currentDate();
    c.referenceNumber = QStringLiteral("TEST");
    for (const QString &name : t->placeholders)
        c.values.insert(name, QStringLiteral("[%1]").arg(name));
    return CertificateDocument::render(*t, c, error);
}
} // namespace

int runPrintTestDocument(const QStringList &arguments)
{
    CupsPrinterSettings settings;
    settings.statePollMs = 0;
    settings.jobTimeoutMs = 120000;
    QString language = QStringLiteral("zh_CN");
    QString certificate;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        if (a == QLatin1String("--help") || a == QLatin1String("-h"))
            return usage(stdout);
        if (a == QLatin1String("--printer") && hasValue)
            settings.queue = arguments.at(++i);
        else if (a == QLatin1String("--server") && hasValue)
            settings.server = arguments.at(++i);
        else if (a == QLatin1String("--language") && hasValue)
            language = arguments.at(++i);
        else if (a == QLatin1String("--timeout") && hasValue) {
            bool ok = false;
            const int seconds = arguments.at(++i).toInt(&ok);
            if (!ok || seconds <= 0)
                return usage();
            settings.jobTimeoutMs = seconds * 1000;
        } else if (a == QLatin1String("--certificate") && hasValue)
            certificate = arguments.at(++i);
        else
            return usage();
    }
    if (settings.queue.isEmpty()) {
        settings.queue = CupsClient(settings, std::make_shared<std::atomic_bool>(false)).defaultQueue();
        if (settings.queue.isEmpty()) {
            std::fprintf(
                stderr,
                "print-test document: no --printer given and the CUPS server %s has no default queue\n",
                qPrintable(CupsClient(settings, std::make_shared<std::atomic_bool>(false)).serverName()));
            return 1;
        }
    }

    QString error;
    const ApplicationSummaryContent summary = testSummary(language);
    const QByteArray pdf = !certificate.isEmpty() ? testCertificate(certificate, language, &error)
                                                  : ApplicationSummaryDocument::render(summary, &error);
    if (pdf.isEmpty()) {
        std::fprintf(stderr, "print-test document: %s\n", qPrintable(error));
        return 1;
    }

    // Built as the kiosk builds its document printer (drivers/docprinter/DocumentPrinterDrivers.h).
    DeviceSpec printerSpec;
    printerSpec.kind = QStringLiteral("document_printer");
    printerSpec.name = QStringLiteral("kioskctl");
    printerSpec.driver = QStringLiteral("cups");
    printerSpec.options = {{QStringLiteral("queue"), settings.queue},
                           {QStringLiteral("job_timeout_s"), QString::number(settings.jobTimeoutMs / 1000)},
                           {QStringLiteral("state_poll_s"), QStringLiteral("0")}};
    if (!settings.server.isEmpty())
        printerSpec.options.insert(QStringLiteral("server"), settings.server);
    DeviceBuildEnvironment environment;
    environment.where = QStringLiteral("kioskctl print-test document");
    DeviceBuildReport report(printerSpec, environment.where);
    const std::unique_ptr<DocumentPrinter> built = buildDevice(
        documentPrinterDrivers(), printerSpec, environment, report, QStringLiteral("a document printer"));
    if (!built) {
        std::fprintf(stderr, "print-test document: %s\n",
                     qPrintable(report.problems().join(QLatin1Char('\n'))));
        return 64;
    }
    DocumentPrinter &printer = *built;
    DocumentJobResult result;
    QEventLoop loop;
    QObject::connect(&printer, &DocumentPrinter::jobFinished, &loop, [&](const DocumentJobResult &r) {
        result = r;
        loop.quit();
    });
    printer.start();
    printer.print(QStringLiteral("print-test"), DocumentPrinter::jobNameFor(QStringLiteral("test")), pdf);
    loop.exec();

    std::printf("document print test on queue '%s' at %s: %s\n%s\n", qPrintable(settings.queue),
                qPrintable(CupsClient(settings, std::make_shared<std::atomic_bool>(false)).serverName()),
                qPrintable(DocumentJobResult::stateName(result.state)), qPrintable(result.reason));
    return result.ok() ? 0 : 1;
}
