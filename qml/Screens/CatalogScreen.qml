import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The services this kiosk offers. A service whose device is unavailable stays listed, greyed, with the
// reason; tapping it lets the controller explain (a notice) rather than hiding it.
Rectangle {
    id: screen
    objectName: "screen.catalog"
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: qsTr("Choose a service")
            Layout.fillWidth: true
        }

        GridView {
            id: grid
            objectName: "catalog.grid"
            // The whole catalog fits on one screen when the rows are not too many; then it scrolls.
            readonly property int columns: Theme.elderly ? 2 : 4
            readonly property int rows: Math.max(1, Math.ceil(count / columns))
            clip: true
            model: Services
            cellWidth: Math.floor(width / columns)
            cellHeight: Math.max(Math.round(260 * Theme.scale), Math.floor(height / rows))
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin - Theme.spacing / 2

            ScrollIndicator.vertical: ScrollIndicator {}

            delegate: AbstractButton {
                id: tile
                required property string serviceId
                required property string name
                required property string department
                required property string summary
                required property bool available
                required property string unavailableReason

                objectName: "catalog.service." + serviceId
                width: grid.cellWidth
                height: grid.cellHeight
                topInset: Theme.spacing / 2
                bottomInset: Theme.spacing / 2
                leftInset: Theme.spacing / 2
                rightInset: Theme.spacing / 2
                padding: Theme.spacing
                clip: true
                focusPolicy: Qt.NoFocus
                onClicked: Session.chooseService(serviceId)

                background: Rectangle {
                    radius: Theme.radius
                    color: !tile.available ? Theme.disabled : (tile.down ? Theme.primaryLight : Theme.surface)
                    border.width: Theme.borderWidth
                    border.color: tile.available ? Theme.primary : Theme.border
                }

                contentItem: ColumnLayout {
                    spacing: Theme.smallSpacing

                    Label {
                        text: tile.name
                        color: tile.available ? Theme.primary : Theme.textDisabled
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        // An unavailable service shows why instead (the tile has room for one of them).
                        visible: tile.available
                        text: tile.department
                        color: Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: tile.summary
                        color: tile.available ? Theme.text : Theme.textDisabled
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                        // As many lines as the tile has room for; the reason below always shows.
                        elide: Text.ElideRight
                        verticalAlignment: Text.AlignTop
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.minimumHeight: 0
                    }
                    Label {
                        objectName: "catalog.service." + tile.serviceId + ".unavailable"
                        visible: !tile.available
                        text: tile.unavailableReason
                        color: Theme.error
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
