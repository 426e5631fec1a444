#include "SimulatedIdCardReader.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

// Fictitious card; the ID number is the worked example of GB 11643, not a person.
static IdCardData sampleCard(const QString &idNumber = QStringLiteral("11010519491231002X"))
{
    IdCardData card;
    card.name = QStringLiteral("测试样例");
    card.sex = IdCardData::Sex::Female;
    card.ethnicity = QStringLiteral("汉");
    card.birth = QDate(1949, 12, 31);
    card.address = QStringLiteral("北京市朝阳区测试路1号");
    card.idNumber = idNumber;
    card.issuer = QStringLiteral("北京市公安局朝阳分局");
    card.validFrom = QDate(2015, 1, 1);
    card.longTerm = true;
    return card;
}

static IdCardData cardAt(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<IdCardData>();
}

class TestSimIdCardReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void sexCodes_data()
    {
        QTest::addColumn<IdCardData::Sex>("sex");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown") << IdCardData::Sex::Unknown << QStringLiteral("unknown");
        QTest::newRow("male") << IdCardData::Sex::Male << QStringLiteral("male");
        QTest::newRow("female") << IdCardData::Sex::Female << QStringLiteral("female");
        QTest::newRow("unspecified") << IdCardData::Sex::Unspecified << QStringLiteral("unspecified");
    }
    void sexCodes()
    {
        QFETCH(IdCardData::Sex, sex);
        QFETCH(QString, code);
        QCOMPARE(IdCardData::sexCode(sex), code);
    }

    void cardTypeCodes_data()
    {
        QTest::addColumn<IdCardData::CardType>("type");
        QTest::addColumn<QString>("code");
        QTest::newRow("resident") << IdCardData::CardType::Resident << QStringLiteral("resident");
        QTest::newRow("permit") << IdCardData::CardType::HkMoTwPermit << QStringLiteral("hk_mo_tw_permit");
        QTest::newRow("2017") << IdCardData::CardType::Foreign2017 << QStringLiteral("foreign_2017");
        QTest::newRow("2023") << IdCardData::CardType::Foreign2023 << QStringLiteral("foreign_2023");
    }
    void cardTypeCodes()
    {
        QFETCH(IdCardData::CardType, type);
        QFETCH(QString, code);
        QCOMPARE(IdCardData::cardTypeCode(type), code);
    }

    void startAndStopSetTheState()
    {
        SimulatedIdCardReader reader;
        QVERIFY(reader.isSimulated());
        QCOMPARE(reader.kind(), QStringLiteral("idcard"));
        QCOMPARE(reader.readDelay(), 300);
        QCOMPARE(reader.status(), Device::Status::Unavailable);
        QCOMPARE(reader.reason(), QStringLiteral("not started"));

        QSignalSpy state(&reader, &Device::stateChanged);
        reader.start();
        QCOMPARE(reader.status(), Device::Status::Ready);
        QCOMPARE(reader.reason(), QString());
        reader.stop();
        QCOMPARE(reader.status(), Device::Status::Unavailable);
        QCOMPARE(reader.reason(), QStringLiteral("stopped"));
        QCOMPARE(state.count(), 2);
    }

    void readsAPlacedCardAfterTheDelay()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(50);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy presence(&reader, &IdCardReader::cardPresenceChanged);
        QSignalSpy errors(&reader, &Device::errorOccurred);

        reader.placeCard(sampleCard());
        QVERIFY(reader.isCardPresent());
        QCOMPARE(presence.count(), 1);
        QCOMPARE(reader.status(), Device::Status::Busy);
        QCOMPARE(reader.reason(), QStringLiteral("reading card"));
        QCOMPARE(read.count(), 0);

        QVERIFY(read.wait());
        QCOMPARE(read.count(), 1);
        QCOMPARE(reader.status(), Device::Status::Ready);
        const IdCardData card = cardAt(read, 0);
        QCOMPARE(card.idNumber, QStringLiteral("11010519491231002X"));
        QCOMPARE(card.name, QStringLiteral("测试样例"));
        QCOMPARE(card.sex, IdCardData::Sex::Female);
        QCOMPARE(card.birth, QDate(1949, 12, 31));
        QVERIFY(card.longTerm);
        QCOMPARE(errors.count(), 0);
        QVERIFY(reader.isCardPresent());
    }

    void zeroDelayStillReadsAsynchronously()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(0);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        reader.placeCard(sampleCard());
        QCOMPARE(read.count(), 0); // never from inside the knob
        QCOMPARE(reader.status(), Device::Status::Busy);
        QTRY_COMPARE(read.count(), 1);
        QCOMPARE(reader.status(), Device::Status::Ready);
    }

    void negativeDelayCountsAsZero()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(-5);
        QCOMPARE(reader.readDelay(), 0);
    }

    void removingAReadCardEmitsCardRemoved()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(0);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy removed(&reader, &IdCardReader::cardRemoved);
        QSignalSpy errors(&reader, &Device::errorOccurred);
        reader.placeCard(sampleCard());
        QTRY_COMPARE(read.count(), 1);

        reader.removeCard();
        QCOMPARE(removed.count(), 1);
        QVERIFY(!reader.isCardPresent());
        QVERIFY(!reader.hasCardInField());
        QCOMPARE(reader.status(), Device::Status::Ready);
        QCOMPARE(errors.count(), 0);

        reader.removeCard(); // nothing left to remove
        QCOMPARE(removed.count(), 1);
    }

    void removingDuringTheReadFailsTheRead()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(20);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy removed(&reader, &IdCardReader::cardRemoved);
        QSignalSpy errors(&reader, &Device::errorOccurred);

        reader.placeCard(sampleCard(QStringLiteral("first")));
        reader.removeCard();
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("read card"));
        QCOMPARE(errors.at(0).at(1).toString(), QStringLiteral("card removed before the read finished"));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(reader.status(), Device::Status::Ready);

        // The next card is read, and the first one never is.
        reader.placeCard(sampleCard(QStringLiteral("second")));
        QTRY_COMPARE(read.count(), 1);
        QCOMPARE(cardAt(read, 0).idNumber, QStringLiteral("second"));
    }

    void unplugDuringTheReadFailsItAndReadsAgainWhenPlugged()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(20);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy removed(&reader, &IdCardReader::cardRemoved);
        QSignalSpy errors(&reader, &Device::errorOccurred);

        reader.placeCard(sampleCard());
        reader.setPlugged(false);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("read card"));
        QCOMPARE(errors.at(0).at(1).toString(), QStringLiteral("reader unplugged"));
        QCOMPARE(reader.status(), Device::Status::Unavailable);
        QCOMPARE(reader.reason(), QStringLiteral("unplugged"));
        QVERIFY(!reader.isCardPresent());
        QCOMPARE(removed.count(), 1);
        QVERIFY(reader.hasCardInField());

        reader.setPlugged(true);
        QCOMPARE(reader.status(), Device::Status::Busy);
        QTRY_COMPARE(read.count(), 1);
        QCOMPARE(reader.status(), Device::Status::Ready);
        QCOMPARE(errors.count(), 1);
    }

    void unplugAfterTheReadReportsRemovalWithoutError()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(0);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy removed(&reader, &IdCardReader::cardRemoved);
        QSignalSpy errors(&reader, &Device::errorOccurred);
        reader.placeCard(sampleCard());
        QTRY_COMPARE(read.count(), 1);

        reader.setPlugged(false);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(errors.count(), 0);
        QCOMPARE(reader.reason(), QStringLiteral("unplugged"));
    }

    void cardPlacedWhileUnpluggedIsReadOncePlugged()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(0);
        reader.start();
        reader.setPlugged(false);
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy presence(&reader, &IdCardReader::cardPresenceChanged);
        QSignalSpy state(&reader, &Device::stateChanged);

        reader.placeCard(sampleCard());
        QVERIFY(!reader.isCardPresent());
        QCOMPARE(presence.count(), 0);
        QCOMPARE(state.count(), 0);
        QCOMPARE(reader.status(), Device::Status::Unavailable);

        reader.setPlugged(true);
        QVERIFY(reader.isCardPresent());
        QCOMPARE(reader.status(), Device::Status::Busy);
        QTRY_COMPARE(read.count(), 1);
    }

    void cardPlacedBeforeStartIsReadOnceStarted()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(0);
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        reader.placeCard(sampleCard());
        QVERIFY(!reader.isCardPresent());
        reader.start();
        QTRY_COMPARE(read.count(), 1);
    }

    void stopCancelsTheReadWithoutError()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(20);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy removed(&reader, &IdCardReader::cardRemoved);
        QSignalSpy errors(&reader, &Device::errorOccurred);
        reader.placeCard(sampleCard());
        reader.stop();
        QCOMPARE(reader.reason(), QStringLiteral("stopped"));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(errors.count(), 0);

        reader.start();
        QTRY_COMPARE(read.count(), 1);
        QCOMPARE(errors.count(), 0);
    }

    void incompleteCardIsAnError()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(0);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy errors(&reader, &Device::errorOccurred);

        reader.placeCard(sampleCard(QString()));
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("read card"));
        QCOMPARE(errors.at(0).at(1).toString(), QStringLiteral("card data incomplete"));
        QCOMPARE(reader.status(), Device::Status::Ready);
        QVERIFY(reader.isCardPresent());

        // A good card afterwards is read, so the bad one was never emitted before it.
        reader.placeCard(sampleCard());
        QTRY_COMPARE(read.count(), 1);
        QCOMPARE(cardAt(read, 0).idNumber, QStringLiteral("11010519491231002X"));
    }

    void readFailureKnobFailsTheNextReadOnly()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(0);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy errors(&reader, &Device::errorOccurred);

        reader.setReadFails(QStringLiteral("SW3=0x41 read failed"));
        reader.placeCard(sampleCard(QStringLiteral("failing")));
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("read card"));
        QCOMPARE(errors.at(0).at(1).toString(), QStringLiteral("SW3=0x41 read failed"));
        QCOMPARE(reader.status(), Device::Status::Ready);

        reader.removeCard();
        reader.placeCard(sampleCard(QStringLiteral("working")));
        QTRY_COMPARE(read.count(), 1);
        QCOMPARE(cardAt(read, 0).idNumber, QStringLiteral("working"));
        QCOMPARE(errors.count(), 1);
    }

    void readFailureKnobCanBeCancelled()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(0);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy errors(&reader, &Device::errorOccurred);
        reader.setReadFails(QStringLiteral("should not happen"));
        reader.setReadFails(QString());
        reader.placeCard(sampleCard());
        QTRY_COMPARE(read.count(), 1);
        QCOMPARE(errors.count(), 0);
    }

    void placingASecondCardReplacesTheFirst()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(0);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy removed(&reader, &IdCardReader::cardRemoved);
        reader.placeCard(sampleCard(QStringLiteral("A")));
        QTRY_COMPARE(read.count(), 1);

        reader.placeCard(sampleCard(QStringLiteral("B")));
        QCOMPARE(removed.count(), 1);
        QVERIFY(reader.isCardPresent());
        QTRY_COMPARE(read.count(), 2);
        QCOMPARE(cardAt(read, 1).idNumber, QStringLiteral("B"));
    }

    void cardTakenAwayAsTheReadEndsIsNotReported()
    {
        SimulatedIdCardReader reader;
        reader.setReadDelay(0);
        reader.start();
        QSignalSpy read(&reader, &IdCardReader::cardRead);
        QSignalSpy removed(&reader, &IdCardReader::cardRemoved);
        // A consumer that reacts to "Ready" by taking the card away, before cardRead is due.
        connect(&reader, &Device::stateChanged, &reader, [&reader] {
            if (reader.isReady() && reader.isCardPresent())
                reader.removeCard();
        });
        reader.placeCard(sampleCard());
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(read.count(), 0);
    }

    void unplugWithoutACardIsQuiet()
    {
        SimulatedIdCardReader reader;
        reader.start();
        QSignalSpy removed(&reader, &IdCardReader::cardRemoved);
        QSignalSpy errors(&reader, &Device::errorOccurred);
        reader.setPlugged(false);
        QCOMPARE(reader.status(), Device::Status::Unavailable);
        QCOMPARE(reader.reason(), QStringLiteral("unplugged"));
        reader.setPlugged(true);
        QCOMPARE(reader.status(), Device::Status::Ready);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(errors.count(), 0);
    }
};

QTEST_MAIN(TestSimIdCardReader)
#include "tst_sim_idcard_reader.moc"
