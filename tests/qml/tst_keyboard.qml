import QtQuick
import QtQuick.Controls.Basic
import QtQuick.VirtualKeyboard
import QtTest
import OneStop.Controls
import OneStop.Core
import OneStop.Input
import OneStop.Keyboard
import OneStop.Screens
import OneStop.Test

// The on-screen keyboard (Qt Virtual Keyboard with the kiosk's layouts and the pinyin method), driven
// the way a resident drives it: by tapping its keys and the candidates in its bar.
Item {
    id: top
    width: 1920
    height: 1080

    Component { id: windowComponent; KioskWindow {} }

    // A field outside any form (as a search field would be: not personal, so the engine may learn) and
    // an ID number editor as a form shows it when the number is typed, with the kiosk's keyboard.
    Component {
        id: benchComponent
        Item {
            width: 1920
            height: 1080
            TextField {
                objectName: "bench.search"
                x: 100; y: 40; width: 800; height: 80
            }
            FieldEditor {
                x: 100; y: 160; width: 800
                inputName: "bench.id_number"
                label: "ID number"
                type: "id_number"
            }
            KioskKeyboard {
                anchors.fill: parent
            }
        }
    }

    ScreenTestCase {
        id: test
        name: "Keyboard"

        property var window: null

        function cleanup() {
            if (window)
                window.close()
            window = null
        }

        // The kiosk window, shown and active, with the session on the form of `serviceId`.
        function openFormInWindow(serviceId) {
            window = createTemporaryObject(windowComponent, top)
            verify(window !== null)
            window.show()
            window.requestActivate()
            tryVerify(() => window.active, 3000, "the kiosk window does not become active")
            root = window.contentItem
            identify(0)
            return openForm(serviceId)
        }

        // The bench in the test's own window, made the active window again.
        function openBench() {
            const bench = createTemporaryObject(benchComponent, top)
            verify(bench !== null)
            top.Window.window.requestActivate()
            tryVerify(() => top.Window.active, 3000, "the test window does not become active")
            root = bench
            return bench
        }

        function panel() {
            return findVisible(root, "keyboard.panel")
        }

        function findAll(item, predicate, out) {
            if (!item)
                return out
            if (predicate(item))
                out.push(item)
            for (let i = 0; i < item.children.length; ++i)
                findAll(item.children[i], predicate, out)
            return out
        }

        // The visible keys of the keyboard's current layout.
        function keys() {
            const loader = findAll(panel(), i => i.objectName === "keyboardLayoutLoader", [])[0]
            verify(loader && loader.item, "no keyboard layout loaded")
            return findAll(loader.item, i => i.keyType !== undefined && i.visible && i.width > 0, [])
        }

        function keyTexts() {
            return keys().filter(k => k.text.length > 0).map(k => k.text)
        }

        // Taps the virtual key that types `character` (letters in lower case).
        function tapKey(character) {
            const key = keys().find(k => k.text === character)
            verify(key !== undefined, "no key '" + character + "' in " + JSON.stringify(keyTexts()))
            mouseClick(key)
        }

        function tapKeys(text) {
            for (const c of text)
                tapKey(c)
        }

        // Taps a key by its Qt key code (backspace, space, enter).
        function tapFunctionKey(code) {
            const key = keys().find(k => k.key === code)
            verify(key !== undefined, "no key with code " + code)
            mouseClick(key)
        }

        function candidateBar() {
            return findAll(panel(), i => i.objectName === "wordCandidateView", [])[0]
        }

        function candidates() {
            const bar = candidateBar()
            const list = []
            for (let i = 0; bar.model && i < bar.model.count; ++i)
                list.push(bar.model.dataAt(i))
            return list
        }

        // Taps the candidate showing `text` in the bar (scrolling the bar to it first).
        function tapCandidate(text) {
            const bar = candidateBar()
            let index = -1
            tryVerify(() => (index = candidates().indexOf(text)) >= 0, 3000,
                      "'" + text + "' not among the candidates " + JSON.stringify(candidates().slice(0, 20)))
            bar.positionViewAtIndex(index, ListView.Beginning)
            let delegate = null
            tryVerify(() => (delegate = bar.itemAtIndex(index)) !== null, 3000, "no delegate for candidate " + index)
            // The bar slides new candidates in: tap once the candidate has arrived inside the bar.
            tryVerify(() => {
                const at = delegate.mapToItem(bar, 0, 0)
                return at.y >= 0 && at.y + delegate.height <= bar.height && at.x >= 0 && at.x + delegate.width <= bar.width
            }, 3000, "candidate " + index + " does not come into the bar")
            mouseClick(delegate)
        }

        function waitForPanel() {
            tryVerify(() => panel() !== null && panel().active, 3000, "the keyboard does not open")
            tryVerify(() => keys().length > 0, 3000, "the keyboard shows no keys")
        }

        // Scrolls the form as a resident would, until the field is in the middle of what the form shows.
        // `where`: "middle", or "bottom" (the lowest place where it can still be tapped, where the keyboard
        // will open).
        function scrollTo(field, where) {
            for (let p = field.parent; p; p = p.parent) {
                if (!(p instanceof Flickable))
                    continue
                const y = field.mapToItem(p.contentItem, 0, 0).y
                const offset = where === "bottom" ? p.height - field.height - 4 : (p.height - field.height) / 2
                p.contentY = Math.max(0, Math.min(y - offset, p.contentHeight - p.height))
            }
            waitForRendering(field)
        }

        function focusField(name, where) {
            const field = item(name)
            scrollTo(field, where)
            mouseClick(field)
            tryVerify(() => field.activeFocus, 3000, "'" + name + "' does not take focus")
            waitForPanel()
            return field
        }

        function test_shequ_offers_shequ_and_commits_it() {
            openFormInWindow("residence-permit")
            const field = focusField("form.field.shanghai_address")
            compare(Keyboard.locale, "zh_CN")
            tapKeys("shequ")
            tryVerify(() => candidates().length > 0, 3000, "no candidates for shequ")
            compare(candidates()[0], "社区")
            compare(field.text, "", "the field takes the composition before a candidate is chosen")
            tapCandidate("社区")
            tryCompare(field, "text", "社区")
            compare(Form.value("shanghai_address"), "社区")
        }

        function test_name_chosen_syllable_by_syllable() {
            openFormInWindow("elderly-allowance")
            const field = focusField("form.field.agent_name")
            tapKeys("wangxiuying")
            tryVerify(() => candidates().length > 0)
            verify(candidates()[0] !== "王秀英")
            tapCandidate("王")
            tapCandidate("秀")
            tapCandidate("英")
            tryCompare(field, "text", "王秀英")
            compare(Form.value("agent_name"), "王秀英")
            // Backspace through the keyboard takes a letter back while composing.
            tapKeys("shequx")
            tapFunctionKey(Qt.Key_Backspace)
            tryVerify(() => candidates()[0] === "社区")
            tapFunctionKey(Qt.Key_Space)
            tryCompare(field, "text", "王秀英社区")
        }

        function test_phone_shows_digits() {
            openFormInWindow("elderly-allowance")
            const field = focusField("form.field.phone")
            const texts = keyTexts()
            for (const digit of "0123456789")
                verify(texts.indexOf(digit) >= 0, "no digit " + digit + " in " + JSON.stringify(texts))
            verify(texts.indexOf("q") < 0 && texts.indexOf("a") < 0, "letters on the phone pad: " + JSON.stringify(texts))
            tapKeys("13812345678")
            tryCompare(field, "text", "13812345678")
            compare(Form.value("phone"), "13812345678")
            compare(Form.error("phone"), "")
        }

        function test_id_number_offers_x() {
            const bench = openBench()
            const field = focusField("bench.id_number")
            const texts = keyTexts()
            verify(texts.indexOf("X") >= 0, "no X on the ID number pad: " + JSON.stringify(texts))
            for (const digit of "0123456789")
                verify(texts.indexOf(digit) >= 0, "no digit " + digit)
            verify(texts.indexOf("q") < 0, "letters on the ID number pad")
            tapKeys("11010519491231002X")
            tryCompare(field, "text", "11010519491231002X")
            // A plain digits field has no X.
            field.inputMethodHints = Qt.ImhDigitsOnly
            tryVerify(() => keyTexts().indexOf("X") < 0, 3000, "X on a plain digits pad")
            verify(keyTexts().indexOf("7") >= 0)
        }

        // Every editable field of a long form, from the first to the last: the keyboard is open and the
        // field lies entirely inside the window above the keyboard.
        function test_panel_never_covers_the_focused_field() {
            openFormInWindow("residence-permit")
            const names = []
            const editors = findAll(root, i => i.objectName.startsWith("form.field.")
                                    && (i instanceof TextInput || i instanceof TextEdit)
                                    && i.visible, [])
            for (const e of editors)
                names.push(e.objectName)
            verify(names.indexOf("form.field.phone") >= 0, JSON.stringify(names))
            verify(names.length >= 4, JSON.stringify(names)) // address, date, employer, phone
            const wouldHaveCovered = []
            let previous = null
            for (const name of names) {
                // Leave the field first, so that the keyboard closes and opens again on the tap.
                const field = item(name)
                if (previous)
                    previous.focus = false
                previous = field
                tryVerify(() => !panel() || !panel().active, 3000, "the keyboard stays open without a field")
                scrollTo(field, "bottom")
                const before = field.mapToItem(window.contentItem, 0, 0).y + field.height
                focusField(name, "bottom")
                const p = panel()
                if (before > p.mapToItem(window.contentItem, 0, 0).y)
                    wouldHaveCovered.push(name)
                tryVerify(() => {
                    const f = field.mapToItem(window.contentItem, 0, 0)
                    const k = p.mapToItem(window.contentItem, 0, 0)
                    return f.y >= 0 && f.y + field.height <= k.y
                }, 3000, name + " is not above the keyboard")
                const f = field.mapToItem(window.contentItem, 0, 0)
                const k = p.mapToItem(window.contentItem, 0, 0)
                verify(f.y + field.height <= k.y, name + ": field bottom " + (f.y + field.height) + " > keyboard top " + k.y)
                verify(p.height > 0)
                compare(k.y + p.height, window.contentItem.height)
            }
            // Where the lower fields were tapped, the keyboard would have covered them had nothing moved
            // (the top ones cannot be scrolled that low).
            verify(wouldHaveCovered.indexOf("form.field.phone") >= 0, JSON.stringify(wouldHaveCovered))
            verify(wouldHaveCovered.length >= 2, JSON.stringify(wouldHaveCovered))
        }

        // What the engine learned in a session (a phrase chosen syllable by syllable in a field that is
        // not personal) is offered first for the rest of it, and no longer after the session's wipe.
        function test_wipe_forgets_learned_words_and_keyboard_state() {
            const bench = openBench()
            const field = focusField("bench.search")
            verify(Pinyin.learning)
            tapKeys("wangxiuying")
            tryVerify(() => candidates().length > 0)
            const dictionaryRank = candidates().indexOf("王秀英")
            verify(dictionaryRank !== 0)
            tapCandidate("王")
            tapCandidate("秀")
            tapCandidate("英")
            tryCompare(field, "text", "王秀英")
            tapKeys("wangxiuying")
            tryVerify(() => candidates().length > 0)
            compare(candidates()[0], "王秀英", "learned within the session")

            // Mid-composition and shifted: the session ends.
            verify(InputContext.preeditText.length > 0)
            tapFunctionKey(Qt.Key_Shift)
            tryVerify(() => InputContext.shiftActive, 3000, "shift does not engage")
            Session.endSession()
            tryCompare(InputContext, "preeditText", "")
            verify(!Pinyin.composing)
            compare(Pinyin.candidateCount, 0)
            tryVerify(() => candidates().length === 0)
            compare(Keyboard.locale, "zh_CN")
            verify(!InputContext.shiftActive)
            verify(!InputContext.capsLockActive)

            field.text = ""
            field.forceActiveFocus()
            waitForPanel()
            tapKeys("wangxiuying")
            tryVerify(() => candidates().length > 0)
            compare(candidates().indexOf("王秀英"), dictionaryRank, "still learned after the wipe")
            tapFunctionKey(Qt.Key_Return)
            tryCompare(field, "text", "wangxiuying")
        }

        // The form's fields are marked personal for the input method.
        function test_form_fields_are_personal() {
            openFormInWindow("elderly-allowance")
            const personal = Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            for (const name of ["form.field.agent_name", "form.field.phone"]) {
                const field = item(name)
                compare(field.inputMethodHints & personal, personal, name)
            }
            focusField("form.field.agent_name")
            verify(!Pinyin.learning, "the engine learns in a personal field")
        }
    }
}
