import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The technician view: every device with its state and the reason, what the platform still has to
// receive, and the way out. It shows no resident data (it can only open between sessions).
Rectangle {
    id: screen
    objectName: "screen.technician"
    color: Theme.background

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
