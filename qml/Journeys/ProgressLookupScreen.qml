import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core
import OneStop.Screens
import OneStop.Journeys.Lookup

// The progress lookup journey (办件查询): the receipt's QR code to the scanner, the case number typed, or
// the ID card on the reader (or a personal identity code) for the resident's own cases; then the status,
// its history, or why not. The controller (Lookup) decides; this screen shows its state.
Rectangle {
    id: screen
    objectName: "screen.progressLookup"
    color: Theme.background

    property string typedNumber: ""

    component BigLabel: Label {
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontHeading
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    component BodyLabel: Label {
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: qsTr("Check the progress of an application")
            backVisible: Lookup.state === ProgressLookupController.Choose
            backName: "lookup.back"
            Layout.fillWidth: true
        }

        // The ways in.
        ColumnLayout {
            visible: Lookup.state === ProgressLookupController.Choose
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            BigLabel {
                objectName: "lookup.howTo"
                text: qsTr("Show the QR code on your receipt to the code scanner, or put your ID card on the reader to see all your applications.")
            }
            KioskButton {
                objectName: "lookup.typeNumber"
                kind: "primary"
                text: qsTr("Type the case number")
                fontSize: Theme.fontHeading
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.bigButtonHeight
                onClicked: {
                    screen.typedNumber = ""
                    Lookup.enterNumber()
                }
            }
            KioskButton {
                objectName: "lookup.myCases"
                visible: Lookup.residentKnown
                text: qsTr("Show my applications again")
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.bigButtonHeight
                onClicked: Lookup.showMyCases()
            }
            Item { Layout.fillHeight: true }
        }

        // The case number on the keyboard.
        ColumnLayout {
            visible: Lookup.state === ProgressLookupController.EnterNumber
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            BigLabel {
                text: qsTr("Type the case number printed on your receipt.")
            }
            FieldEditor {
                inputName: "lookup.number"
                label: qsTr("Case number")
                type: "text"
                value: screen.typedNumber
                Layout.fillWidth: true
                onEdited: text => screen.typedNumber = text
            }
            RowLayout {
                spacing: Theme.spacing
                Layout.fillWidth: true
                KioskButton {
                    objectName: "lookup.numberBack"
                    text: qsTr("Back")
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: Lookup.back()
                }
                KioskButton {
                    objectName: "lookup.submit"
                    kind: "primary"
                    text: qsTr("Check")
                    enabled: screen.typedNumber.length > 0
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: Lookup.submitNumber(screen.typedNumber)
                }
            }
            Item { Layout.fillHeight: true }
        }

        BigLabel {
            objectName: "lookup.searching"
            visible: Lookup.state === ProgressLookupController.Searching
            text: qsTr("Looking up your application. Please wait a moment.")
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            Layout.fillHeight: true
            Layout.margins: Theme.margin
        }

        // One case: its status and history.
        ColumnLayout {
            objectName: "lookup.result"
            visible: Lookup.state === ProgressLookupController.Result
            spacing: Theme.smallSpacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            BodyLabel {
                text: Lookup.serviceName
                color: Theme.textMuted
            }
            Label {
                objectName: "lookup.status"
                text: Lookup.statusText
                color: Lookup.waitingToBeSent ? Theme.text : Theme.primary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHuge
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            BodyLabel {
                objectName: "lookup.caseNumber"
                text: qsTr("Case number: %1").arg(Lookup.caseNumber)
            }
            BodyLabel {
                visible: Lookup.submittedText.length > 0
                text: qsTr("Submitted on %1").arg(Lookup.submittedText)
            }
            BodyLabel {
                objectName: "lookup.offlineNote"
                visible: Lookup.message.length > 0
                text: Lookup.message
                color: Lookup.source === ProgressLookupController.LocalCache ? Theme.error : Theme.text
                font.bold: true
            }
            ListView {
                objectName: "lookup.history"
                model: Lookup.history
                clip: true
                spacing: Theme.smallSpacing
                Layout.fillWidth: true
                Layout.fillHeight: true
                delegate: ColumnLayout {
                    required property var modelData
                    width: ListView.view.width
                    spacing: 0
                    Label {
                        text: qsTr("%1  %2").arg(modelData.atText).arg(modelData.statusText)
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.note.length > 0
                        text: modelData.note
                        color: Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
            RowLayout {
                spacing: Theme.spacing
                Layout.alignment: Qt.AlignHCenter
                KioskButton {
                    objectName: "lookup.resultBack"
                    text: qsTr("Back")
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: Lookup.back()
                }
                KioskButton {
                    objectName: "lookup.done"
                    kind: "primary"
                    text: qsTr("Done")
                    fontSize: Theme.fontHeading
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: Lookup.finish()
                }
            }
        }

        // The resident's own applications.
        ColumnLayout {
            objectName: "lookup.caseList"
            visible: Lookup.state === ProgressLookupController.CaseList
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            BigLabel {
                objectName: "lookup.applicant"
                text: qsTr("Applications of %1").arg(Lookup.applicantMasked)
            }
            BodyLabel {
                visible: Lookup.message.length > 0
                text: Lookup.message
                color: Theme.error
                font.bold: true
            }
            ListView {
                objectName: "lookup.cases"
                model: Lookup.cases
                clip: true
                spacing: Theme.smallSpacing
                Layout.fillWidth: true
                Layout.fillHeight: true
                delegate: KioskButton {
                    required property var modelData
                    required property int index
                    objectName: "lookup.case." + index
                    width: ListView.view.width
                    // Offline, a status the platform gave earlier says when it was last known.
                    text: (modelData.knownAtText || "").length > 0
                          ? qsTr("%1 · %2 (last known %5) · %3 · submitted %4").arg(modelData.serviceName)
                                .arg(modelData.statusText).arg(modelData.caseNumber).arg(modelData.submittedText)
                                .arg(modelData.knownAtText)
                          : qsTr("%1 · %2 · %3 · submitted %4").arg(modelData.serviceName).arg(modelData.statusText)
                                .arg(modelData.caseNumber).arg(modelData.submittedText)
                    onClicked: Lookup.openCase(modelData.caseId)
                }
            }
            BodyLabel {
                visible: Lookup.moreCases
                text: qsTr("Only your latest applications are shown. Please ask the staff about older ones.")
                color: Theme.textMuted
            }
            KioskButton {
                objectName: "lookup.listDone"
                kind: "primary"
                text: qsTr("Done")
                fontSize: Theme.fontHeading
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredHeight: Theme.bigButtonHeight
                onClicked: Lookup.finish()
            }
        }

        // Not found, refused or not possible now: why, and what to do.
        ColumnLayout {
            visible: Lookup.state === ProgressLookupController.NotFound
                     || Lookup.state === ProgressLookupController.Refused
                     || Lookup.state === ProgressLookupController.Failed
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            Item { Layout.fillHeight: true }
            BigLabel {
                objectName: "lookup.refusal"
                text: Lookup.message
                color: Theme.error
                horizontalAlignment: Text.AlignHCenter
            }
            RowLayout {
                spacing: Theme.spacing
                Layout.alignment: Qt.AlignHCenter
                KioskButton {
                    objectName: "lookup.tryAgain"
                    text: qsTr("Try again")
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: Lookup.back()
                }
                KioskButton {
                    objectName: "lookup.failedDone"
                    kind: "primary"
                    text: qsTr("Done")
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: Lookup.finish()
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
