import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components

// Chinese: letters are pinyin, composed by OneStop.Keyboard's PinyinInputMethod (libgooglepinyin); the
// candidates appear in the bar above the keys. The symbols layout shares the method, so switching to it
// keeps what is being composed.
KeyboardLayout {
    function createInputMethod() {
        return Qt.createQmlObject("import QtQuick; import OneStop.Keyboard; PinyinInputMethod {}", parent, "zh_CN/main.qml")
    }
    sharedLayouts: ["symbols"]
    keyWeight: 160
    readonly property real normalKeyWidth: normalKey.width
    readonly property real functionKeyWidth: mapFromItem(normalKey, normalKey.width / 2, 0).x
    KeyboardRow {
        Key { key: Qt.Key_Q; text: "q" }
        Key { id: normalKey; key: Qt.Key_W; text: "w" }
        Key { key: Qt.Key_E; text: "e" }
        Key { key: Qt.Key_R; text: "r" }
        Key { key: Qt.Key_T; text: "t" }
        Key { key: Qt.Key_Y; text: "y" }
        Key { key: Qt.Key_U; text: "u" }
        Key { key: Qt.Key_I; text: "i" }
        Key { key: Qt.Key_O; text: "o" }
        Key { key: Qt.Key_P; text: "p" }
    }
    KeyboardRow {
        FillerKey { weight: 80 }
        Key { key: Qt.Key_A; text: "a" }
        Key { key: Qt.Key_S; text: "s" }
        Key { key: Qt.Key_D; text: "d" }
        Key { key: Qt.Key_F; text: "f" }
        Key { key: Qt.Key_G; text: "g" }
        Key { key: Qt.Key_H; text: "h" }
        Key { key: Qt.Key_J; text: "j" }
        Key { key: Qt.Key_K; text: "k" }
        Key { key: Qt.Key_L; text: "l" }
        FillerKey { weight: 80 }
    }
    KeyboardRow {
        ShiftKey { weight: functionKeyWidth; Layout.fillWidth: false }
        Key { key: Qt.Key_Z; text: "z" }
        Key { key: Qt.Key_X; text: "x" }
        Key { key: Qt.Key_C; text: "c" }
        Key { key: Qt.Key_V; text: "v" }
        Key { key: Qt.Key_B; text: "b" }
        Key { key: Qt.Key_N; text: "n" }
        Key { key: Qt.Key_M; text: "m" }
        Key { key: Qt.Key_Apostrophe; text: "'" }
        BackspaceKey { weight: functionKeyWidth; Layout.fillWidth: false }
    }
    KeyboardRow {
        SymbolModeKey { weight: functionKeyWidth; Layout.fillWidth: false }
        ChangeLanguageKey { weight: normalKeyWidth; Layout.fillWidth: false }
        Key { key: Qt.Key_Comma; text: "，"; weight: normalKeyWidth; Layout.fillWidth: false; highlighted: true }
        SpaceKey {}
        Key { key: Qt.Key_Period; text: "。"; weight: normalKeyWidth; Layout.fillWidth: false; highlighted: true }
        EnterKey { weight: functionKeyWidth; Layout.fillWidth: false }
    }
}
