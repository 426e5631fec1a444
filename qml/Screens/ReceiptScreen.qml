import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The case is saved: its number, whose it is (masked), whether the department has it yet, whether the
// paper receipt came out (and what to do if not), and a QR code to follow the case.
Rectangle {
    id: screen
    objectName: "screen.receipt"
    color: Theme.background

    function syncText(state) {
        switch (state) {
        case "synced":
            return qsTr("The department has received your application.")
        case "rejected":
            return qsTr("The department could not accept your application automatically. Please ask the staff at the counter.")
        case "pending":
            return qsTr("Your application is saved at this kiosk and will be sent to the department automatically. You do not need to wait.")
        default:
            return ""
        }
    }

    function receiptText(state, problem) {
        switch (state) {
        case SubmissionController.WaitingForSync:
        case SubmissionController.Printing:
            return qsTr("Printing your receipt…")
        case SubmissionController.Printed:
            return qsTr("Please take your receipt.")
        case SubmissionController.NotPrinted:
            return problem.length > 0
                ? qsTr("Your receipt could not be printed (%1). Please write down the case number above, or ask the staff to reprint it at the counter.").arg(problem)
                : qsTr("Your receipt could not be printed. Please write down the case number above, or ask the staff to reprint it at the counter.")
        default:
            return ""
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: qsTr("Application submitted")
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: Theme.margin * 2
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            ColumnLayout {
                spacing: Theme.spacing
                Layout.fillWidth: true
                Layout.fillHeight: true

                Item { Layout.fillHeight: true }

                Label {
                    text: qsTr("Your case number")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
                Label {
                    objectName: "receipt.caseNumber"
                    text: Submission.caseNumber
                    color: Theme.primary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                    // One line, the number never broken: a long number (center, kiosk, day, store, serial)
                    // shrinks to the width instead of pushing the buttons off the screen.
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.fontTitle
                    wrapMode: Text.NoWrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "receipt.resident"
                    text: qsTr("Applicant: %1  %2").arg(Session.residentName).arg(Session.residentIdNumber)
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "receipt.sync"
                    visible: text.length > 0
                    text: screen.syncText(Submission.syncState)
                    color: Submission.syncState === "rejected" ? Theme.error
                         : Submission.syncState === "synced" ? Theme.success : Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                }
                Label {
                    objectName: "receipt.printing"
                    visible: text.length > 0
                    text: screen.receiptText(Submission.receiptState, Submission.receiptProblem)
                    color: Submission.receiptState === SubmissionController.NotPrinted ? Theme.error : Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: Submission.receiptState === SubmissionController.NotPrinted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                // The A4 application summary, for services that give one (SummaryPrint decides).
                Label {
                    objectName: "receipt.a4"
                    visible: SummaryPrint.state !== SummaryPrintController.None
                    text: {
                        switch (SummaryPrint.state) {
                        case SummaryPrintController.Printing:
                            return qsTr("Your application summary is printing on the A4 printer.")
                        case SummaryPrintController.Printed:
                            return qsTr("Please take your application summary from the A4 printer.")
                        case SummaryPrintController.AtCounter:
                            return qsTr("Your application summary could not be printed here. Please collect it at the counter with case number %1.").arg(SummaryPrint.caseNumber)
                        default:
                            return ""
                        }
                    }
                    color: SummaryPrint.state === SummaryPrintController.AtCounter ? Theme.warning : Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: SummaryPrint.state === SummaryPrintController.AtCounter
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }

                Item { Layout.fillHeight: true }
            }

            ColumnLayout {
                spacing: Theme.smallSpacing
                visible: Submission.trackingUrl.length > 0
                Layout.alignment: Qt.AlignVCenter

                Rectangle {
                    color: Theme.codeBackground
                    Layout.preferredWidth: Math.round(400 * Theme.scale)
                    Layout.preferredHeight: Math.round(400 * Theme.scale)
                    Layout.alignment: Qt.AlignHCenter

                    Image {
                        objectName: "receipt.qr"
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        source: Submission.trackingUrl.length > 0 ? "image://qr/" + encodeURIComponent(Submission.trackingUrl) : ""
                        sourceSize.width: Math.round(360 * Theme.scale)
                        sourceSize.height: Math.round(360 * Theme.scale)
                        fillMode: Image.PreserveAspectFit
                        smooth: false
                        cache: false
                    }
                }
                Label {
                    text: qsTr("Scan to follow your case")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    horizontalAlignment: Text.AlignHCenter
                    Layout.alignment: Qt.AlignHCenter
                }
            }
        }

        Rectangle {
            color: Theme.surface
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.bigButtonHeight + 2 * Theme.spacing

            KioskButton {
                objectName: "receipt.continue"
                kind: "primary"
                text: qsTr("Continue")
                anchors.right: parent.right
                anchors.rightMargin: Theme.margin
                anchors.verticalCenter: parent.verticalCenter
                height: Theme.bigButtonHeight
                width: Math.max(implicitWidth, Math.round(480 * Theme.scale))
                onClicked: Session.toRating()
            }
        }
    }
}
