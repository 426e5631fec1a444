import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core
import OneStop.Screens
import OneStop.Journeys.Certificate

// The certificate journey (居住证明, 户籍证明 ...): the resident's ID card or personal identity code, the
// purpose, then the certificate from the A4 printer, or its number to collect it at the counter, or why
// not. The controller (Certificate) decides; this screen shows its state.
Rectangle {
    id: screen
    objectName: "screen.certificate"
    color: Theme.background

    readonly property int phase: Certificate.state

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: Certificate.serviceName.length > 0 ? Certificate.serviceName : qsTr("Certificate")
            backVisible: screen.phase === CertificateController.NeedIdentity
                         || screen.phase === CertificateController.ChoosePurpose
            backName: "certificate.back"
            Layout.fillWidth: true
        }

        // Who: the ID card or the personal identity code (the session reads them while this is on screen).
        ColumnLayout {
            objectName: "certificate.needIdentity"
            visible: screen.phase === CertificateController.NeedIdentity
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            Item { Layout.fillHeight: true }
            Label {
                text: qsTr("Place your ID card on the reader, or show your personal identity code to the code scanner.")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "certificate.identityNotice"
                visible: Certificate.message.length > 0
                text: Certificate.message
                color: Theme.error
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Item { Layout.fillHeight: true }
        }

        // What for: the purposes of the catalog, in the resident's language.
        ColumnLayout {
            objectName: "certificate.choosePurpose"
            visible: screen.phase === CertificateController.ChoosePurpose
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            Label {
                objectName: "certificate.resident"
                text: qsTr("For %1 (ID number %2)").arg(Certificate.maskedName).arg(Certificate.maskedIdNumber)
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("What do you need the certificate for?")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            GridLayout {
                columns: 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Layout.fillWidth: true

                Repeater {
                    model: Certificate.purposes
                    KioskButton {
                        required property var modelData
                        objectName: "certificate.purpose." + modelData.id
                        text: modelData.name
                        fontSize: Theme.fontHeading
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.bigButtonHeight
                        onClicked: Certificate.choosePurpose(modelData.id)
                    }
                }
            }
            Item { Layout.fillHeight: true }
        }

        // Issuing and printing: wait.
        Label {
            objectName: "certificate.working"
            visible: screen.phase === CertificateController.Issuing
                     || screen.phase === CertificateController.Printing
            text: screen.phase === CertificateController.Issuing
                  ? qsTr("Your certificate is being issued. Please wait a moment.")
                  : qsTr("Your certificate is being printed. Please wait at the A4 printer.")
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

        // Issued: printed, or at the counter with its number.
        ColumnLayout {
            objectName: "certificate.issued"
            visible: screen.phase === CertificateController.Printed
                     || screen.phase === CertificateController.AtCounter
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            Item { Layout.fillHeight: true }
            Label {
                text: qsTr("Certificate number")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Label {
                objectName: "certificate.number"
                text: Certificate.certificateNumber
                color: Theme.primary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHuge
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Valid until %1").arg(Certificate.validUntil)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Label {
                objectName: screen.phase === CertificateController.AtCounter ? "certificate.atCounter" : "certificate.printed"
                text: Certificate.message
                color: screen.phase === CertificateController.AtCounter ? Theme.error : Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            KioskButton {
                objectName: "certificate.done"
                kind: "primary"
                text: qsTr("Done")
                fontSize: Theme.fontHeading
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredHeight: Theme.bigButtonHeight
                onClicked: Certificate.finish()
            }
            Item { Layout.fillHeight: true }
        }

        // Refused or not possible now: why, and what to do.
        ColumnLayout {
            visible: screen.phase === CertificateController.Refused
                     || screen.phase === CertificateController.Failed
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin

            Item { Layout.fillHeight: true }
            Label {
                objectName: "certificate.refusal"
                text: Certificate.message
                color: Theme.error
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "certificate.refusalReason"
                visible: Certificate.refusal === CertificateController.NotEligible && Certificate.refusalReason.length > 0
                text: qsTr("The platform says: %1").arg(Certificate.refusalReason)
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.spacing
                Layout.alignment: Qt.AlignHCenter

                KioskButton {
                    objectName: "certificate.tryAgain"
                    text: qsTr("Choose again")
                    onClicked: Certificate.tryAgain()
                }
                KioskButton {
                    objectName: "certificate.failedDone"
                    kind: "primary"
                    text: qsTr("Done")
                    onClicked: Certificate.finish()
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
