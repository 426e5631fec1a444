import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls

// One part of a service guide: a heading and either one text or a list of items. Hidden when empty.
ColumnLayout {
    id: section

    property string heading
    property string text
    property var items: []

    visible: text.length > 0 || items.length > 0
    spacing: Theme.smallSpacing

    Label {
        text: section.heading
        color: Theme.primary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontHeading
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: section.text.length > 0
        text: section.text
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Repeater {
        model: section.items
        Label {
            required property int index
            required property string modelData
            text: qsTr("%1. %2").arg(index + 1).arg(modelData)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
