#include "FaceAssessment.h"

QString faceGuidanceKey(FaceGuidance guidance)
{
    switch (guidance) {
    case FaceGuidance::LookAtCamera: return QStringLiteral("look_at_camera");
    case FaceGuidance::OnlyOnePerson: return QStringLiteral("only_one_person");
    case FaceGuidance::MoreLight: return QStringLiteral("more_light");
    case FaceGuidance::TooBright: return QStringLiteral("too_bright");
    case FaceGuidance::MoveCloser: return QStringLiteral("move_closer");
    case FaceGuidance::MoveBack: return QStringLiteral("move_back");
    case FaceGuidance::MoveToCentre: return QStringLiteral("move_to_centre");
    case FaceGuidance::KeepSteady: return QStringLiteral("keep_steady");
    case FaceGuidance::HoldStill: return QStringLiteral("hold_still");
    }
    return QStringLiteral("unknown");
}

QStringList FaceAssessment::guidanceKeys() const
{
    QStringList keys;
    for (FaceGuidance g : guidance)
        keys.append(faceGuidanceKey(g));
    return keys;
}

QString faceStateName(FaceAssessment::State state)
{
    switch (state) {
    case FaceAssessment::State::Error: return QStringLiteral("error");
    case FaceAssessment::State::NoFace: return QStringLiteral("no_face");
    case FaceAssessment::State::Adjust: return QStringLiteral("adjust");
    case FaceAssessment::State::Ready: return QStringLiteral("ready");
    }
    return QStringLiteral("unknown");
}
