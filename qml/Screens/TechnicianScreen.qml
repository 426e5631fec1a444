import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The technician view: every device with its state and the reason, what the platform still has to
// receive, quarantined case stores (when, why, what they hold; bring their cases into the outbox), and the
// way out. It shows no resident data (it can only open between sessions).
Rectangle {
    id: screen
    objectName: "screen.technician"
    color: Theme.background

    Component.onCompleted: Quarantine.refresh()

    MouseArea {
        anchors.fill: parent
        onPressed: (mouse) => { Technician.touched(); mouse.accepted = false }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            text: qsTr("Technician: devices")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Label {
            objectName: "technician.pending"
            text: qsTr("%n application(s) waiting to be sent to the platform", "", Sync.pendingCount)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        Label {
            // The case store could not save the last application (a full disk, say): staff must act.
            objectName: "technician.storeAlert"
            visible: Submission.storeAlert !== ""
            text: (Submission.storeAlertCause === "disk_full"
                   ? qsTr("Applications cannot be saved: the disk is full. Free space in the data folder.")
                   : qsTr("Applications cannot be saved.")) + "\n" + Submission.storeAlert
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        // Quarantined case stores: never silent while one is on disk (QuarantineController decides).
        ColumnLayout {
            objectName: "technician.quarantine"
            visible: Quarantine.count > 0 || Quarantine.message !== ""
            spacing: Theme.smallSpacing
            Layout.fillWidth: true

            Label {
                objectName: "technician.quarantine.title"
                visible: Quarantine.count > 0
                text: qsTr("%n quarantined case store(s): they may hold cases the platform does not have yet", "", Quarantine.count)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.danger
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            Repeater {
                model: Quarantine.stores
                delegate: Rectangle {
                    required property var modelData
                    required property int index
                    objectName: "technician.quarantine." + index
                    Layout.fillWidth: true
                    implicitHeight: storeRow.implicitHeight + 2 * Theme.smallSpacing
                    radius: Theme.radius
                    color: Theme.surface
                    border.width: Theme.borderWidth
                    border.color: Theme.danger

                    RowLayout {
                        id: storeRow
                        anchors.fill: parent
                        anchors.margins: Theme.smallSpacing
                        spacing: Theme.spacing
                        ColumnLayout {
                            spacing: 2
                            Layout.fillWidth: true
                            Label {
                                text: modelData.name
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                font.bold: true
                                color: Theme.text
                                Layout.fillWidth: true
                                wrapMode: Text.WrapAnywhere
                            }
                            Label {
                                text: (modelData.quarantinedAt ? qsTr("Quarantined at %1").arg(modelData.quarantinedAt)
                                                               : qsTr("Quarantine time unknown"))
                                      + " — " + (modelData.reason ? qsTr("Why: %1").arg(modelData.reason)
                                                                  : qsTr("Reason not recorded"))
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: Theme.text
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                            }
                            Label {
                                objectName: "technician.quarantine." + index + ".cases"
                                text: !modelData.readable
                                      ? qsTr("Cannot be read: %1").arg(modelData.problem)
                                      : qsTr("%n case(s) not yet received by the platform", "", modelData.unsyncedCases)
                                        + (modelData.notRecovered >= 0
                                           ? ", " + qsTr("%n not yet in the outbox", "", modelData.notRecovered) : "")
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: Theme.danger
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                            }
                        }
                        KioskButton {
                            objectName: "technician.quarantine." + index + ".recover"
                            kind: "secondary"
                            text: qsTr("Bring cases into the outbox")
                            enabled: modelData.readable && modelData.notRecovered !== 0
                            onClicked: Quarantine.recover(modelData.file)
                        }
                    }
                }
            }
            Label {
                objectName: "technician.quarantine.message"
                visible: Quarantine.message !== ""
                text: Quarantine.message
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.text
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
        }

        ListView {
            objectName: "technician.devices"
            model: Devices.devices
            clip: true
            spacing: Theme.smallSpacing
            Layout.fillWidth: true
            Layout.fillHeight: true

            delegate: Rectangle {
                required property var modelData
                objectName: "technician.device." + modelData.kind
                width: ListView.view.width
                height: row.implicitHeight + 2 * Theme.smallSpacing
                radius: Theme.radius
                color: Theme.surface
                border.width: Theme.borderWidth
                border.color: modelData.status === "ready" ? Theme.border : Theme.danger

                ColumnLayout {
                    id: row
                    anchors.fill: parent
                    anchors.margins: Theme.smallSpacing
                    spacing: 2
                    Label {
                        text: modelData.name + (modelData.simulated ? "  " + qsTr("(simulated)") : "")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "technician.device." + modelData.kind + ".state"
                        text: modelData.status + (modelData.reason ? " — " + modelData.reason : "")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: modelData.status === "ready" ? Theme.text : Theme.danger
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                    }
                }
            }
        }

        KioskButton {
            objectName: "technician.close"
            kind: "primary"
            text: qsTr("Close")
            Layout.fillWidth: true
            onClicked: Technician.cancel()
        }
    }
}
