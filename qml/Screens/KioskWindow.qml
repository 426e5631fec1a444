import QtQuick
import QtQuick.Controls.Basic
import OneStop.Controls
import OneStop.Core

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

    KioskShell {
        anchors.fill: parent
    }
}
