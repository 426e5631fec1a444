import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// Shown while nobody is being served. A tap anywhere starts; so does placing an ID card on the reader
// (the session controller hears the card itself).
Rectangle {
    id: screen
    objectName: "screen.attract"
    color: Theme.headerBackground

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing * 2

        Item { Layout.fillHeight: true }

        Label {
            text: Kiosk.centerName
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Self-service kiosk")
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }

        Item { Layout.preferredHeight: Theme.margin }

        Rectangle {
            radius: height / 2
            color: Theme.surface
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: tapLabel.implicitWidth + 4 * Theme.margin
            Layout.preferredHeight: Theme.bigButtonHeight

            Label {
                id: tapLabel
                anchors.centerIn: parent
                text: qsTr("Tap the screen to start")
                color: Theme.primary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }

            SequentialAnimation on opacity {
                running: Theme.animations
                alwaysRunToEnd: true
                loops: Animation.Infinite
                NumberAnimation { to: 0.6; duration: 1200; easing.type: Easing.InOutQuad }
                NumberAnimation { to: 1.0; duration: 1200; easing.type: Easing.InOutQuad }
            }
        }

        Label {
            text: qsTr("or place your ID card on the reader")
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }

        Item { Layout.fillHeight: true }

        // For the staff walking by: cases saved here that the platform has not acknowledged yet.
        Label {
            objectName: "attract.pending"
            visible: Sync.pendingCount > 0
            text: qsTr("%n application(s) waiting to be sent to the platform", "", Sync.pendingCount)
            color: Theme.textOnPrimary
            opacity: 0.8
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            horizontalAlignment: Text.AlignRight
            Layout.fillWidth: true
            Layout.margins: Theme.margin
        }
    }

    // The whole screen is the start button.
    AbstractButton {
        objectName: "attract.start"
        anchors.fill: parent
        focusPolicy: Qt.NoFocus
        onClicked: Session.begin()
    }

    // The elderly mode (长辈版) in one tap: larger text and targets, voice, more time; the session starts.
    KioskButton {
        objectName: "attract.elderly"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        text: qsTr("Elderly mode: large text and voice")
        onClicked: {
            DisplayMode.elderly = true
            Session.begin()
        }
    }

    // The technician's way in: hold the top-right corner for three seconds, then the PIN. A short tap
    // there starts a session like anywhere else. Without a configured PIN the corner is a plain start area.
    MouseArea {
        objectName: "attract.technician"
        anchors.top: parent.top
        anchors.right: parent.right
        width: Theme.touchTarget * 2
        height: Theme.touchTarget * 2
        pressAndHoldInterval: 3000
        onClicked: Session.begin()
        onPressAndHold: Technician.requestAccess()
    }
}
