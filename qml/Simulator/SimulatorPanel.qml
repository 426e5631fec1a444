import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Core

// The demo's simulated hall, in a window of its own next to the kiosk: place a sample resident's card,
// scan a code, change the printer's paper, unplug devices, cut the network. Only created when the
// devices are simulated (Simulator exists). Every control is named "sim.*" for the scenario runner.
Window {
    id: panel
    objectName: "sim.window"

    width: 720
    height: 1080
    title: qsTr("Kiosk simulator")
    color: "#f4f4f4"

    readonly property var deviceKinds: ["idcard", "receipt_printer", "scanner", "camera"]

    function deviceFor(kind) {
        const list = Devices.devices
        for (let i = 0; i < list.length; ++i) {
            if (list[i].kind === kind)
                return list[i]
        }
        return null
    }

    component PanelButton: Button {
        font.pixelSize: 18
        implicitHeight: 48
    }
    component SectionTitle: Label {
        font.pixelSize: 20
        font.bold: true
        Layout.topMargin: 12
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + 32
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: content
            x: 16
            y: 16
            width: flick.width - 32
            spacing: 8

            SectionTitle { text: qsTr("ID card") }
            // Two columns: one sample card of each type fits without scrolling the device controls away.
            GridLayout {
                columns: 2
                columnSpacing: 16
                rowSpacing: 8
                Layout.fillWidth: true

                Repeater {
                    model: Simulator.residents

                    RowLayout {
                        id: residentRow
                        required property var modelData
                        spacing: 8
                        Layout.fillWidth: true

                        Label {
                            text: residentRow.modelData.label ?? ""
                            font.pixelSize: 18
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        PanelButton {
                            objectName: "sim.resident." + residentRow.modelData.index + ".place"
                            text: qsTr("Place card")
                            onClicked: Simulator.placeSampleCard(residentRow.modelData.index)
                        }
                    }
                }
            }
            PanelButton {
                objectName: "sim.card.remove"
                text: qsTr("Remove card")
                Layout.fillWidth: true
                onClicked: Simulator.removeCard()
            }

            SectionTitle { text: qsTr("Code scanner") }
            RowLayout {
                spacing: 8
                Layout.fillWidth: true

                TextField {
                    id: codeText
                    objectName: "sim.scan.text"
                    placeholderText: qsTr("Text of the code")
                    font.pixelSize: 18
                    Layout.fillWidth: true
                    onAccepted: Simulator.scan(text)
                }
                PanelButton {
                    objectName: "sim.scan.submit"
                    text: qsTr("Scan code")
                    onClicked: Simulator.scan(codeText.text)
                }
            }

            SectionTitle { text: qsTr("Receipt paper") }
            RowLayout {
                spacing: 8
                PanelButton {
                    objectName: "sim.paper.ok"
                    text: qsTr("Paper OK")
                    onClicked: Simulator.setPaper("ok")
                }
                PanelButton {
                    objectName: "sim.paper.low"
                    text: qsTr("Paper low")
                    onClicked: Simulator.setPaper("low")
                }
                PanelButton {
                    objectName: "sim.paper.out"
                    text: qsTr("Paper out")
                    onClicked: Simulator.setPaper("out")
                }
            }

            SectionTitle { text: qsTr("Devices") }
            Repeater {
                model: panel.deviceKinds

                // The state on its own line and the buttons under it.
                ColumnLayout {
                    id: deviceRow
                    required property string modelData
                    readonly property var device: panel.deviceFor(modelData)
                    spacing: 8
                    Layout.fillWidth: true

                    Label {
                        objectName: "sim.device." + deviceRow.modelData + ".state"
                        text: deviceRow.device
                              ? qsTr("%1 (%2): %3").arg(deviceRow.device.name).arg(deviceRow.modelData)
                                    .arg(deviceRow.device.reason.length > 0
                                         ? deviceRow.device.status + " - " + deviceRow.device.reason
                                         : deviceRow.device.status)
                              : qsTr("%1: not configured").arg(deviceRow.modelData)
                        font.pixelSize: 16
                        elide: Text.ElideRight // a wrapping label confuses the nested layouts' heights
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        spacing: 8
                        PanelButton {
                            objectName: "sim.plug." + deviceRow.modelData
                            text: qsTr("Plug in")
                            onClicked: Simulator.setPlugged(deviceRow.modelData, true)
                        }
                        PanelButton {
                            objectName: "sim.unplug." + deviceRow.modelData
                            text: qsTr("Unplug")
                            onClicked: Simulator.setPlugged(deviceRow.modelData, false)
                        }
                    }
                }
            }

            SectionTitle { text: qsTr("Network and sync") }
            RowLayout {
                spacing: 8
                Layout.fillWidth: true

                PanelButton {
                    objectName: "sim.network.up"
                    text: qsTr("Network up")
                    highlighted: Simulator.networkUp
                    onClicked: Simulator.setNetwork(true)
                }
                PanelButton {
                    objectName: "sim.network.down"
                    text: qsTr("Network down")
                    highlighted: !Simulator.networkUp
                    onClicked: Simulator.setNetwork(false)
                }
            }
            Label {
                objectName: "sim.sync.state"
                text: qsTr("Sync: %1, %n case(s) or rating(s) waiting", "", Sync.pendingCount).arg(Sync.state)
                font.pixelSize: 18
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
