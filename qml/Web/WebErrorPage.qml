import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls

// The kiosk's own page over the web view when a page cannot be shown: `kind` "network" (not loaded),
// "crashed" (stopped working) or "certificate" (not trusted). Only two ways on: the start of the service,
// or ending the session. No details, no reload link, nothing that leads elsewhere.
Rectangle {
    id: page
    objectName: "web.error"

    property string kind: "network"

    signal homeRequested()
    signal endRequested()

    color: Theme.background

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 900)
        spacing: Theme.margin

        Label {
            objectName: "web.error.title"
            text: page.kind === "crashed" ? qsTr("This page stopped working")
                  : page.kind === "certificate" ? qsTr("This page could not be opened safely")
                  : qsTr("This page could not be loaded")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Label {
            text: page.kind === "certificate"
                  ? qsTr("The service's page could not prove that it is genuine, so it was not shown. Please try again later or ask the staff for help.")
                  : qsTr("Please go back to the start of the service and try again, or ask the staff for help.")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.alignment: Qt.AlignHCenter
            KioskButton {
                objectName: "web.error.home"
                kind: "primary"
                text: qsTr("Start of the service")
                onClicked: page.homeRequested()
            }
            KioskButton {
                objectName: "web.error.end"
                kind: "danger"
                text: qsTr("End")
                onClicked: page.endRequested()
            }
        }
    }
}
