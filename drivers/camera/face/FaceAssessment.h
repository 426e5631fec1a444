#pragma once

#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>

// What the face quality gate says about one frame. Plain data: safe to copy across threads.

// One per failing gate, in the order a voice should say them (the first one is the most useful).
enum class FaceGuidance {
    LookAtCamera,  // no frontal face found
    OnlyOnePerson, // more than one face
    MoreLight,     // face too dark, flat, or lit from one side
    TooBright,     // face washed out
    MoveCloser,    // face too small in the frame
    MoveBack,      // face too large (cut off)
    MoveToCentre,  // face too far from the centre
    KeepSteady,    // face region blurred (motion or focus)
    HoldStill,     // face box not yet stable over the last frames
};

// Stable keys for logs, QML and translations: "look_at_camera", "only_one_person", "more_light",
// "too_bright", "move_closer", "move_back", "move_to_centre", "keep_steady", "hold_still".
QString faceGuidanceKey(FaceGuidance guidance);

struct FaceAssessment
{
    enum class State {
        Error,  // the frame could not be analysed (see error)
        NoFace, // no face (guidance: look at the camera, or more light when the whole frame is dark)
        Adjust, // a face, but at least one gate fails
        Ready,  // every gate passes: this frame can be kept
    };

    State state = State::Error;
    QString error;                   // why the frame could not be analysed (no personal data)
    QList<FaceGuidance> guidance;    // one per failing gate, priority order; empty when Ready

    int faceCount = 0;
    QList<QRect> faces;              // every face found, frame pixels
    QRect face;                      // the face in frame pixels (when faceCount == 1)
    double widthFraction = 0;        // face width / frame width
    double offsetX = 0;              // face centre - frame centre, in frame widths (-0.5..0.5)
    double offsetY = 0;              // face centre - target height, in frame heights
    double sharpness = 0;            // variance of the Laplacian of the face (see FaceGateConfig::minSharpness)
    double meanLuma = 0;             // face mean grey level 0..255
    double lowLuma = 0, highLuma = 0; // 5th / 95th percentile of the face's grey levels
    double sideImbalance = 0;        // |left half mean - right half mean| / brighter half mean
    double frameLuma = 0;            // whole-frame mean grey level
    int stillFrames = 0;             // consecutive frames (this one included) with a stable face box

    bool isReady() const { return state == State::Ready; }
    QStringList guidanceKeys() const;
};

QString faceStateName(FaceAssessment::State state);
