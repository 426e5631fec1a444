pragma Singleton
import QtQuick

// Sizes, colours and fonts of the kiosk, for a 1920x1080 touch screen read standing at arm's length.
// Every file takes its looks from here, so the elderly mode (长辈版: larger text and targets, no pop-ups)
// changes this file and nothing else. The shell binds `elderly` to DisplayMode.elderly (per session);
// KioskWindow sets `animations` from the site configuration.
QtObject {
    // The elderly mode: every size grows with `scale`, body text with `textScale`, headings less (they
    // are large already, and the screens must still fit); pop-ups become inline (`popups`).
    property bool elderly: false
    readonly property real scale: elderly ? 1.25 : 1.0
    readonly property real textScale: elderly ? 1.5 : 1.0
    // Pop-ups over the screen (the idle question in a box over a dimmed screen). Off in the elderly mode:
    // such a question takes the whole screen instead, as a screen of its own.
    readonly property bool popups: !elderly
    // Off on kiosks that run without GPU or for residents who are disturbed by motion.
    property bool animations: true

    readonly property string fontFamily: "Noto Sans CJK SC"

    // Pixels per density-independent pixel (dp, 1/160 inch). The sizes below are written in pixels of
    // the 1920x1080 screen; kiosk screens of 1080 lines are 21" or larger (<= 105 dpi, so 1 px >= 1.5 dp):
    // counting 1 px as 1 dp errs on the safe side for the minimums.
    readonly property real dp: 1.0
    // What the elderly mode promises (tests check the screens against these, in dp).
    readonly property int minBodyDp: 18
    readonly property int minHeadingDp: 30
    readonly property int minTouchDp: 60
    readonly property real minContrast: 4.5

    // Text sizes in pixels: body roles (small, body, button) grow by textScale; heading roles (heading,
    // title) grow to stay above the body text, the huge one (the case number) stays. All six stay
    // different from each other in both modes.
    readonly property int fontHuge: 72
    readonly property int fontTitle: elderly ? 58 : 48
    readonly property int fontHeading: elderly ? 52 : 38
    readonly property int fontBody: Math.round(30 * textScale)
    readonly property int fontSmall: Math.round(24 * textScale)
    readonly property int fontButton: Math.round(32 * textScale)

    // Touch targets: never below 80 px in either direction.
    readonly property int touchTarget: Math.max(80, Math.round(88 * scale))
    readonly property int buttonMinWidth: Math.round(240 * scale)
    readonly property int bigButtonHeight: elderly ? 132 : 120
    // A compact toggle in the header (elderly mode, voice): square-ish, still a full touch target.
    readonly property int toggleMinWidth: Math.round(160 * scale)

    readonly property int headerHeight: Math.round(120 * scale)
    // Spaces stay as they are in the elderly mode: the larger text needs the room.
    readonly property int margin: 48
    readonly property int spacing: 24
    readonly property int smallSpacing: 12
    readonly property int radius: 12
    readonly property int borderWidth: 2

    // Colours. Every text colour on every background it is drawn on reaches minContrast (WCAG 2.x, 4.5:1)
    // in both modes: `textPairs` lists them, a test computes each, and another walks the rendered screens
    // (a pair not listed here fails there).
    readonly property color background: "#f2f5fa"
    readonly property color surface: "#ffffff"
    readonly property color border: "#c9d1dd"
    readonly property color text: "#1a1f29"
    readonly property color textMuted: elderly ? "#3d4756" : "#4f5a6b"
    readonly property color textOnPrimary: "#ffffff"
    readonly property color primary: "#1457b8"
    readonly property color primaryPressed: "#0d3f88"
    readonly property color primaryLight: "#e3edfb"
    readonly property color secondary: "#ffffff"
    readonly property color secondaryPressed: "#dfe6f0"
    readonly property color danger: "#b3261e"
    readonly property color dangerPressed: "#8c1d18"
    readonly property color disabled: "#e4e7ec"
    readonly property color textDisabled: "#525a66"
    readonly property color error: "#b3261e"
    readonly property color warning: "#8a5300"
    readonly property color warningLight: "#fff3d6"
    readonly property color success: "#1e6b34"
    readonly property color headerBackground: "#1457b8"
    readonly property color overlay: "#99000000"
    // Behind a QR code: its quiet zone is white whatever the theme.
    readonly property color codeBackground: "#ffffff"

    // [text colour, background colour] by property name: every pairing the screens and controls draw.
    readonly property var textPairs: [
        ["text", "background"], ["text", "surface"], ["text", "disabled"], ["text", "primaryLight"],
        ["text", "warningLight"], ["text", "secondaryPressed"],
        ["textMuted", "background"], ["textMuted", "surface"], ["textMuted", "disabled"],
        ["textOnPrimary", "primary"], ["textOnPrimary", "primaryPressed"], ["textOnPrimary", "headerBackground"],
        ["textOnPrimary", "danger"], ["textOnPrimary", "dangerPressed"], ["textOnPrimary", "text"],
        ["primary", "secondary"], ["primary", "secondaryPressed"], ["primary", "surface"], ["primary", "background"],
        ["primary", "primaryLight"],
        ["textDisabled", "disabled"],
        ["error", "background"], ["error", "surface"], ["error", "disabled"], ["error", "warningLight"],
        ["warning", "background"], ["warning", "surface"], ["warning", "warningLight"],
        ["success", "background"], ["success", "surface"],
        ["danger", "background"], ["danger", "surface"]
    ]
}
