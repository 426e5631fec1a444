import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// Asks for the ID card. The session controller moves on by itself once the reader has read a valid card;
// this screen only shows where the card goes. When the camera is ready, its live picture is shown too:
// a QR code shown to it reaches the session like any scanner's (CameraFrameRouter runs the camera code
// scanner only while this screen is up).
// Without a readable card (a passport, a damaged card) the resident taps "No ID card / card cannot be
// read": the NoCardPanel takes the place of the card picture for typed details confirmed by staff.
Rectangle {
    id: screen
    objectName: "screen.identify"
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: cardView.visible ? qsTr("Identify yourself") : qsTr("Identify without a card")
            backVisible: true
            backName: "identify.back"
            Layout.fillWidth: true
        }

        NoCardPanel {
            visible: !cardView.visible
            Layout.fillWidth: true
            Layout.fillHeight: true
        }

        ColumnLayout {
            id: cardView
            visible: NoCard.step === NoCardIdentityController.Closed
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            Item { Layout.fillHeight: true }

            RowLayout {
                spacing: Theme.margin
                Layout.alignment: Qt.AlignHCenter

                // The card coming down onto the reader.
                Item {
                    id: illustration
                    Layout.alignment: Qt.AlignVCenter
                    Layout.preferredWidth: Math.round(520 * Theme.scale)
                    // Lower when the "No ID card" button is offered, so that it fits below in the elderly mode.
                    Layout.preferredHeight: Math.round((NoCard.available ? 240 : 420) * Theme.scale)

                    Rectangle {
                        id: reader
                        anchors.bottom: parent.bottom
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: parent.width
                        height: Math.round(140 * Theme.scale)
                        radius: Theme.radius * 2
                        color: Theme.text

                        Label {
                            anchors.centerIn: parent
                            text: qsTr("ID card reader")
                            color: Theme.textOnPrimary
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                        }
                    }

                    Rectangle {
                        id: card
                        readonly property real restingY: reader.y - height / 2
                        x: (parent.width - width) / 2
                        y: restingY
                        width: Math.round(340 * Theme.scale)
                        height: Math.round(214 * Theme.scale)
                        radius: Theme.radius
                        color: Theme.primaryLight
                        border.color: Theme.primary
                        border.width: Theme.borderWidth

                        Rectangle {
                            x: parent.width * 0.08
                            y: parent.height * 0.2
                            width: parent.width * 0.25
                            height: parent.height * 0.55
                            radius: Theme.radius / 2
                            color: Theme.border
                        }
                        Column {
                            x: parent.width * 0.42
                            y: parent.height * 0.25
                            spacing: parent.height * 0.1
                            Repeater {
                                model: 3
                                Rectangle {
                                    width: card.width * 0.45
                                    height: card.height * 0.07
                                    radius: height / 2
                                    color: Theme.border
                                }
                            }
                        }

                        SequentialAnimation on y {
                            running: Theme.animations
                            alwaysRunToEnd: true
                            loops: Animation.Infinite
                            NumberAnimation { from: card.restingY - 160; to: card.restingY; duration: 1400; easing.type: Easing.OutCubic }
                            PauseAnimation { duration: 1000 }
                        }
                    }
                }

                // Or a QR code to the camera (only when the camera works; nothing is shown otherwise).
                ColumnLayout {
                    objectName: "identify.camera"
                    visible: CameraFeed !== null && CameraFeed.cameraReady
                    spacing: Theme.smallSpacing
                    Layout.alignment: Qt.AlignVCenter

                    CameraPreviewItem {
                        objectName: "identify.cameraPreview"
                        camera: CameraFeed ? CameraFeed.camera : null
                        mirrored: true
                        Layout.preferredWidth: Math.round((NoCard.available ? 240 : 420) * Theme.scale)
                        Layout.preferredHeight: Math.round((NoCard.available ? 180 : 315) * Theme.scale)
                    }
                    Label {
                        text: qsTr("or show your personal identity code to the code scanner or the camera")
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        Layout.preferredWidth: Math.round((NoCard.available ? 240 : 420) * Theme.scale)
                    }
                }
            }

            Label {
                text: qsTr("Please place your ID card, residence permit or permanent residence card flat on the reader")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.topMargin: NoCard.available ? Theme.spacing : Theme.margin
            }
            Label {
                text: qsTr("Leave it there until you have finished. Your card is read only to fill in your application.")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Layout.topMargin: Theme.spacing
            }
            // The code note, and the way for a resident whose card is missing or cannot be read (only where
            // a staff PIN is set), side by side so that the screen keeps its height in the elderly mode.
            RowLayout {
                spacing: Theme.spacing
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Layout.topMargin: Theme.spacing

                id: waysRow
                // Three ways in the elderly mode: their labels a size smaller (still larger than the standard
                // mode's buttons), so that they keep to one row and the screen keeps its width and height.
                readonly property bool crowded: DisplayMode.elderly && queueTicketButton.visible
                                                && progressLookupButton.visible && noCardButton.visible

                // The ways centred when the note gives way to them.
                Item {
                    visible: !qrNote.visible
                    Layout.fillWidth: true
                }
                Label {
                    id: qrNote
                    objectName: "identify.qrNote"
                    // The ways below take the row in the elderly mode, or when there are three of them (the
                    // camera's note above says it too).
                    visible: !((DisplayMode.elderly && (queueTicketButton.visible || progressLookupButton.visible))
                               || (queueTicketButton.visible && progressLookupButton.visible && noCardButton.visible))
                    text: qsTr("The code scanner reads QR codes too; the screen tells you whether a code can be used here.")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    horizontalAlignment: noCardButton.visible ? Text.AlignLeft : Text.AlignHCenter
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                // Another kind of visit that needs no card: a queue ticket for a counter.
                KioskButton {
                    id: queueTicketButton
                    fontSize: waysRow.crowded ? Theme.fontSmall : Theme.fontButton
                    objectName: "identify.queueTicket"
                    visible: Session.offersJourney("queue")
                    text: qsTr("Take a queue ticket (no ID card needed)")
                    Layout.alignment: Qt.AlignVCenter
                    onClicked: Session.startJourney("queue")
                }
                // The progress of an application made before: the receipt's QR code, its number, or the card.
                KioskButton {
                    id: progressLookupButton
                    fontSize: waysRow.crowded ? Theme.fontSmall : Theme.fontButton
                    objectName: "identify.progressLookup"
                    visible: Session.offersJourney("lookup")
                    text: qsTr("Application progress")
                    Layout.alignment: Qt.AlignVCenter
                    onClicked: Session.startJourney("lookup")
                }
                KioskButton {
                    id: noCardButton
                    fontSize: waysRow.crowded ? Theme.fontSmall : Theme.fontButton
                    objectName: "identify.noCard"
                    visible: NoCard.available
                    text: qsTr("No ID card / card cannot be read")
                    Layout.alignment: Qt.AlignVCenter
                    onClicked: NoCard.open()
                }
                Item {
                    visible: !qrNote.visible
                    Layout.fillWidth: true
                }
            }

            Item { Layout.fillHeight: true }
        }
    }
}
