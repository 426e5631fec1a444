import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import OneStop.Controls
import OneStop.Input

// The kiosk's on-screen keyboard (Qt Virtual Keyboard with the layouts of this module), docked at the
// bottom of the window. It is there whenever a text field has focus; `occupiedHeight` tells the window how
// much of its bottom the keyboard takes, so that the content above it is laid out in what is left and the
// focused field is scrolled into view there: the keyboard never covers the field being typed in.
// The layout follows the field's input method hints (docs/keyboard.md); the language starts as
// Keyboard.locale says and the language key toggles between Chinese (pinyin) and English. At the end of a
// session (Keyboard.wiped) everything it holds is cleared: pre-edit, candidates, shift, symbols, language.
Item {
    id: dock
    objectName: "keyboard.dock"

    // The keyboard's height while it is shown, 0 otherwise.
    readonly property real occupiedHeight: panel.active ? panel.height : 0
    readonly property alias panel: panel

    // Keeps the focused item in view: scrolls every Flickable it is in so that the item is inside the
    // Flickable's visible part (which, the window being laid out above the keyboard, is above the keyboard).
    function revealFocusedItem() {
        const target = dock.Window.activeFocusItem
        if (!target || !panel.active)
            return
        for (let p = target.parent; p; p = p.parent) {
            if (!(p instanceof Flickable))
                continue
            const top = target.mapToItem(p.contentItem, 0, 0).y
            const bottom = top + target.height
            const margin = Theme.spacing
            let y = p.contentY
            if (bottom + margin > y + p.height)
                y = bottom + margin - p.height
            if (top - margin < y)
                y = top - margin
            y = Math.max(0, Math.min(y, p.contentHeight - p.height))
            if (y !== p.contentY)
                p.contentY = y
        }
    }

    // The window lays itself out again after the keyboard opened: reveal once that is done.
    function revealLater() {
        Qt.callLater(dock.revealFocusedItem)
    }

    Rectangle {
        objectName: "keyboard.background"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: dock.occupiedHeight
        visible: panel.active
        color: Theme.text
    }

    InputPanel {
        id: panel
        objectName: "keyboard.panel"
        // Wide enough for touch targets (keys of about 125 x 95 px), not so wide that the keys leave no room
        // for the form: the same in the elderly mode, whose larger header and buttons need the room.
        width: Math.min(dock.width, 1400)
        anchors.horizontalCenter: parent.horizontalCenter
        y: active ? dock.height - height : dock.height
        visible: active
        externalLanguageSwitchEnabled: true
        // Two languages: the language key toggles between them.
        onExternalLanguageSwitch: (localeList, currentIndex) => Keyboard.toggleLocale()
        onActiveChanged: dock.revealLater()
        onHeightChanged: dock.revealLater()
    }

    Binding {
        target: VirtualKeyboardSettings
        property: "locale"
        value: Keyboard.locale
    }

    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_GB"]
        // The candidate bar keeps its place above the keys, so the keyboard's height never changes
        // while typing.
        VirtualKeyboardSettings.wordCandidateList.alwaysVisible = true
        VirtualKeyboardSettings.defaultInputMethodDisabled = true
        // The candidate bar builds only the candidates it shows: candidates built ahead in its cache are
        // cancelled (with a warning) when a choice shrinks the list under them.
        const bar = dock.findChild(panel, "wordCandidateView")
        if (bar)
            bar.cacheBuffer = 0
    }

    function findChild(item, name) {
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findChild(item.children[i], name)
            if (found)
                return found
        }
        return null
    }

    Connections {
        target: InputContext
        function onInputItemChanged() {
            Keyboard.fieldFocused(InputContext.inputMethodHints)
            dock.revealLater()
        }
        function onInputMethodHintsChanged() {
            Keyboard.fieldFocused(InputContext.inputMethodHints)
        }
        function onCursorRectangleChanged() {
            dock.revealLater()
        }
    }

    // The input context keeps what it last read from a field (its text around the cursor, its selection)
    // until another field takes the focus. After a wipe, once no field has the focus (the old screen and
    // its fields are deleted just after the session's end), this empty field takes it for a moment, so
    // that the context reads nothing from the resident's last field.
    property bool forgetPending: false

    function forgetLastField() {
        if (!forgetPending)
            return
        const focused = dock.Window.activeFocusItem
        if (focused && focused !== blank && focused.inputMethodComposing !== undefined)
            return // a text field still has the focus: the context reads that field, not an old one
        forgetPending = false
        blank.forceActiveFocus()
        blank.focus = false
    }

    Connections {
        target: dock.Window.window
        function onActiveFocusItemChanged() {
            if (dock.forgetPending)
                Qt.callLater(dock.forgetLastField)
        }
    }

    TextInput {
        id: blank
        objectName: "keyboard.blank"
        width: 1
        height: 1
        opacity: 0
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
    }

    Connections {
        target: Keyboard
        function onWiped() {
            InputContext.priv.shiftHandler.capsLockActive = false
            InputContext.priv.shiftHandler.shiftActive = false
            if (InputContext.preeditText.length > 0)
                InputContext.clear()
            panel.keyboard.symbolMode = false
            dock.forgetPending = true
            Qt.callLater(dock.forgetLastField)
        }
    }
}
