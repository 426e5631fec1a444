import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// Everything the resident is about to submit, in full: the one screen where personal values are not
// masked, so that they can be checked. Submitting needs the resident's consent to the processing.
Rectangle {
    id: screen
    objectName: "screen.review"
    color: Theme.background

    // Read once: a screen is created afresh for every visit.
    readonly property var guide: Services.guide(Session.serviceId)
    readonly property var rows: Form.reviewRows()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: qsTr("Check your application")
            backVisible: true
            backName: "review.back"
            Layout.fillWidth: true
        }

        Flickable {
            id: flick
            objectName: "review.content"
            clip: true
            contentWidth: width
            contentHeight: content.implicitHeight + 2 * Theme.margin
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true

            ScrollBar.vertical: ScrollBar { width: Theme.smallSpacing * 2 }

            ColumnLayout {
                id: content
                x: Theme.margin
                y: Theme.margin
                width: flick.width - 2 * Theme.margin
                spacing: Theme.spacing

                Label {
                    text: screen.guide.name ?? ""
                    color: Theme.primary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }

                // What the materials screen attached (services that use the camera only).
                Label {
                    objectName: "review.materials"
                    visible: Session.hasMaterialsStep
                    text: Materials.summary !== "" ? qsTr("Attached: %1").arg(Materials.summary)
                                                   : qsTr("No documents attached; you can bring paper copies to the counter.")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                // The e-licences picked on the materials screen: the case references them by id.
                Repeater {
                    model: Session.hasMaterialsStep ? Licences.licences : []
                    Label {
                        required property var modelData
                        required property int index
                        objectName: "review.licence." + index
                        visible: modelData.selected
                        text: qsTr("E-licence: %1, %2").arg(modelData.name).arg(modelData.numberMasked)
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }

                Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.color: Theme.border
                    border.width: Theme.borderWidth
                    Layout.fillWidth: true
                    Layout.preferredHeight: rowsColumn.implicitHeight + 2 * Theme.spacing

                    ColumnLayout {
                        id: rowsColumn
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        spacing: Theme.spacing

                        Repeater {
                            model: screen.rows

                            // One row: the label in a fixed column, the value (in full) beside it.
                            Item {
                                id: reviewRow
                                required property var modelData
                                objectName: "review.row." + (modelData.fieldId ?? "")
                                Layout.fillWidth: true
                                Layout.preferredHeight: Math.max(rowLabel.implicitHeight, rowValue.implicitHeight)

                                Label {
                                    id: rowLabel
                                    width: Math.round(reviewRow.width * 0.32)
                                    text: reviewRow.modelData.label ?? ""
                                    color: Theme.textMuted
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    wrapMode: Text.Wrap
                                }
                                Label {
                                    id: rowValue
                                    objectName: "review.value." + (reviewRow.modelData.fieldId ?? "")
                                    x: rowLabel.width + Theme.spacing
                                    width: reviewRow.width - x
                                    text: (reviewRow.modelData.value ?? "").length > 0 ? reviewRow.modelData.value : qsTr("(not filled in)")
                                    color: Theme.text
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    font.bold: true
                                    wrapMode: Text.Wrap
                                }
                            }
                        }
                    }
                }
            }
        }

        // Consent and submit stay in view however long the application is.
        Rectangle {
            color: Theme.surface
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(consent.implicitHeight, Theme.bigButtonHeight) + 2 * Theme.spacing

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.margin
                anchors.rightMargin: Theme.margin
                anchors.topMargin: Theme.spacing
                anchors.bottomMargin: Theme.spacing
                spacing: Theme.margin

                CheckBox {
                    id: consent
                    objectName: "review.consent"
                    focusPolicy: Qt.NoFocus
                    spacing: Theme.spacing
                    padding: 0
                    text: qsTr("I confirm that the information above is true and correct, and I agree that %1 processes it, including my personal information, only to handle this application, in accordance with the Personal Information Protection Law of the People's Republic of China.")
                              .arg(screen.guide.department ?? "")
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignVCenter

                    indicator: Rectangle {
                        implicitWidth: Math.round(Theme.touchTarget * 0.7)
                        implicitHeight: Math.round(Theme.touchTarget * 0.7)
                        x: consent.leftPadding
                        y: (consent.height - height) / 2
                        radius: Theme.radius / 2
                        color: consent.checked ? Theme.primary : Theme.surface
                        border.color: Theme.primary
                        border.width: 3

                        Label {
                            anchors.centerIn: parent
                            visible: consent.checked
                            text: "✓"
                            color: Theme.textOnPrimary
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                        }
                    }
                    contentItem: Label {
                        text: consent.text
                        leftPadding: consent.indicator.width + consent.spacing
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                        verticalAlignment: Text.AlignVCenter
                    }
                }

                KioskButton {
                    objectName: "review.submit"
                    kind: "primary"
                    text: qsTr("Submit")
                    Layout.preferredHeight: Theme.bigButtonHeight
                    Layout.preferredWidth: Math.max(implicitWidth, Math.round(400 * Theme.scale))
                    Layout.alignment: Qt.AlignVCenter
                    onClicked: Session.submit(consent.checked)
                }
            }
        }
    }
}
