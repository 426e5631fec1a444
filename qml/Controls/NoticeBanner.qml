import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A message from the controller to the resident ("Some entries need your attention."), shown across the
// bottom of the screen until it is dismissed or the controller clears it. Hidden when there is no text.
Rectangle {
    id: banner

    property string text

    signal dismissRequested()

    objectName: "notice"
    visible: text.length > 0
    implicitHeight: visible ? Math.max(Theme.touchTarget, row.implicitHeight) + 2 * Theme.spacing : 0
    color: Theme.warningLight
    border.color: Theme.warning
    border.width: Theme.borderWidth

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing

        Label {
            objectName: "notice.text"
            text: banner.text
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
            Layout.fillWidth: true
        }

        KioskButton {
            objectName: "notice.dismiss"
            text: qsTr("OK")
            Layout.alignment: Qt.AlignVCenter
            onClicked: banner.dismissRequested()
        }
    }
}
