import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The 好差评 rating of the service (GB/T 39734): five levels, 5 = very satisfied, with an optional comment
// typed on the on-screen keyboard. A poor rating then asks what was wrong (the indicators). Rating is
// optional. The Rating controller decides the step; this screen only presents it.
Rectangle {
    id: screen
    objectName: "screen.rating"
    color: Theme.background

    readonly property bool details: Rating.step === RatingController.Details
    readonly property var levels: [
        { level: 5, text: qsTr("Very satisfied") },
        { level: 4, text: qsTr("Satisfied") },
        { level: 3, text: qsTr("Basically satisfied") },
        { level: 2, text: qsTr("Dissatisfied") },
        { level: 1, text: qsTr("Very dissatisfied") }
    ]

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        SessionHeader {
            title: qsTr("Rate this service")
            Layout.fillWidth: true
        }

        Label {
            objectName: "rating.question"
            text: screen.details ? qsTr("What was wrong? Choose all that apply, or none.")
                                 : qsTr("How satisfied are you with this service?")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
        }

        // The comment: the resident's own words (sensitive: no prediction, nothing learnt from it).
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin

            Label {
                text: qsTr("Comment (optional)")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
            }

            TextField {
                id: comment
                objectName: "rating.comment"
                text: Rating.comment
                maximumLength: Rating.commentLimit
                placeholderText: qsTr("Tap here to type")
                placeholderTextColor: Theme.textMuted
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                onTextEdited: Rating.comment = text
                background: Rectangle {
                    color: Theme.surface
                    border.color: comment.activeFocus ? Theme.primary : Theme.border
                    border.width: comment.activeFocus ? 3 : 1
                    radius: Theme.radius
                }
            }
        }

        Item { Layout.fillHeight: true }

        // The levels.
        RowLayout {
            visible: !screen.details
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

        // A poor rating: what was wrong.
        GridLayout {
            visible: screen.details
            columns: Theme.elderly ? 2 : 3
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: screen.width - 2 * Theme.margin

            Repeater {
                model: Rating.indicators

                KioskButton {
                    required property var modelData
                    objectName: "rating.indicator." + modelData.id
                    text: modelData.text
                    selected: modelData.selected
                    toggle: true
                    Layout.preferredWidth: Math.round(480 * Theme.scale)
                    Layout.fillWidth: true
                    onClicked: Rating.toggleIndicator(modelData.id)
                }
            }
        }

        Item { Layout.fillHeight: true }

        RowLayout {
            spacing: Theme.spacing
            Layout.alignment: Qt.AlignHCenter
            Layout.bottomMargin: Theme.margin

            KioskButton {
                objectName: "rating.back"
                visible: screen.details
                text: qsTr("Back")
                onClicked: Rating.back()
            }

            KioskButton {
                objectName: "rating.send"
                visible: screen.details
                kind: "primary"
                text: qsTr("Send rating")
                onClicked: Rating.send()
            }

            KioskButton {
                objectName: "rating.skip"
                visible: !screen.details
                text: qsTr("Skip")
                onClicked: Session.skipRating()
            }
        }
    }
}
