import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The application form of the chosen service. Every field is built at once (a Repeater, not a recycling
// list), so each editor can be found by its name. What the resident types goes to the controller, which
// answers with the value, its display form and the error to show.
Rectangle {
    id: screen
    objectName: "screen.form"
    color: Theme.background

    readonly property var guide: Services.guide(Session.serviceId)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: screen.guide.name ?? ""
            backVisible: true
            backName: "form.back"
            Layout.fillWidth: true
        }

        Flickable {
            id: flick
            objectName: "form.content"
            clip: true
            contentWidth: width
            contentHeight: fields.implicitHeight + 2 * Theme.spacing
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true

            ScrollBar.vertical: ScrollBar { width: Theme.smallSpacing * 2 }

            // Scrolls so that `item` (a field being edited) is in view.
            function show(item) {
                const top = item.mapToItem(fields, 0, 0).y + fields.y
                const bottom = top + item.height
                if (top < contentY)
                    contentY = Math.max(0, top - Theme.spacing)
                else if (bottom > contentY + height)
                    contentY = Math.min(contentHeight - height, bottom - height + Theme.spacing)
            }

            ColumnLayout {
                id: fields
                x: Theme.margin
                y: Theme.spacing
                width: flick.width - 2 * Theme.margin
                spacing: Theme.spacing

                Label {
                    text: qsTr("Please complete your application. Fields read from your ID card cannot be changed.")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }

                // Two columns on the wide screen so that a whole form fits without scrolling.
                GridLayout {
                    id: grid
                    columns: Theme.elderly ? 1 : 2
                    columnSpacing: Theme.margin
                    rowSpacing: Theme.spacing
                    Layout.fillWidth: true

                    Repeater {
                        model: Form

                        FieldEditor {
                            required property var model
                            fieldId: model.fieldId ?? ""
                            inputName: "form.field." + (model.fieldId ?? "")
                            label: model.label ?? ""
                            type: model.type ?? "text"
                            mandatory: model.required ?? false
                            value: model.value ?? ""
                            displayValue: model.displayValue ?? ""
                            locked: model.locked ?? false
                            error: model.error ?? ""
                            choices: model.choices ?? []
                            Layout.fillWidth: true
                            Layout.preferredWidth: (grid.width - (grid.columns - 1) * grid.columnSpacing) / grid.columns
                            Layout.alignment: Qt.AlignTop
                            onEdited: text => Form.setValue(fieldId, text)
                            onEditingChanged: if (editing) flick.show(this)
                        }
                    }
                }
            }
        }

        Rectangle {
            color: Theme.surface
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.bigButtonHeight + 2 * Theme.spacing

            KioskButton {
                objectName: "form.next"
                kind: "primary"
                text: qsTr("Next: review")
                anchors.right: parent.right
                anchors.rightMargin: Theme.margin
                anchors.verticalCenter: parent.verticalCenter
                height: Theme.bigButtonHeight
                width: Math.max(implicitWidth, Math.round(480 * Theme.scale))
                // The keyboard closes first, so that a notice about the entries and the whole form show.
                onClicked: {
                    forceActiveFocus()
                    Qt.inputMethod.hide()
                    Session.toReview()
                }
            }
        }
    }
}
