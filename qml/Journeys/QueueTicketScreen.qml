import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core
import OneStop.Screens
import OneStop.Journeys.Queue

// The queue-ticket journey (取号): the counter services with the people waiting, then the ticket number
// with its QR code. The controller (QueueTicket) decides everything; this screen shows its state.
Rectangle {
    id: screen
    objectName: "screen.queueTicket"
    color: Theme.background

    readonly property bool issued: QueueTicket.state === QueueTicketController.Issued
                                   || QueueTicket.state === QueueTicketController.IssuedOffline

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: qsTr("Take a queue ticket")
            backVisible: QueueTicket.state === QueueTicketController.ChoosingService
            backName: "queue.back"
            Layout.fillWidth: true
        }

        // Choose a counter service.
        ColumnLayout {
            objectName: "queue.services"
            visible: QueueTicket.state === QueueTicketController.ChoosingService
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            Label {
                text: qsTr("Which counter service do you need?")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: QueueTicket.services.length === 0
                text: qsTr("Queue tickets cannot be taken at this kiosk right now. Please ask the staff at the counter.")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            // A booking instead: the appointment check-in (its own journey).
            KioskButton {
                objectName: "queue.appointment"
                visible: Session.offersJourney("appointment")
                text: qsTr("I have an appointment: check in")
                Layout.fillWidth: true
                onClicked: Session.startJourney("appointment")
            }
            Repeater {
                model: QueueTicket.services
                delegate: KioskButton {
                    required property var modelData
                    objectName: "queue.service." + modelData.serviceId
                    kind: "primary"
                    text: modelData.waiting >= 0
                          ? qsTr("%1 (%2 waiting)").arg(modelData.name).arg(modelData.waiting)
                          : modelData.name
                    fontSize: Theme.fontHeading
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: QueueTicket.chooseService(modelData.serviceId)
                }
            }
            Item { Layout.fillHeight: true }
        }

        // Asking the platform.
        Label {
            objectName: "queue.requesting"
            visible: QueueTicket.state === QueueTicketController.Requesting
            text: qsTr("Taking a number for you. Please wait a moment.")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin
        }

        // The ticket.
        RowLayout {
            objectName: "queue.ticket"
            visible: screen.issued
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            ColumnLayout {
                spacing: Theme.smallSpacing
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignVCenter

                Label {
                    text: qsTr("Your number")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHeading
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "queue.number"
                    text: QueueTicket.ticketNumber
                    color: Theme.primary
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(Theme.fontHuge * 1.6)
                    font.bold: true
                    Layout.fillWidth: true
                }
                Label {
                    text: QueueTicket.serviceName
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHeading
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: QueueTicket.waiting < 0
                          ? qsTr("The number of people waiting is not known right now.")
                          : QueueTicket.state === QueueTicketController.IssuedOffline
                            ? qsTr("People ahead of you (as last known): %1").arg(QueueTicket.waiting)
                            : qsTr("People ahead of you: %1").arg(QueueTicket.waiting)
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Taken at %1").arg(QueueTicket.issuedAtText)
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "queue.offline"
                    visible: QueueTicket.state === QueueTicketController.IssuedOffline
                    text: qsTr("This kiosk is offline: your number is valid and will be sent to the queue system.")
                    color: Theme.warning
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "queue.printed"
                    visible: QueueTicket.printState === QueueTicketController.Printed
                             || QueueTicket.printState === QueueTicketController.Printing
                    text: qsTr("Please take your ticket from the printer and wait for your number to be called.")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "queue.printProblem"
                    visible: QueueTicket.printState === QueueTicketController.NotPrinted
                    text: QueueTicket.message
                    color: Theme.error
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }

            ColumnLayout {
                spacing: Theme.spacing
                Layout.alignment: Qt.AlignVCenter

                Rectangle {
                    color: Theme.codeBackground
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.round(340 * Theme.scale)
                    Layout.preferredHeight: Math.round(340 * Theme.scale)

                    Image {
                        objectName: "queue.qr"
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        source: QueueTicket.qrText.length > 0 ? "image://qr/" + encodeURIComponent(QueueTicket.qrText) : ""
                        sourceSize.width: Math.round(300 * Theme.scale)
                        sourceSize.height: Math.round(300 * Theme.scale)
                        fillMode: Image.PreserveAspectFit
                        smooth: false
                        cache: false
                    }
                }
                KioskButton {
                    objectName: "queue.done"
                    kind: "primary"
                    text: qsTr("Done")
                    fontSize: Theme.fontHeading
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: QueueTicket.finish()
                }
            }
        }

        // No number.
        ColumnLayout {
            objectName: "queue.failed"
            visible: QueueTicket.state === QueueTicketController.Failed
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            Item { Layout.fillHeight: true }
            Label {
                objectName: "queue.failure"
                text: QueueTicket.message
                color: Theme.error
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.spacing
                Layout.alignment: Qt.AlignHCenter

                KioskButton {
                    objectName: "queue.tryAgain"
                    text: qsTr("Choose again")
                    onClicked: QueueTicket.tryAgain()
                }
                KioskButton {
                    objectName: "queue.failedDone"
                    kind: "primary"
                    text: qsTr("Done")
                    onClicked: QueueTicket.finish()
                }
            }
            Item { Layout.fillHeight: true }
        }

    }
}
