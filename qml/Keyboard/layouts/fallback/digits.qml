import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components

// Digits only. A field that also wants the upper-case check character of an ID number (digits, then X)
// says so with Qt.ImhPreferUppercase next to Qt.ImhDigitsOnly: then the X key takes the filler's place.
KeyboardLayout {
    inputMethod: PlainInputMethod {}
    inputMode: InputEngine.InputMode.Numeric
    // An ID number: digits and the check character X.
    readonly property bool idNumberPad: (InputContext.inputMethodHints & Qt.ImhPreferUppercase) !== 0

    KeyboardColumn {
        Layout.fillWidth: false
        Layout.fillHeight: true
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: height
        KeyboardRow {
            Key { key: Qt.Key_7; text: "7" }
            Key { key: Qt.Key_8; text: "8" }
            Key { key: Qt.Key_9; text: "9" }
            BackspaceKey {}
        }
        KeyboardRow {
            Key { key: Qt.Key_4; text: "4" }
            Key { key: Qt.Key_5; text: "5" }
            Key { key: Qt.Key_6; text: "6" }
            FillerKey {}
        }
        KeyboardRow {
            Key { key: Qt.Key_1; text: "1" }
            Key { key: Qt.Key_2; text: "2" }
            Key { key: Qt.Key_3; text: "3" }
            FillerKey {}
        }
        KeyboardRow {
            Key { key: Qt.Key_X; text: "X"; visible: idNumberPad }
            FillerKey { visible: !idNumberPad }
            Key { key: Qt.Key_0; text: "0" }
            FillerKey {}
            EnterKey {}
        }
    }
}
