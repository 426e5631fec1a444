// SimulatedDocumentPrinter behind the DocumentPrinter interface, and the job name rule (no personal data).
#include "SimulatedDocumentPrinter.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QtTest>

class TestDocPrinterSimulated : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void jobName()
    {
        QCOMPARE(DocumentPrinter::jobNameFor(QStringLiteral("1a2b3c4d-5e6f-7a8b")),
                 QStringLiteral("onestop document 1a2b3c4d"));
    }

    void printsAndFails()
    {
        SimulatedDocumentPrinter printer(QStringLiteral("A4"));
        QCOMPARE(printer.kind(), QStringLiteral("document_printer"));
        QCOMPARE(printer.status(), Device::Status::Unavailable);
        printer.start();
        QCOMPARE(printer.status(), Device::Status::Ready);

        QSignalSpy finished(&printer, &DocumentPrinter::jobFinished);
        QSignalSpy errors(&printer, &Device::errorOccurred);
        printer.print(QStringLiteral("r1"), QStringLiteral("onestop document r1"),
                      QByteArray("%PDF-1.4 ..."));
        QVERIFY(finished.isEmpty()); // never from inside print()
        QVERIFY(finished.wait(1000));
        auto result = finished.takeFirst().at(0).value<DocumentJobResult>();
        QVERIFY(result.ok());
        QCOMPARE(result.requestId, QStringLiteral("r1"));
        QCOMPARE(printer.lastJobName(), QStringLiteral("onestop document r1"));

        printer.print(QStringLiteral("r2"), QStringLiteral("x"), QByteArray("not a pdf"));
        QVERIFY(finished.wait(1000));
        result = finished.takeFirst().at(0).value<DocumentJobResult>();
        QCOMPARE(result.state, DocumentJobResult::State::Failed);
        QCOMPARE(result.reason, QStringLiteral("print: the document is not a PDF"));

        printer.setQueueStopped(QStringLiteral("paper jam"));
        QCOMPARE(printer.status(), Device::Status::Unavailable);
        QCOMPARE(printer.reason(), QStringLiteral("paper jam"));
        printer.print(QStringLiteral("r3"), QStringLiteral("x"), QByteArray("%PDF-1.4"));
        QVERIFY(finished.wait(1000));
        QCOMPARE(finished.takeFirst().at(0).value<DocumentJobResult>().reason, QStringLiteral("paper jam"));
        QCOMPARE(errors.size(), 2);
    }
};

QTEST_MAIN(TestDocPrinterSimulated)
#include "tst_docprinter_simulated.moc"
