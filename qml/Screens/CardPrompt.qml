import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The session's identity questions (SessionController.prompt), in the kiosk's own style over the screen:
//   "card_removed": the card left the reader mid-session; go on or end (the session ends by itself after
//                   Session.promptSecondsLeft seconds);
//   "second_card":  another card was placed; keep the first resident or start again with the new card.
// It swallows taps outside its buttons. The controller decides; this only presents and forwards answers.
Item {
    id: prompt

    objectName: "cardPrompt"
    visible: Session.prompt !== ""

    readonly property bool removed: Session.prompt === "card_removed"

    Rectangle {
        anchors.fill: parent
        color: Theme.overlay
    }

    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        preventStealing: true
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Math.round(1100 * Theme.scale))
        height: content.implicitHeight + 2 * Theme.margin
        radius: Theme.radius * 2
        color: Theme.surface

        ColumnLayout {
            id: content
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.spacing

            Label {
                objectName: "cardPrompt.title"
                text: prompt.removed ? qsTr("Your ID card was taken off the reader. Do you want to continue?")
                                     : qsTr("Another ID card was placed on the reader.")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label {
                objectName: "cardPrompt.detail"
                text: prompt.removed
                      ? qsTr("For your privacy, this session will end in %n second(s) unless you continue.", "",
                             Session.promptSecondsLeft)
                      : qsTr("This session belongs to the first card. You can go on with it, or end it and start again with the new card: what was entered so far will be cleared.")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            KioskButton {
                objectName: "cardPrompt.continue"
                kind: "primary"
                text: prompt.removed ? qsTr("Continue") : qsTr("Continue with the first card")
                fontSize: Theme.fontHeading
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.bigButtonHeight
                onClicked: prompt.removed ? Session.continueSession() : Session.keepFirstCard()
            }

            KioskButton {
                objectName: "cardPrompt.end"
                text: prompt.removed ? qsTr("End now") : qsTr("Start again with the new card")
                Layout.alignment: Qt.AlignHCenter
                onClicked: prompt.removed ? Session.endSession() : Session.switchToNewCard()
            }
        }
    }
}
