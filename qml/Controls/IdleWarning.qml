import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Asked when nobody touched the screen for a while: "Do you need more time?", with the seconds left to
// answer. It covers the whole screen and swallows every tap outside its two buttons, so only an explicit
// answer counts. The window wires the answers to the session (extend / end). Without pop-ups (the elderly
// mode) it is a screen of its own: no dimmed screen behind a box, the question across the whole width.
Item {
    id: warning

    property int secondsLeft: 0

    signal extendRequested()
    signal endRequested()

    objectName: "idle.warning"

    Rectangle {
        anchors.fill: parent
        color: Theme.popups ? Theme.overlay : Theme.background
    }

    // Taps that miss the buttons are not an answer.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        preventStealing: true
    }

    Rectangle {
        anchors.centerIn: parent
        width: Theme.popups ? Math.min(parent.width - 2 * Theme.margin, Math.round(1100 * Theme.scale)) : parent.width - 2 * Theme.margin
        height: content.implicitHeight + 2 * Theme.margin
        radius: Theme.radius * 2
        color: Theme.surface

        ColumnLayout {
            id: content
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.spacing

            Label {
                text: qsTr("Do you need more time?")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label {
                objectName: "idle.secondsLeft"
                text: qsTr("For your privacy, this session will end in %n second(s).", "", warning.secondsLeft)
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            KioskButton {
                objectName: "idle.extend"
                kind: "primary"
                text: qsTr("I need more time")
                fontSize: Theme.fontHeading
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.bigButtonHeight
                onClicked: warning.extendRequested()
            }

            KioskButton {
                objectName: "idle.end"
                text: qsTr("End now")
                Layout.alignment: Qt.AlignHCenter
                onClicked: warning.endRequested()
            }
        }
    }
}
