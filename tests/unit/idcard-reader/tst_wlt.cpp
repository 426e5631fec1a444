// The optional WLT photo plugin: absent or broken means "no photo" with a reason, never a failure; present,
// the reader's card carries the decoded 102x126 photo.
#include "ReaderTestSupport.h"
#include "StrictWarnings.h"
#include "WltPhotoDecoder.h"
#include "sam/SamModuleModel.h"
#include "transport/ModelSamTransport.h"

#include <QSignalSpy>
#include <QtTest>

class TestWlt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void noDecoderConfigured()
    {
        WltPhotoDecoder decoder;
        QVERIFY(!decoder.isAvailable());
        QCOMPARE(decoder.reason(), QStringLiteral("no WLT decoder configured"));
        QCOMPARE(decoder.decode(QByteArray(1024, 'a')).error,
                 QStringLiteral("photo: no WLT decoder configured"));
    }

    void libraryMissing()
    {
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression("WLT photo decoder unavailable: load /nonexistent/libwlt.so"));
        WltPhotoDecoder decoder(QStringLiteral("/nonexistent/libwlt.so"));
        QVERIFY(!decoder.isAvailable());
        QVERIFY(decoder.reason().startsWith(QLatin1String("load /nonexistent/libwlt.so: ")));
    }

    void symbolMissing()
    {
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("WLT photo decoder unavailable: no symbol unpack"));
        WltPhotoDecoder decoder(QStringLiteral(WLT_TEST_NOSYMBOL));
        QVERIFY(!decoder.isAvailable());
        QCOMPARE(decoder.reason(),
                 QStringLiteral("no symbol unpack in %1").arg(QStringLiteral(WLT_TEST_NOSYMBOL)));
    }

    void decodes()
    {
        WltPhotoDecoder decoder(QStringLiteral(WLT_TEST_PLUGIN));
        QVERIFY2(decoder.isAvailable(), qPrintable(decoder.reason()));
        const QByteArray wlt = Sam::SamModuleModel::defaultPhoto();
        const WltPhotoDecoder::Result result = decoder.decode(wlt);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.image.size(), QSize(102, 126));
        for (const QPoint p : {QPoint(0, 0), QPoint(101, 0), QPoint(17, 99), QPoint(101, 125)}) {
            const QRgb px = result.image.pixel(p);
            QCOMPARE(qBlue(px), p.x());
            QCOMPARE(qGreen(px), p.y());
            QCOMPARE(qRed(px), int(quint8(wlt.at((p.x() + p.y()) % 1024))));
        }
        QCOMPARE(decoder.decode(wlt.left(1000)).error, QStringLiteral("photo: 1000 bytes, expected 1024"));
        QByteArray bad = wlt;
        bad[0] = char(0xEE);
        QCOMPARE(decoder.decode(bad).error, QStringLiteral("photo: decoder returned -3"));
    }

    void readerAttachesThePhoto()
    {
        auto decoder = std::make_shared<WltPhotoDecoder>(QStringLiteral(WLT_TEST_PLUGIN));
        auto *transport = new ModelSamTransport;
        SamIdCardReader reader(QStringLiteral("r"), transport, fastOptions(), decoder);
        QSignalSpy read(&reader, &SamIdCardReader::cardRead);
        reader.start();
        transport->model().placeCard(testResident());
        QVERIFY(read.wait(5000));
        const QImage photo = read.first().first().value<IdCardData>().photo;
        QCOMPARE(photo.size(), QSize(102, 126));
        QCOMPARE(qBlue(photo.pixel(5, 7)), 5);
    }
};

QTEST_MAIN(TestWlt)
#include "tst_wlt.moc"
