pragma Singleton
import QtQuick

// Sizes, colours and fonts of the kiosk, for a 1920x1080 touch screen read standing at arm's length.
// Every file takes its looks from here, so the elderly mode (larger text and targets) changes this file
// and nothing else. KioskWindow sets `animations` from the site configuration.
QtObject {
    // Reserved for the elderly mode: everything that has a size grows with `scale`.
    property bool elderly: false
    readonly property real scale: elderly ? 1.25 : 1.0
    // Off on kiosks that run without GPU or for residents who are disturbed by motion.
    property bool animations: true

    readonly property string fontFamily: "Noto Sans CJK SC"

    // Text sizes in pixels.
    readonly property int fontHuge: Math.round(72 * scale)
    readonly property int fontTitle: Math.round(48 * scale)
    readonly property int fontHeading: Math.round(38 * scale)
    readonly property int fontBody: Math.round(30 * scale)
    readonly property int fontSmall: Math.round(24 * scale)
    readonly property int fontButton: Math.round(32 * scale)

    // Touch targets: never below 80 px in either direction.
    readonly property int touchTarget: Math.max(80, Math.round(88 * scale))
    readonly property int buttonMinWidth: Math.round(240 * scale)
    readonly property int bigButtonHeight: Math.round(120 * scale)

    readonly property int headerHeight: Math.round(120 * scale)
    readonly property int margin: Math.round(48 * scale)
    readonly property int spacing: Math.round(24 * scale)
    readonly property int smallSpacing: Math.round(12 * scale)
    readonly property int radius: Math.round(12 * scale)
    readonly property int borderWidth: 2

    // Colours (contrast of text on its background >= 4.5:1).
    readonly property color background: "#f2f5fa"
    readonly property color surface: "#ffffff"
    readonly property color border: "#c9d1dd"
    readonly property color text: "#1a1f29"
    readonly property color textMuted: "#4f5a6b"
    readonly property color textOnPrimary: "#ffffff"
    readonly property color primary: "#1457b8"
    readonly property color primaryPressed: "#0d3f88"
    readonly property color primaryLight: "#e3edfb"
    readonly property color secondary: "#ffffff"
    readonly property color secondaryPressed: "#dfe6f0"
    readonly property color danger: "#b3261e"
    readonly property color dangerPressed: "#8c1d18"
    readonly property color disabled: "#e4e7ec"
    readonly property color textDisabled: "#6b7280"
    readonly property color error: "#b3261e"
    readonly property color warning: "#8a5300"
    readonly property color warningLight: "#fff3d6"
    readonly property color success: "#1e6b34"
    readonly property color headerBackground: "#1457b8"
    readonly property color overlay: "#99000000"
}
