import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components

// Digits and punctuation, for every locale (the Chinese layout shares its pinyin method with it).
KeyboardLayout {
    keyWeight: 160
    readonly property real normalKeyWidth: normalKey.width
    readonly property real functionKeyWidth: mapFromItem(normalKey, normalKey.width / 2, 0).x
    KeyboardRow {
        Key { key: Qt.Key_1; text: "1" }
        Key { id: normalKey; key: Qt.Key_2; text: "2" }
        Key { key: Qt.Key_3; text: "3" }
        Key { key: Qt.Key_4; text: "4" }
        Key { key: Qt.Key_5; text: "5" }
        Key { key: Qt.Key_6; text: "6" }
        Key { key: Qt.Key_7; text: "7" }
        Key { key: Qt.Key_8; text: "8" }
        Key { key: Qt.Key_9; text: "9" }
        Key { key: Qt.Key_0; text: "0" }
    }
    KeyboardRow {
        Key { key: Qt.Key_At; text: "@" }
        Key { key: Qt.Key_NumberSign; text: "#" }
        Key { key: Qt.Key_Ampersand; text: "&" }
        Key { key: Qt.Key_Asterisk; text: "*" }
        Key { key: Qt.Key_Minus; text: "-" }
        Key { key: Qt.Key_Plus; text: "+" }
        Key { key: Qt.Key_ParenLeft; text: "(" }
        Key { key: Qt.Key_ParenRight; text: ")" }
        Key { key: Qt.Key_Slash; text: "/" }
        Key { key: Qt.Key_Underscore; text: "_" }
    }
    KeyboardRow {
        FillerKey { weight: functionKeyWidth; Layout.fillWidth: false }
        Key { key: Qt.Key_Colon; text: ":" }
        Key { key: Qt.Key_Semicolon; text: ";" }
        Key { key: Qt.Key_Exclam; text: "!" }
        Key { key: Qt.Key_Question; text: "?" }
        Key { key: Qt.Key_QuoteDbl; text: "\"" }
        Key { key: Qt.Key_Apostrophe; text: "'" }
        Key { key: Qt.Key_Percent; text: "%" }
        Key { key: Qt.Key_Equal; text: "=" }
        BackspaceKey { weight: functionKeyWidth; Layout.fillWidth: false }
    }
    KeyboardRow {
        SymbolModeKey { weight: functionKeyWidth; Layout.fillWidth: false; displayText: "ABC" }
        Key { key: Qt.Key_Comma; text: ","; weight: normalKeyWidth; Layout.fillWidth: false }
        SpaceKey {}
        Key { key: Qt.Key_Period; text: "."; weight: normalKeyWidth; Layout.fillWidth: false }
        EnterKey { weight: functionKeyWidth; Layout.fillWidth: false }
    }
}
