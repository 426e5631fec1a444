import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The 好差评 rating of the service: five levels, 5 = very satisfied. Rating is optional.
Rectangle {
    id: screen
    objectName: "screen.rating"
    color: Theme.background

    readonly property var levels: [
        { level: 5, text: qsTr("Very satisfied") },
        { level: 4, text: qsTr("Satisfied") },
        { level: 3, text: qsTr("Basically satisfied") },
        { level: 2, text: qsTr("Dissatisfied") },
        { level: 1, text: qsTr("Very dissatisfied") }
    ]

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: qsTr("Rate this service")
            Layout.fillWidth: true
        }

        Label {
            text: qsTr("How satisfied are you with this service?")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.topMargin: Theme.margin
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
        }

        Item { Layout.fillHeight: true }

        RowLayout {
            spacing: Theme.spacing
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: screen.width - 2 * Theme.margin

            Repeater {
                model: screen.levels

                KioskButton {
                    required property var modelData
                    objectName: "rating.level." + modelData.level
                    text: modelData.text
                    fontSize: Theme.fontHeading
                    Layout.preferredWidth: Math.round(300 * Theme.scale)
                    Layout.preferredHeight: Math.round(200 * Theme.scale)
                    Layout.fillWidth: true
                    onClicked: Session.rate(modelData.level)
                }
            }
        }

        Item { Layout.fillHeight: true }

        KioskButton {
            objectName: "rating.skip"
            text: qsTr("Skip")
            Layout.alignment: Qt.AlignHCenter
            Layout.bottomMargin: Theme.margin
            onClicked: Session.skipRating()
        }
    }
}
