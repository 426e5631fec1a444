import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls

// Shown while the case is committed to the kiosk's store. There is nothing to tap: the session moves on
// to the receipt once the commit returned (or back to review with a notice if it failed).
Rectangle {
    id: screen
    objectName: "screen.saving"
    color: Theme.background

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.margin

        BusyIndicator {
            running: Theme.animations
            visible: Theme.animations
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Theme.bigButtonHeight * 1.5
            Layout.preferredHeight: Theme.bigButtonHeight * 1.5
        }
        Label {
            objectName: "saving.text"
            text: qsTr("Saving your application…")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Please wait a moment.")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
