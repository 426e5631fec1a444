import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls

// Shown instead of the kiosk when it cannot serve anyone: its configuration was refused or its case
// store cannot be opened. Residents are sent to the counter; the technician reads what is wrong (the same
// text as in the log). Needs none of the controllers, which do not exist in this state.
Window {
    id: window
    objectName: "outOfService.window"

    property string details

    width: 1920
    height: 1080
    title: qsTr("OneStop self-service kiosk")
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            text: qsTr("This kiosk is out of service.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            color: Theme.text
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        Label {
            text: qsTr("Please go to the service counter; the staff will help you.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            color: Theme.text
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        Label {
            text: qsTr("For the technician:")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            Layout.topMargin: Theme.margin
        }
        Label {
            objectName: "outOfService.details"
            text: window.details
            textFormat: Text.PlainText
            font.family: "monospace"
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
            Layout.fillHeight: true
            verticalAlignment: Text.AlignTop
        }
    }
}
