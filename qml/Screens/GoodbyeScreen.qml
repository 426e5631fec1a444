import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The end of a visit. The session ends by itself after a few seconds; "Finish" ends it at once.
Rectangle {
    id: screen
    objectName: "screen.goodbye"
    color: Theme.headerBackground

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.margin

        Label {
            text: qsTr("Thank you!")
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Please take your ID card and your receipt with you.")
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        KioskButton {
            objectName: "goodbye.finish"
            text: qsTr("Finish")
            fontSize: Theme.fontHeading
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredHeight: Theme.bigButtonHeight
            Layout.preferredWidth: Math.round(480 * Theme.scale)
            onClicked: Session.endSession()
        }
    }
}
