import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The identify screen's way for a resident without a readable card (NoCard controller): the document's
// type, number and full name typed on the on-screen keyboard (every field personal: no prediction, no
// learning), then a staff member checks them against the document and confirms with the staff PIN.
// The panel only shows and forwards; the checks, the PIN, the lock and the wipe are the controller's.
Item {
    id: panel
    objectName: "nocard.panel"

    readonly property bool details: NoCard.step === NoCardIdentityController.Details
    readonly property bool staffPin: NoCard.step === NoCardIdentityController.StaffPin

    function documentName(type) {
        switch (type) {
        case "passport": return qsTr("Passport")
        case "travel_document": return qsTr("Other travel document")
        case "resident_id": return qsTr("ID card number (damaged card)")
        default: return ""
        }
    }

    // Keeps the field being typed in above the keyboard.
    function show(item) {
        const top = item.mapToItem(column, 0, 0).y
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top - Theme.spacing)
        else if (top + item.height > flick.contentY + flick.height)
            flick.contentY = Math.min(top + item.height + Theme.spacing - flick.height,
                                      Math.max(0, flick.contentHeight - flick.height))
    }

    Flickable {
        id: flick
        objectName: "nocard.content"
        anchors.fill: parent
        clip: true
        contentWidth: width
        contentHeight: column.height + 2 * Theme.margin
        boundsBehavior: Flickable.StopAtBounds

        // A positioner, not a layout: the wrapping texts and flows inside change height with the width, and a
        // ColumnLayout around them could loop in its polish ("Polish loop detected") when a message appears.
        Column {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            spacing: Theme.spacing

            // ---- 1. the details, typed by the resident ----
            Label {
                visible: panel.details
                text: qsTr("Type the details of the document you have with you. A staff member will check them against the document before you go on.")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                width: column.width
            }
            Label {
                visible: panel.details
                text: qsTr("Document")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
                width: column.width
            }
            Flow {
                visible: panel.details
                spacing: Theme.smallSpacing
                width: column.width

                Repeater {
                    model: ["passport", "travel_document", "resident_id"]
                    KioskButton {
                        objectName: "nocard.type." + modelData
                        text: panel.documentName(modelData)
                        selected: NoCard.documentType === modelData
                        onClicked: NoCard.setDocumentType(modelData)
                    }
                }
            }
            Label {
                objectName: "nocard.type.error"
                visible: panel.details && text.length > 0
                text: NoCard.typeError
                color: Theme.error
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
                width: column.width
            }
            FieldEditor {
                visible: panel.details
                inputName: "nocard.number"
                label: NoCard.documentType === "resident_id" ? qsTr("ID number (18 characters, or 15 for a 2017 permanent residence card)")
                                                             : qsTr("Document number")
                type: NoCard.documentType === "resident_id" ? "id_number" : "text"
                mandatory: true
                value: NoCard.number
                error: NoCard.numberError
                width: column.width
                onEdited: text => NoCard.setNumber(text)
                onEditingChanged: if (editing) panel.show(this)
            }
            FieldEditor {
                visible: panel.details
                inputName: "nocard.name"
                label: qsTr("Full name, as on the document")
                type: "text"
                mandatory: true
                value: NoCard.fullName
                error: NoCard.nameError
                width: column.width
                onEdited: text => NoCard.setFullName(text)
                onEditingChanged: if (editing) panel.show(this)
            }
            Flow {
                visible: panel.details
                spacing: Theme.spacing
                width: column.width
                topPadding: Theme.spacing

                KioskButton {
                    objectName: "nocard.askStaff"
                    kind: "primary"
                    text: qsTr("Ask a staff member to confirm")
                    // The keyboard closes first, so that the errors (or the PIN pad) show in full.
                    onClicked: {
                        forceActiveFocus()
                        Qt.inputMethod.hide()
                        NoCard.askStaff()
                    }
                }
                KioskButton {
                    objectName: "nocard.cancel"
                    text: qsTr("Cancel and use my card")
                    onClicked: {
                        forceActiveFocus()
                        Qt.inputMethod.hide()
                        NoCard.cancel()
                    }
                }
            }

            // ---- 2. the staff member checks and confirms ----
            // The details on the left, the PIN pad on the right: both in sight without scrolling.
            RowLayout {
                visible: panel.staffPin
                spacing: Theme.margin
                width: column.width

                ColumnLayout {
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop

                    Label {
                        text: qsTr("Staff: please check these details against the resident's document, then enter the staff PIN.")
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    GridLayout {
                        columns: 2
                        columnSpacing: Theme.spacing
                        rowSpacing: Theme.smallSpacing
                        Layout.fillWidth: true

                        Label { text: qsTr("Document"); color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
                        Label {
                            objectName: "nocard.confirm.type"
                            text: panel.documentName(NoCard.documentType)
                            color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap; Layout.fillWidth: true
                        }
                        Label { text: qsTr("Number"); color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
                        // In full: the resident and the staff member check it against the document here.
                        Label {
                            objectName: "nocard.confirm.number"
                            text: NoCard.number
                            color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
                            wrapMode: Text.WrapAnywhere; Layout.fillWidth: true
                        }
                        Label { text: qsTr("Full name"); color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
                        Label {
                            objectName: "nocard.confirm.name"
                            text: NoCard.fullName
                            color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
                            wrapMode: Text.Wrap; Layout.fillWidth: true
                        }
                    }
                }
                PinPad {
                    namePrefix: "staff"
                    title: qsTr("Staff PIN")
                    entering: !NoCard.locked
                    message: NoCard.locked
                             ? qsTr("Too many wrong PINs. The staff PIN is locked for %n more second(s).", "", NoCard.lockSecondsLeft)
                             : NoCard.pinMessage
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: Math.min(column.width / 2, Theme.touchTarget * 7)
                    onSubmitted: pin => NoCard.submitPin(pin)
                    onCancelled: NoCard.backToDetails()
                }
            }
        }
    }
}
