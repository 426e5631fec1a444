import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// What the chosen service needs, before the resident starts: conditions, materials, processing time, fee
// and legal basis, as the catalog states them.
Rectangle {
    id: screen
    objectName: "screen.guide"
    color: Theme.background

    // Read once: a screen is created afresh for every visit.
    readonly property var guide: Services.guide(Session.serviceId)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: screen.guide.name ?? ""
            backVisible: true
            backName: "guide.back"
            Layout.fillWidth: true
        }

        Flickable {
            id: flick
            objectName: "guide.content"
            clip: true
            contentWidth: width
            contentHeight: sections.implicitHeight + 2 * Theme.margin
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true

            ScrollBar.vertical: ScrollBar { width: Theme.smallSpacing * 2 }

            ColumnLayout {
                id: sections
                x: Theme.margin
                y: Theme.margin
                width: flick.width - 2 * Theme.margin
                spacing: Theme.margin

                Label {
                    text: qsTr("Department: %1").arg(screen.guide.department ?? "")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                GuideSection {
                    heading: qsTr("Who can apply")
                    items: screen.guide.conditions ?? []
                    Layout.fillWidth: true
                }
                GuideSection {
                    heading: qsTr("What you need")
                    items: screen.guide.materials ?? []
                    Layout.fillWidth: true
                }
                GuideSection {
                    heading: qsTr("Processing time")
                    text: screen.guide.processingTime ?? ""
                    Layout.fillWidth: true
                }
                GuideSection {
                    heading: qsTr("Fee")
                    text: screen.guide.fee ?? ""
                    Layout.fillWidth: true
                }
                GuideSection {
                    heading: qsTr("Legal basis")
                    text: screen.guide.legalBasis ?? ""
                    Layout.fillWidth: true
                }
            }
        }

        Rectangle {
            color: Theme.surface
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.bigButtonHeight + 2 * Theme.spacing

            KioskButton {
                objectName: "guide.start"
                kind: "primary"
                text: qsTr("Start application")
                anchors.right: parent.right
                anchors.rightMargin: Theme.margin
                anchors.verticalCenter: parent.verticalCenter
                height: Theme.bigButtonHeight
                width: Math.max(implicitWidth, Math.round(480 * Theme.scale))
                onClicked: Session.startForm()
            }
        }
    }
}
