import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The technician's PIN on the shared PinPad, checked by the Technician controller.
Rectangle {
    id: screen
    objectName: "technician.pinpad"
    color: Theme.background

    MouseArea {
        anchors.fill: parent
        onPressed: (mouse) => { Technician.touched(); mouse.accepted = false }
    }

    PinPad {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.touchTarget * 8)
        namePrefix: "technician"
        title: qsTr("Technician PIN")
        entering: Technician.state === TechnicianController.EnteringPin
        message: Technician.state === TechnicianController.Locked
                 ? qsTr("Too many wrong PINs. Try again in %n second(s).", "", Technician.lockSecondsLeft)
                 : Technician.message
        onSubmitted: pin => Technician.submitPin(pin)
        onCancelled: Technician.cancel()
    }
}
