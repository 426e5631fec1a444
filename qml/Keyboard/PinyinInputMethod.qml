import QtQuick
import QtQuick.VirtualKeyboard
import OneStop.Input

// The keyboard's Chinese input method: letters go to the pinyin engine (Pinyin, C++ over libgooglepinyin),
// its pre-edit is shown in the field and its candidates in the bar above the keys. Choosing a candidate
// fixes the syllables it covers; the text is committed when every syllable is fixed. Space commits the
// best reading, Enter the letters as typed, backspace takes back a letter or a choice. No prediction.
InputMethod {
    id: method

    property int mode: InputEngine.InputMode.Pinyin
    readonly property bool composingPinyin: mode === InputEngine.InputMode.Pinyin && Pinyin.available

    // The session's end wiped the engine: nothing composed may stay on screen.
    property Connections wipes: Connections {
        target: Pinyin
        function onWiped() {
            method.show()
        }
    }

    function inputModes(locale) {
        return [InputEngine.InputMode.Pinyin, InputEngine.InputMode.Latin]
    }

    function setInputMode(locale, inputMode) {
        reset()
        mode = inputMode
        return true
    }

    // Called when another layout's method takes over. Must exist: Qt 6.4's InputMethod otherwise calls
    // itself for ever.
    function clearInputMode() {
        reset()
    }

    function setTextCase(textCase) {
        return true
    }

    // Shows the engine's composition: the pre-edit in the field, the candidates in the bar.
    function show() {
        Keyboard.compositionShown(Pinyin.preedit.length)
        if (inputContext && inputContext.preeditText !== Pinyin.preedit)
            inputContext.preeditText = Pinyin.preedit
        selectionListChanged(SelectionListModel.Type.WordCandidateList)
        selectionListActiveItemChanged(SelectionListModel.Type.WordCandidateList, Pinyin.candidateCount > 0 ? 0 : -1)
    }

    function commitText(text) {
        Keyboard.compositionEnded()
        if (inputContext && text.length > 0)
            inputContext.commit(text)
        else if (inputContext)
            inputContext.preeditText = ""
        show()
    }

    function reset() {
        Keyboard.compositionEnded()
        Pinyin.reset()
        show()
    }

    // The field changed under the composition (focus, cursor): what was composed is committed. A web page's
    // field echoing the pre-edit into its text is not a change (KeyboardController.changedUnderComposition).
    function update() {
        if (!Pinyin.composing)
            return
        if (inputContext && !Keyboard.changedUnderComposition(inputContext.surroundingText, inputContext.cursorPosition))
            return
        commitText(Pinyin.finish())
    }

    function keyEvent(key, text, modifiers) {
        if (!composingPinyin)
            return false
        if ((key >= Qt.Key_A && key <= Qt.Key_Z) || (key === Qt.Key_Apostrophe && Pinyin.composing)) {
            if (!Pinyin.composing && inputContext)
                    if (!Pinyin.composing && inputContext)
                Keyboard.compositionStarted(inputContext.surroundingText, inputContext.cursorPosition)
            // A letter beyond what the engine decodes is swallowed rather than typed unconverted.
            Pinyin.addLetter(text.length > 0 ? text : String.fromCharCode(key).toLowerCase())
            show()
            return true
        }
        if (!Pinyin.composing)
            return false
        switch (key) {
        case Qt.Key_Backspace:
            Pinyin.backspace()
            show()
            return true
        case Qt.Key_Space:
            commitText(Pinyin.finish())
            return true
        case Qt.Key_Return:
        case Qt.Key_Enter:
            commitText(Pinyin.takeSpelling())
            return true
        default:
            // Punctuation or a digit: the composition is finished first, then the key types itself.
            commitText(Pinyin.finish())
            return false
        }
    }

    function selectionLists() {
        return [SelectionListModel.Type.WordCandidateList]
    }

    function selectionListItemCount(type) {
        return Pinyin.candidateCount
    }

    function selectionListData(type, index, role) {
        switch (role) {
        case SelectionListModel.Role.Display:
            return Pinyin.candidate(index)
        case SelectionListModel.Role.WordCompletionLength:
            return 0
        default:
            return null
        }
    }

    function selectionListItemSelected(type, index) {
        const text = Pinyin.choose(index)
        if (text.length > 0)
            commitText(text)
        else
            show()
    }

    function selectionListRemoveItem(type, index) {
        return false
    }
}
