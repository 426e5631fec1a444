import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The band at the top of every screen: the service center's name, the screen's title, who is being served
// (masked), a "Back" control (named by the screen, e.g. "form.back") and an "End" control ("header.end").
Rectangle {
    id: header

    property string centerName
    property string title
    property string residentText   // already masked by the controller
    property bool backVisible: false
    property string backName: ""
    property bool endVisible: true

    signal backRequested()
    signal endRequested()

    implicitHeight: Theme.headerHeight
    color: Theme.headerBackground

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing

        KioskButton {
            objectName: header.backName
            visible: header.backVisible
            text: qsTr("Back")
            Layout.alignment: Qt.AlignVCenter
            onClicked: header.backRequested()
        }

        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter

            Label {
                objectName: "header.center"
                text: header.centerName
                color: Theme.textOnPrimary
                opacity: 0.9
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                objectName: "header.title"
                text: header.title
                color: Theme.textOnPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }

        Label {
            objectName: "header.resident"
            visible: header.residentText.length > 0
            text: header.residentText
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Layout.alignment: Qt.AlignVCenter
        }

        KioskButton {
            objectName: "header.end"
            visible: header.endVisible
            kind: "danger"
            text: qsTr("End")
            Layout.alignment: Qt.AlignVCenter
            onClicked: header.endRequested()
        }
    }
}
