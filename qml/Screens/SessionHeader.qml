import QtQuick
import OneStop.Controls
import OneStop.Core

// The screen header wired to the session: the center's name, who is being served (masked by the
// controller), "Back" -> Session.back(), "End" -> Session.endSession(), and the resident's switches ->
// DisplayMode (elderly mode, voice).
ScreenHeader {
    centerName: Kiosk.centerName
    residentText: Session.identified ? qsTr("%1  %2").arg(Session.residentName).arg(Session.residentIdNumber) : ""
    onBackRequested: Session.back()
    onEndRequested: Session.endSession()
    elderly: DisplayMode.elderly
    voice: DisplayMode.voice
    onElderlyToggled: DisplayMode.toggleElderly()
    onVoiceToggled: DisplayMode.toggleVoice()
}
