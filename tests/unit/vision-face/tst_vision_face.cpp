#include "FaceFrames.h"
#include "FaceQualityGate.h"
#include "StrictWarnings.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using State = FaceAssessment::State;

// The face gates on skimage's astronaut portrait and transformed copies of it.
class TestVisionFace : public QObject
{
    Q_OBJECT
    QImage m_frame; // the portrait framed as a kiosk camera sees it

    static QString describe(const FaceAssessment &a)
    {
        return QStringLiteral("state=%1 faces=%2 width=%3 offset=(%4,%5) sharp=%6 luma=%7 [%8..%9] imbalance=%10 still=%11 keys=%12 %13")
            .arg(faceStateName(a.state)).arg(a.faceCount).arg(a.widthFraction, 0, 'f', 3)
            .arg(a.offsetX, 0, 'f', 3).arg(a.offsetY, 0, 'f', 3).arg(a.sharpness, 0, 'f', 1)
            .arg(a.meanLuma, 0, 'f', 1).arg(a.lowLuma).arg(a.highLuma).arg(a.sideImbalance, 0, 'f', 2)
            .arg(a.stillFrames).arg(a.guidanceKeys().join(QLatin1Char(','))).arg(a.error);
    }

    // Assesses the frame `times` times in a row (a resident holding still) and returns the last result.
    static FaceAssessment held(FaceQualityGate &gate, const QImage &frame, int times)
    {
        FaceAssessment a;
        for (int i = 0; i < times; ++i)
            a = gate.assess(frame);
        qInfo().noquote() << describe(a);
        return a;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QString error;
        const QImage portrait = FaceFrames::portrait(&error);
        if (portrait.isNull())
            QFAIL(qPrintable(error));
        m_frame = FaceFrames::kioskFrame(portrait);
        QCOMPARE(m_frame.size(), QSize(640, 480));
    }

    void missingCascadeIsAClearError()
    {
        QTemporaryDir dir;
        FaceGateConfig config;
        config.cascadePath = dir.filePath(QStringLiteral("nope.xml"));
        FaceQualityGate gate(config);
        QVERIFY(!gate.isReady());
        QVERIFY2(gate.errorString().contains(config.cascadePath), qPrintable(gate.errorString()));
        const FaceAssessment a = gate.assess(m_frame);
        QCOMPARE(a.state, State::Error);
        QVERIFY(a.error.contains(QStringLiteral("face cascade")));

        // A file that is not a cascade.
        QFile junk(dir.filePath(QStringLiteral("junk.xml")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("<opencv_storage><nothing/></opencv_storage>\n");
        junk.close();
        config.cascadePath = junk.fileName();
        FaceQualityGate junkGate(config);
        QVERIFY(!junkGate.isReady());
        QVERIFY2(junkGate.errorString().contains(QStringLiteral("junk.xml")), qPrintable(junkGate.errorString()));
    }

    void portraitPassesOnceStill()
    {
        FaceQualityGate gate;
        QVERIFY2(gate.isReady(), qPrintable(gate.errorString()));
        const FaceAssessment first = gate.assess(m_frame);
        qInfo().noquote() << describe(first);
        QCOMPARE(first.faceCount, 1);
        QCOMPARE(first.guidanceKeys(), QStringList{QStringLiteral("hold_still")}); // one frame is not "still"
        const FaceAssessment a = held(gate, m_frame, gate.config().stillFrames - 1);
        QVERIFY2(a.isReady(), qPrintable(describe(a)));
        QVERIFY(a.guidance.isEmpty());
        // The face box is where the portrait has the face (around x 240..400, y 60..230 in this frame).
        QVERIFY2(QRect(200, 20, 240, 260).contains(a.face), qPrintable(describe(a)));
        QVERIFY(a.sharpness >= gate.config().minSharpness);
    }

    void tooSmall()
    {
        FaceQualityGate gate;
        const FaceAssessment a = held(gate, FaceFrames::placed(m_frame, 0.5, 0, 0), 3);
        QCOMPARE(a.state, State::Adjust);
        QCOMPARE(a.faceCount, 1);
        QCOMPARE(a.guidanceKeys(), QStringList{QStringLiteral("move_closer")});
    }

    void offCentre()
    {
        FaceQualityGate gate;
        const FaceAssessment a = held(gate, FaceFrames::placed(m_frame, 1.0, 220, 0), 3);
        QCOMPARE(a.state, State::Adjust);
        QCOMPARE(a.guidanceKeys(), QStringList{QStringLiteral("move_to_centre")});
        QVERIFY(a.offsetX > 0.15);
    }

    void blurred()
    {
        FaceQualityGate gate;
        const FaceAssessment a = held(gate, FaceFrames::blurred(m_frame, 3.0), 3);
        QCOMPARE(a.state, State::Adjust);
        QCOMPARE(a.guidanceKeys(), QStringList{QStringLiteral("keep_steady")});
    }

    void twoFaces()
    {
        FaceQualityGate gate;
        const FaceAssessment a = held(gate, FaceFrames::sideBySide(m_frame), 3);
        QCOMPARE(a.state, State::Adjust);
        QCOMPARE(a.faceCount, 2);
        QCOMPARE(a.guidanceKeys(), QStringList{QStringLiteral("only_one_person")});
    }

    void dark()
    {
        FaceQualityGate gate;
        const FaceAssessment a = held(gate, FaceFrames::dimmed(m_frame, 0.25), 3);
        QVERIFY(!a.isReady());
        QCOMPARE(a.guidanceKeys().value(0), QStringLiteral("more_light"));
    }

    void litFromOneSide()
    {
        FaceQualityGate gate;
        const FaceAssessment a = held(gate, FaceFrames::dimmed(m_frame, 1.0, 0.4), 3);
        QVERIFY(!a.isReady());
        QVERIFY2(a.sideImbalance > gate.config().maxSideImbalance, qPrintable(describe(a)));
        QCOMPARE(a.guidanceKeys().value(0), QStringLiteral("more_light"));
    }

    void movingIsNotStill()
    {
        FaceQualityGate gate;
        const int shifts[] = {-40, 0, 40, 0, -40, 0, 40};
        for (int dx : shifts) {
            const FaceAssessment a = gate.assess(FaceFrames::placed(m_frame, 1.0, dx, 0));
            QCOMPARE(a.faceCount, 1);
            QVERIFY2(!a.isReady(), qPrintable(describe(a)));
            QCOMPARE(a.guidanceKeys(), QStringList{QStringLiteral("hold_still")});
        }
        // The same resident holding still (2 px of jitter) passes after stillFrames frames.
        gate.reset();
        const int jitter[] = {0, 2, -1, 1};
        FaceAssessment a;
        int readyAt = -1;
        for (int i = 0; i < 4; ++i) {
            a = gate.assess(FaceFrames::placed(m_frame, 1.0, jitter[i], jitter[3 - i]));
            if (a.isReady() && readyAt < 0)
                readyAt = i + 1;
        }
        QCOMPARE(readyAt, gate.config().stillFrames);
    }

    void garbageIsNoFaceNotACrash()
    {
        FaceQualityGate gate;
        QImage noise(320, 240, QImage::Format_RGB32);
        QRandomGenerator rng(7);
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x)
                noise.setPixel(x, y, rng.generate() | 0xff000000u);
        const FaceAssessment a = gate.assess(noise);
        QCOMPARE(a.state, State::NoFace);
        QCOMPARE(a.guidanceKeys(), QStringList{QStringLiteral("look_at_camera")});

        QCOMPARE(gate.assess(QImage()).state, State::Error);
        QCOMPARE(gate.assess(QImage(8, 8, QImage::Format_RGB32)).state, State::Error);
        for (const QSize &size : {QSize(40, 2000), QSize(3000, 40)}) {
            QImage odd(size, QImage::Format_RGB32);
            odd.fill(Qt::gray);
            QCOMPARE(gate.assess(odd).state, State::NoFace);
        }
        QImage black(640, 480, QImage::Format_RGB32);
        black.fill(Qt::black);
        QCOMPARE(gate.assess(black).guidanceKeys(), QStringList{QStringLiteral("more_light")});
        // Other pixel formats are converted, not refused.
        const FaceAssessment grey = held(gate, m_frame.convertToFormat(QImage::Format_Grayscale8), 3);
        QVERIFY2(grey.isReady(), qPrintable(describe(grey)));
        const FaceAssessment rgb16 = held(gate, m_frame.convertToFormat(QImage::Format_RGB16), 3);
        QVERIFY2(rgb16.isReady(), qPrintable(describe(rgb16)));
    }

    void haarCascadeAlsoWorks()
    {
        FaceGateConfig config;
        config.cascadePath = QStringLiteral("/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml");
        FaceQualityGate gate(config);
        QVERIFY2(gate.isReady(), qPrintable(gate.errorString()));
        QVERIFY2(held(gate, m_frame, 3).isReady(), "haar: the portrait");
        QCOMPARE(held(gate, FaceFrames::sideBySide(m_frame), 1).faceCount, 2);
        QCOMPARE(held(gate, FaceFrames::blurred(m_frame, 3.0), 3).guidanceKeys(), QStringList{QStringLiteral("keep_steady")});
    }
};

QTEST_GUILESS_MAIN(TestVisionFace)
#include "tst_vision_face.moc"
