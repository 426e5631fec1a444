import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components

// A telephone number: digits and the characters a number is dialled with.
KeyboardLayout {
    inputMethod: PlainInputMethod {}
    inputMode: InputEngine.InputMode.Dialable

    KeyboardColumn {
        Layout.fillWidth: false
        Layout.fillHeight: true
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: height
        KeyboardRow {
            Key { key: Qt.Key_1; text: "1" }
            Key { key: Qt.Key_2; text: "2" }
            Key { key: Qt.Key_3; text: "3" }
            BackspaceKey {}
        }
        KeyboardRow {
            Key { key: Qt.Key_4; text: "4" }
            Key { key: Qt.Key_5; text: "5" }
            Key { key: Qt.Key_6; text: "6" }
            Key { key: Qt.Key_Plus; text: "+" }
        }
        KeyboardRow {
            Key { key: Qt.Key_7; text: "7" }
            Key { key: Qt.Key_8; text: "8" }
            Key { key: Qt.Key_9; text: "9" }
            Key { key: Qt.Key_Minus; text: "-" }
        }
        KeyboardRow {
            Key { key: Qt.Key_Asterisk; text: "*" }
            Key { key: Qt.Key_0; text: "0" }
            Key { key: Qt.Key_NumberSign; text: "#" }
            EnterKey {}
        }
    }
}
