import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls

// A PIN typed on the screen's own digits (a kiosk has no keyboard), for the technician and for staff. The
// digits typed are shown as dots and forgotten as soon as the PIN is submitted or the pad closes; the
// controller behind it checks the PIN. Controls are named `namePrefix + ".digit.N"`, `".pin.ok"`, ...
ColumnLayout {
    id: pad

    property string namePrefix: "technician"
    property string title
    property string message        // red under the dots: a wrong PIN, the lock
    property bool entering: true   // false while locked: the digits are disabled
    property string digits: ""

    signal submitted(string pin)
    signal cancelled()

    function clear() { digits = "" }

    spacing: Theme.spacing

    Label {
        text: pad.title
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Label {
        objectName: pad.namePrefix + ".pin.dots"
        text: "●".repeat(pad.digits.length)
        font.pixelSize: Theme.fontTitle
        color: Theme.text
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredHeight: Theme.touchTarget
    }
    Label {
        objectName: pad.namePrefix + ".pin.message"
        visible: text.length > 0
        text: pad.message
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
        enabled: pad.entering
        Layout.fillWidth: true

        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
            KioskButton {
                objectName: pad.namePrefix + ".digit." + modelData
                text: modelData
                Layout.fillWidth: true
                onClicked: if (pad.digits.length < 12) pad.digits += modelData
            }
        }
        KioskButton {
            objectName: pad.namePrefix + ".pin.clear"
            text: qsTr("Clear")
            Layout.fillWidth: true
            onClicked: pad.digits = ""
        }
        KioskButton {
            objectName: pad.namePrefix + ".digit.0"
            text: "0"
            Layout.fillWidth: true
            onClicked: if (pad.digits.length < 12) pad.digits += "0"
        }
        KioskButton {
            objectName: pad.namePrefix + ".pin.ok"
            kind: "primary"
            text: qsTr("OK")
            enabled: pad.digits.length > 0
            Layout.fillWidth: true
            onClicked: {
                const pin = pad.digits
                pad.digits = ""
                pad.submitted(pin)
            }
        }
    }
    KioskButton {
        objectName: pad.namePrefix + ".pin.cancel"
        text: qsTr("Cancel")
        Layout.fillWidth: true
        onClicked: {
            pad.digits = ""
            pad.cancelled()
        }
    }
}
