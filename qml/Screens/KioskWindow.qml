import QtQuick
import QtQuick.Controls.Basic
import OneStop.Controls
import OneStop.Core
import OneStop.Keyboard

// The kiosk's window: 1920x1080, shown (full screen or not) by main.cpp. Sets the theme's site-wide
// switches and holds the shell.
ApplicationWindow {
    id: window
    objectName: "kiosk.window"

    width: 1920
    height: 1080
    title: qsTr("OneStop self-service kiosk")
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    Binding {
        target: Theme
        property: "animations"
        value: Kiosk.animations
    }

    // The screens take what the on-screen keyboard leaves free, so it never covers the field in use.
    KioskShell {
        keyboardOpen: keyboard.occupiedHeight > 0
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: parent.height - keyboard.occupiedHeight
    }

    KioskKeyboard {
        id: keyboard
        anchors.fill: parent
        z: 30
    }
}
