import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The technician's PIN, typed on the screen's own digits (a kiosk has no keyboard). The digits typed are
// shown as dots and forgotten as soon as the PIN is submitted or the pad closes.
Rectangle {
    id: pad
    objectName: "technician.pinpad"
    color: Theme.background

    property string digits: ""

    function submit() {
        const pin = digits
        digits = ""
        Technician.submitPin(pin)
    }

    MouseArea {
        anchors.fill: parent
        onPressed: (mouse) => { Technician.touched(); mouse.accepted = false }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.touchTarget * 8)
        spacing: Theme.spacing

        Label {
            text: qsTr("Technician PIN")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "technician.pin.dots"
            text: "●".repeat(pad.digits.length)
            font.pixelSize: Theme.fontTitle
            color: Theme.text
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredHeight: Theme.touchTarget
        }
        Label {
            objectName: "technician.pin.message"
            visible: text.length > 0
            text: Technician.state === TechnicianController.Locked
                  ? qsTr("Too many wrong PINs. Try again in %n second(s).", "", Technician.lockSecondsLeft)
                  : Technician.message
            color: Theme.danger
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        GridLayout {
            columns: 3
            rowSpacing: Theme.smallSpacing
            columnSpacing: Theme.smallSpacing
            enabled: Technician.state === TechnicianController.EnteringPin
            Layout.fillWidth: true

            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
                KioskButton {
                    objectName: "technician.digit." + modelData
                    text: modelData
                    Layout.fillWidth: true
                    onClicked: if (pad.digits.length < 12) pad.digits += modelData
                }
            }
            KioskButton {
                objectName: "technician.pin.clear"
                text: qsTr("Clear")
                Layout.fillWidth: true
                onClicked: pad.digits = ""
            }
            KioskButton {
                objectName: "technician.digit.0"
                text: "0"
                Layout.fillWidth: true
                onClicked: if (pad.digits.length < 12) pad.digits += "0"
            }
            KioskButton {
                objectName: "technician.pin.ok"
                kind: "primary"
                text: qsTr("OK")
                enabled: pad.digits.length > 0
                Layout.fillWidth: true
                onClicked: pad.submit()
            }
        }
        KioskButton {
            objectName: "technician.pin.cancel"
            text: qsTr("Cancel")
            Layout.fillWidth: true
            onClicked: {
                pad.digits = ""
                Technician.cancel()
            }
        }
    }
}
