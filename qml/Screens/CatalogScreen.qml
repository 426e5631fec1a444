import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The services this kiosk offers: a search field (Chinese, pinyin or initials), category and life-event
// chips, and the results, most used first. The Services controller decides what is listed and in which
// order; this screen only presents it. A service whose device is unavailable stays listed, greyed, with the
// reason; tapping it lets the controller explain (a notice) rather than hiding it.
Rectangle {
    id: screen
    objectName: "screen.catalog"
    color: Theme.background

    // One chip of a row: a category or a life event; tapping the chosen one again chooses "all".
    component Chip: KioskButton {
        property string termId
        fontSize: Theme.fontSmall
        focusPolicy: Qt.NoFocus
        leftPadding: Theme.spacing
        rightPadding: Theme.spacing
        implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + leftPadding + rightPadding)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: qsTr("Choose a service")
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            Layout.topMargin: Theme.spacing

            TextField {
                id: search
                objectName: "catalog.search"
                placeholderText: qsTr("Search by name, pinyin or initials, e.g. jzz")
                // Nothing typed here is learnt or suggested to the next resident.
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
                placeholderTextColor: Theme.textMuted
                leftPadding: Theme.spacing
                rightPadding: Theme.spacing
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: search.activeFocus ? 3 : Theme.borderWidth
                    border.color: search.activeFocus ? Theme.primary : Theme.border
                }
                onTextChanged: Services.query = text
                // Back from a guide the search is still there; at session end the controller clears it.
                Component.onCompleted: text = Services.query
                Connections {
                    target: Services
                    function onFilterChanged() {
                        if (search.text !== Services.query)
                            search.text = Services.query
                    }
                }
            }
            KioskButton {
                objectName: "catalog.search.clear"
                visible: search.text.length > 0
                text: qsTr("Clear")
                focusPolicy: Qt.NoFocus
                onClicked: search.clear()
            }
        }

        // Categories: "All" and the catalog's categories.
        ListView {
            id: categoryRow
            objectName: "catalog.categories"
            orientation: ListView.Horizontal
            spacing: Theme.smallSpacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            model: [{ id: "", name: qsTr("All services") }].concat(Services.categories)
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            Layout.topMargin: Theme.spacing
            delegate: Chip {
                required property var modelData
                termId: modelData.id
                objectName: "catalog.category." + (termId.length > 0 ? termId : "all")
                text: modelData.name
                selected: Services.category === termId
                onClicked: Services.category = termId
            }
        }

        // Life events: none chosen at first; tapping the chosen one again shows all.
        ListView {
            id: lifeEventRow
            objectName: "catalog.lifeEvents"
            orientation: ListView.Horizontal
            spacing: Theme.smallSpacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            model: Services.lifeEvents
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            Layout.topMargin: Theme.smallSpacing
            header: Label {
                text: qsTr("Life events:")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                height: Theme.touchTarget
                rightPadding: Theme.spacing
                verticalAlignment: Text.AlignVCenter
            }
            delegate: Chip {
                required property var modelData
                termId: modelData.id
                objectName: "catalog.lifeEvent." + termId
                text: modelData.name
                selected: Services.lifeEvent === termId
                onClicked: Services.lifeEvent = selected ? "" : termId
            }
        }

        Label {
            objectName: "catalog.message"
            visible: text.length > 0
            text: Services.message
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
            Layout.margins: Theme.margin
        }

        GridView {
            id: grid
            objectName: "catalog.grid"
            // A short list fills the screen; a long one (hundreds of services) scrolls, one row of tiles
            // created at a time beyond the visible ones.
            readonly property int columns: Theme.elderly ? 2 : 4
            readonly property int rows: Math.max(1, Math.ceil(count / columns))
            clip: true
            model: Services
            cellWidth: Math.floor(width / columns)
            cellHeight: Math.max(Math.round(260 * Theme.scale), Math.floor(height / rows))
            boundsBehavior: Flickable.StopAtBounds
            // Tiles beyond the view would be made asynchronously; the list changes with every letter typed,
            // and Qt 6.4 warns ("DelegateModel::cancel: index out range") when a reset cancels one of them.
            cacheBuffer: 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin - Theme.spacing / 2

            ScrollBar.vertical: ScrollBar {
                objectName: "catalog.scrollbar"
                policy: grid.contentHeight > grid.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                width: Theme.smallSpacing * 2
            }

            delegate: AbstractButton {
                id: tile
                required property string serviceId
                required property string name
                required property string department
                required property string summary
                required property bool available
                required property string unavailableReason
                required property string category

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
