// onestop-bench: speed of the kiosk's codecs, as JSON. Figures are for comparison with the baselines
// measured in the same run (see "ratios"), not absolute targets. Usage: see --help and README.md.
#include "BenchReport.h"
#include "ReceiptSuite.h"
#include "SamSuite.h"
#include "SearchSuite.h"
#include "StoreSuite.h"
#include "VisionSuite.h"
#include "WebSuite.h"

#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTranslator>

#include <cstdio>
#include <functional>
#include <map>

namespace {
using SuiteRunner = std::function<SuiteReport(const BenchConfig &)>;

const std::map<QString, SuiteRunner> &suites()
{
    static const std::map<QString, SuiteRunner> all{
        {QStringLiteral("receipt"), runReceiptSuite},
        {QStringLiteral("sam"), runSamSuite},
        {QStringLiteral("search"), runSearchSuite},
        {QStringLiteral("store"), runStoreSuite},
        {QStringLiteral("vision"), runVisionSuite},
        {QStringLiteral("web"), runWebSuite},
    };
    return all;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "onestop-bench: %s\n", qPrintable(message));
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // the renderer needs fonts, not a screen
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onestop-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Benchmarks of the kiosk's codecs; JSON out."));
    parser.addHelpOption();
    const QCommandLineOption suiteOption(QStringLiteral("suite"), QStringLiteral("Suite to run: receipt, sam, search, store, vision or web."),
                                         QStringLiteral("name"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Samples per measurement (default 31; web: 7 starts each)."),
                                        QStringLiteral("n"), QStringLiteral("31"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Write the JSON here (default stdout)."),
                                       QStringLiteral("file"));
    const QCommandLineOption cyclesOption(QStringLiteral("cycles"),
                                          QStringLiteral("web: open/close cycles of a web session (default 50)."),
                                          QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption listOption(QStringLiteral("list"), QStringLiteral("Print the suite names and exit."));
    parser.addOptions({suiteOption, runsOption, cyclesOption, outOption, listOption});
    parser.process(app);

    if (parser.isSet(listOption)) {
        for (const auto &[name, runner] : suites())
            std::printf("%s\n", qPrintable(name));
        return 0;
    }
    const QString suiteName = parser.value(suiteOption);
    const auto suite = suites().find(suiteName);
    if (suite == suites().end())
        return fail(QStringLiteral("unknown suite \"%1\" (try --list)").arg(suiteName));
    bool runsOk = false;
    BenchConfig config;
    config.runs = parser.value(runsOption).toInt(&runsOk);
    if (!runsOk || config.runs < 1)
        return fail(QStringLiteral("--runs: not a positive number: %1").arg(parser.value(runsOption)));
    config.runsGiven = parser.isSet(runsOption);
    bool cyclesOk = false;
    config.cycles = parser.value(cyclesOption).toInt(&cyclesOk);
    if (!cyclesOk || config.cycles < 1)
        return fail(QStringLiteral("--cycles: not a positive number: %1").arg(parser.value(cyclesOption)));

    // Receipt labels in Chinese, as most residents get them.
    QTranslator translator;
    if (!translator.load(QStringLiteral(":/i18n/onestop_zh_CN.qm")))
        return fail(QStringLiteral("the zh_CN translation is not compiled in"));
    QCoreApplication::installTranslator(&translator);

    const SuiteReport report = suite->second(config);
    const QByteArray json = QJsonDocument(reportJson(report)).toJson(QJsonDocument::Indented);

    if (parser.isSet(outOption)) {
        QSaveFile out(parser.value(outOption));
        if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size() || !out.commit())
            return fail(QStringLiteral("cannot write %1: %2").arg(parser.value(outOption), out.errorString()));
    } else {
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    }
    if (!report.error.isEmpty())
        return fail(QStringLiteral("suite %1: %2").arg(report.suite, report.error));
    return 0;
}
