import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The band at the top of every screen: the service center's name, the screen's title, who is being served
// (masked), a "Back" control (named by the screen, e.g. "form.back"), the resident's two switches (elderly
// mode "header.elderly", voice "header.voice") and an "End" control ("header.end").
Rectangle {
    id: header

    property string centerName
    property string title
    property string residentText   // already masked by the controller
    property bool backVisible: false
    property string backName: ""
    property bool endVisible: true
    property bool modeTogglesVisible: true
    property bool elderly: false
    property bool voice: false

    signal backRequested()
    signal endRequested()
    signal elderlyToggled()
    signal voiceToggled()

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
            minimumWidth: Theme.toggleMinWidth
            text: qsTr("Back")
            Layout.alignment: Qt.AlignVCenter
            onClicked: header.backRequested()
        }

        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter

            RowLayout {
                spacing: Theme.spacing
                Layout.fillWidth: true

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
                    objectName: "header.resident"
                    visible: header.residentText.length > 0
                    text: header.residentText
                    color: Theme.textOnPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                }
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

        // Larger text and targets, no pop-ups, more time (长辈版): for this session only.
        KioskButton {
            objectName: "header.elderly"
            visible: header.modeTogglesVisible
            selected: header.elderly
            toggle: true
            minimumWidth: Theme.toggleMinWidth
            fontSize: Theme.fontSmall
            text: qsTr("Elderly mode")
            Layout.alignment: Qt.AlignVCenter
            onClicked: header.elderlyToggled()
        }

        // Each screen's instruction and every notice read aloud.
        KioskButton {
            objectName: "header.voice"
            visible: header.modeTogglesVisible
            selected: header.voice
            toggle: true
            minimumWidth: Theme.toggleMinWidth
            fontSize: Theme.fontSmall
            text: qsTr("Voice")
            Layout.alignment: Qt.AlignVCenter
            onClicked: header.voiceToggled()
        }

        KioskButton {
            objectName: "header.end"
            visible: header.endVisible
            minimumWidth: Theme.toggleMinWidth
            kind: "danger"
            text: qsTr("End")
            Layout.alignment: Qt.AlignVCenter
            onClicked: header.endRequested()
        }
    }
}
