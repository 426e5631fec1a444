import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core
import OneStop.Screens
import OneStop.Journeys.Appointment

// The appointment check-in journey (预约签到): the booking's QR code to the scanner, or its code typed;
// then the ticket, or why not. The controller (AppointmentCheckIn) decides; this screen shows its state.
Rectangle {
    id: screen
    objectName: "screen.appointmentCheckIn"
    color: Theme.background

    property string typedCode: ""

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: qsTr("Appointment check-in")
            backVisible: AppointmentCheckIn.state === AppointmentCheckInController.EnterCode
            backName: "appointment.back"
            Layout.fillWidth: true
        }

        // The booking's code.
        ColumnLayout {
            visible: AppointmentCheckIn.state === AppointmentCheckInController.EnterCode
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            Label {
                text: qsTr("Show the QR code of your booking to the code scanner, or type the appointment code.")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            FieldEditor {
                inputName: "appointment.code"
                label: qsTr("Appointment code")
                type: "text"
                value: screen.typedCode
                Layout.fillWidth: true
                onEdited: text => screen.typedCode = text
            }
            KioskButton {
                objectName: "appointment.submit"
                kind: "primary"
                text: qsTr("Check in")
                enabled: screen.typedCode.length > 0
                Layout.preferredHeight: Theme.bigButtonHeight
                onClicked: AppointmentCheckIn.submitCode(screen.typedCode)
            }
            Item { Layout.fillHeight: true }
        }

        Label {
            visible: AppointmentCheckIn.state === AppointmentCheckInController.Checking
            text: qsTr("Checking your appointment. Please wait a moment.")
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

        // Checked in: the ticket.
        RowLayout {
            objectName: "appointment.ticket"
            visible: AppointmentCheckIn.state === AppointmentCheckInController.CheckedIn
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            ColumnLayout {
                spacing: Theme.smallSpacing
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignVCenter

                Label {
                    text: qsTr("You are checked in. Your number")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHeading
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "appointment.number"
                    text: AppointmentCheckIn.ticketNumber
                    color: Theme.primary
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(Theme.fontHuge * 1.6)
                    font.bold: true
                    Layout.fillWidth: true
                }
                Label {
                    text: AppointmentCheckIn.serviceName
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHeading
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Your appointment: %1").arg(AppointmentCheckIn.slotText)
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    Layout.fillWidth: true
                }
                Label {
                    visible: AppointmentCheckIn.waiting >= 0
                    text: qsTr("People ahead of you: %1").arg(AppointmentCheckIn.waiting)
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    Layout.fillWidth: true
                }
                Label {
                    visible: AppointmentCheckIn.message.length > 0
                    text: AppointmentCheckIn.message
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
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        source: AppointmentCheckIn.qrText.length > 0 ? "image://qr/" + encodeURIComponent(AppointmentCheckIn.qrText) : ""
                        sourceSize.width: Math.round(300 * Theme.scale)
                        sourceSize.height: Math.round(300 * Theme.scale)
                        fillMode: Image.PreserveAspectFit
                        smooth: false
                        cache: false
                    }
                }
                KioskButton {
                    objectName: "appointment.done"
                    kind: "primary"
                    text: qsTr("Done")
                    fontSize: Theme.fontHeading
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: AppointmentCheckIn.finish()
                }
            }
        }

        // Refused or not possible now: why, and what to do.
        ColumnLayout {
            visible: AppointmentCheckIn.state === AppointmentCheckInController.Refused
                     || AppointmentCheckIn.state === AppointmentCheckInController.Failed
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            Item { Layout.fillHeight: true }
            Label {
                objectName: "appointment.refusal"
                text: AppointmentCheckIn.message
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
                    objectName: "appointment.tryAgain"
                    text: qsTr("Try another code")
                    onClicked: {
                        screen.typedCode = ""
                        AppointmentCheckIn.tryAgain()
                    }
                }
                KioskButton {
                    objectName: "appointment.failedDone"
                    kind: "primary"
                    text: qsTr("Done")
                    onClicked: AppointmentCheckIn.finish()
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
