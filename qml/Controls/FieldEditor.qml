import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// One form field: its label (with a mark when required), the editor for its type, and the controller's
// error text under it. The editor only reports what the resident typed or chose (`edited`); checking it
// is the controller's job, which sends back `value` and `error`.
// Types: text, phone, id_number, date, number (one line), textarea (several lines), choice (a row of
// buttons). A locked field (read from the ID card) shows its value, read-only, as the controller gives it.
// The editor item is named `inputName` (e.g. "form.field.phone"); choice buttons `inputName + "." + value`.
ColumnLayout {
    id: editor

    property string fieldId
    property string inputName
    property string label
    property string type: "text"
    property bool mandatory: false
    property string value
    property string displayValue
    property bool locked: false
    property string error
    property var choices: []

    signal edited(string value)

    // Catalog text shown inside styled text must not be read as markup.
    function escaped(text) {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    }

    readonly property bool isChoice: type === "choice"
    readonly property bool isTextArea: type === "textarea"
    readonly property bool isLine: !isChoice && !isTextArea
    // Everything typed into a form is personal: the input method may neither learn it nor predict from it
    // (nor capitalise a name on its own).
    readonly property int personalHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
    // True while the resident is typing in this field (the screen scrolls it into view).
    readonly property bool editing: lineInput.activeFocus || areaInput.activeFocus

    spacing: Theme.smallSpacing

    // The label with its mark, in one wrapping text so that a long label never squeezes the mark.
    Label {
        readonly property string mark: editor.locked ? qsTr("(from your ID card)") : (editor.mandatory ? qsTr("(required)") : "")
        readonly property color markColor: editor.locked ? Theme.textMuted : Theme.error
        textFormat: Text.StyledText
        text: "<b>" + editor.escaped(editor.label) + "</b>"
              + (mark.length > 0 ? " <font color=\"" + markColor + "\">" + editor.escaped(mark) + "</font>" : "")
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    // A locked value: shown compactly, never editable (nothing to tap, so no touch-target height).
    Label {
        objectName: editor.locked ? editor.inputName : ""
        visible: editor.locked
        text: editor.displayValue.length > 0 ? editor.displayValue : editor.value
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        leftPadding: Theme.spacing
        rightPadding: Theme.spacing
        topPadding: Theme.smallSpacing / 2
        bottomPadding: Theme.smallSpacing / 2
        verticalAlignment: Text.AlignVCenter
        Layout.fillWidth: true
        background: Rectangle {
            color: Theme.disabled
            radius: Theme.radius
        }
    }

    TextField {
        id: lineInput
        objectName: editor.isLine && !editor.locked ? editor.inputName : ""
        visible: editor.isLine && !editor.locked
        enabled: visible
        text: editor.value
        placeholderText: editor.type === "date" ? qsTr("YYYY-MM-DD") : ""
        placeholderTextColor: Theme.textMuted
        // The hints choose the on-screen keyboard's layout (docs/keyboard.md): the dial pad for a phone,
        // digits with X for an ID number, digits with '-' and '.' for numbers and dates, letters and pinyin
        // otherwise.
        inputMethodHints: {
            switch (editor.type) {
            case "phone":
                return Qt.ImhDialableCharactersOnly | editor.personalHints
            case "number":
                return Qt.ImhFormattedNumbersOnly | editor.personalHints
            case "date":
                return Qt.ImhDate | Qt.ImhFormattedNumbersOnly | editor.personalHints
            case "id_number":
                return Qt.ImhDigitsOnly | Qt.ImhPreferUppercase | editor.personalHints
            default:
                return editor.personalHints
            }
        }
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.text
        leftPadding: Theme.spacing
        rightPadding: Theme.spacing
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        background: Rectangle {
            color: Theme.surface
            radius: Theme.radius
            border.width: lineInput.activeFocus ? 3 : Theme.borderWidth
            border.color: editor.error.length > 0 ? Theme.error : (lineInput.activeFocus ? Theme.primary : Theme.border)
        }
        onTextEdited: editor.edited(text)
    }

    TextArea {
        id: areaInput
        objectName: editor.isTextArea && !editor.locked ? editor.inputName : ""
        visible: editor.isTextArea && !editor.locked
        enabled: visible
        text: editor.value
        wrapMode: TextEdit.Wrap
        inputMethodHints: editor.personalHints
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.text
        padding: Theme.spacing
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget * 2
        background: Rectangle {
            color: Theme.surface
            radius: Theme.radius
            border.width: areaInput.activeFocus ? 3 : Theme.borderWidth
            border.color: editor.error.length > 0 ? Theme.error : (areaInput.activeFocus ? Theme.primary : Theme.border)
        }
        // TextEdit has no textEdited signal: the value coming back from the controller equals the text,
        // so only the resident's own edits differ from it.
        onTextChanged: {
            if (text !== editor.value)
                editor.edited(text)
        }
    }

    Flow {
        objectName: editor.isChoice && !editor.locked ? editor.inputName : ""
        visible: editor.isChoice && !editor.locked
        spacing: Theme.spacing
        Layout.fillWidth: true

        Repeater {
            model: editor.isChoice ? editor.choices : []

            KioskButton {
                required property var modelData
                objectName: editor.inputName + "." + modelData.value
                implicitWidth: Math.max(Theme.touchTarget * 2, implicitContentWidth + leftPadding + rightPadding)
                text: modelData.label
                selected: editor.value === modelData.value
                onClicked: editor.edited(modelData.value)
            }
        }
    }

    Label {
        objectName: editor.inputName.length > 0 ? editor.inputName + ".error" : ""
        visible: editor.error.length > 0
        text: editor.error
        color: Theme.error
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
