import QtQuick
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The resident picks the language of the session. Each language is named in itself, so these names are
// not translated.
Rectangle {
    id: screen
    objectName: "screen.language"
    color: Theme.background

    readonly property var endonyms: ({ "zh_CN": "中文", "en": "English" })

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: qsTr("Choose your language")
            Layout.fillWidth: true
        }

        Item { Layout.fillHeight: true }

        RowLayout {
            spacing: Theme.margin * 2
            Layout.alignment: Qt.AlignHCenter

            Repeater {
                model: Kiosk.languages

                KioskButton {
                    required property string modelData
                    objectName: "language." + modelData
                    kind: "primary"
                    text: screen.endonyms[modelData] ?? modelData
                    fontSize: Theme.fontTitle
                    Layout.preferredWidth: Math.round(560 * Theme.scale)
                    Layout.preferredHeight: Math.round(240 * Theme.scale)
                    onClicked: Session.chooseLanguage(modelData)
                }
            }
        }

        Item { Layout.fillHeight: true }
    }
}
