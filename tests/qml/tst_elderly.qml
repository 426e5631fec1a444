import QtQuick
import QtTest
import OneStop.Controls
import OneStop.Core
import OneStop.Screens
import OneStop.Test
import "ScreenChecks.js" as Checks

// The elderly mode (长辈版): one tap away on every screen, from the Theme only. Walks a resident's whole
// journey in the standard and in the elderly mode and measures every visible text and touch target of
// each screen and state, and the contrast of every text against the colour behind it (ScreenChecks.js);
// computes the contrast of every text/background pair the Theme declares, in both modes.
Item {
    id: top
    width: 1920
    height: 1080

    Component {
        id: shellComponent
        KioskShell {
            width: 1920
            height: 1080
        }
    }

    // A light grey text on white (2.3:1) beside a good one, under a semi-transparent layer.
    Component {
        id: probeComponent
        Rectangle {
            width: 400
            height: 200
            color: "#ffffff"
            Rectangle {
                anchors.fill: parent
                color: "#40000000"
            }
            Column {
                Text { objectName: "probe.low"; text: "low"; color: "#aaaaaa" }
                Text { objectName: "probe.good"; text: "good"; color: "#1a1f29" }
            }
        }
    }

    ScreenTestCase {
        name: "Elderly"

        property var problems: []

        function cleanup() {
            Theme.elderly = false
        }

        // Text sizes and targets of the current screen.
        function measure(state) {
            waitForRendering(root)
            const where = (Theme.elderly ? "elderly" : "standard") + " " + state
            problems = problems.concat(Checks.sizeProblems(root, Theme, where))
            problems = problems.concat(Checks.contrastProblems(root, Theme.minContrast, where))
            problems = problems.concat(Checks.reachProblems(root, where))
            // The walk sees the screen (not an empty tree).
            const texts = Checks.visibleItems(root, []).filter(i => Checks.isText(i) && i.text.length > 0)
            const targets = Checks.visibleItems(root, []).filter(i => Checks.isTappable(i))
            verify(texts.length >= 2 && targets.length >= 1, where + ": " + texts.length + " texts, " + targets.length + " targets")
        }

        // The catalog scrolls (two columns in the elderly mode): the tile is brought into view first.
        function chooseService(id) {
            item("catalog.grid").positionViewAtIndex(Harness.serviceIds().indexOf(id), GridView.Contain)
            tap("catalog.service." + id)
        }

        function test_theme_roles() {
            const roles = ["fontSmall", "fontBody", "fontButton", "fontHeading", "fontTitle", "fontHuge"]
            const standard = {}
            Theme.elderly = false
            for (const r of roles)
                standard[r] = Theme[r]
            const standardTarget = Theme.touchTarget
            Theme.elderly = true
            for (const r of roles) {
                if (Checks.isHeadingRole(r)) {
                    verify(Theme[r] >= Theme.minHeadingDp * Theme.dp, r + " " + Theme[r])
                    verify(Theme[r] >= standard[r], r)
                } else {
                    verify(Theme[r] >= 1.5 * standard[r], r + ": " + Theme[r] + " < 1.5 x " + standard[r])
                    verify(Theme[r] >= Theme.minBodyDp * Theme.dp, r + " " + Theme[r])
                }
            }
            // Every role keeps its own size (the screen walk tells roles apart by size).
            compare(Object.keys(Checks.fontRoles(Theme)).length, roles.length)
            Theme.elderly = false
            compare(Object.keys(Checks.fontRoles(Theme)).length, roles.length)
            verify(Theme.touchTarget >= Theme.minTouchDp * Theme.dp)
            Theme.elderly = true
            verify(Theme.touchTarget >= standardTarget)
            verify(!Theme.popups)
        }

        function test_theme_contrast_pairs_data() {
            return [ { tag: "standard", elderly: false }, { tag: "elderly", elderly: true } ]
        }

        function test_theme_contrast_pairs(data) {
            Theme.elderly = data.elderly
            verify(Theme.textPairs.length > 20)
            const failures = []
            for (const pair of Theme.textPairs) {
                const fg = Theme[pair[0]], bg = Theme[pair[1]]
                verify(fg !== undefined && bg !== undefined, pair.join(" on ") + ": no such Theme colour")
                compare(fg.a, 1, pair[0] + " is not opaque")
                compare(bg.a, 1, pair[1] + " is not opaque")
                const ratio = Checks.contrast(fg, bg)
                if (ratio < Theme.minContrast)
                    failures.push(pair[0] + " " + fg + " on " + pair[1] + " " + bg + " = " + ratio.toFixed(2) + ":1")
            }
            verify(failures.length === 0, "\n" + failures.join("\n"))
            // The formula itself: black on white is 21:1, a colour on itself 1:1, and the two known values.
            fuzzyCompare(Checks.contrast(Qt.color("#000000"), Qt.color("#ffffff")), 21, 0.001)
            fuzzyCompare(Checks.contrast(Qt.color("#1457b8"), Qt.color("#1457b8")), 1, 0.001)
            fuzzyCompare(Checks.contrast(Qt.color("#6b7280"), Qt.color("#e4e7ec")), 3.90, 0.01)
            fuzzyCompare(Checks.contrast(Qt.color("#767676"), Qt.color("#ffffff")), 4.54, 0.01)
        }

        // The walk sees a low-contrast text that no Theme pair mentions.
        function test_walk_catches_a_new_pair() {
            const probe = createTemporaryObject(probeComponent, top)
            waitForRendering(probe)
            const problems = Checks.contrastProblems(probe, Theme.minContrast, "probe")
            compare(problems.length, 1, problems.join("\n"))
            verify(problems[0].indexOf("probe.low") >= 0, problems[0])
        }

        function test_every_screen_measured_data() {
            return [ { tag: "standard", elderly: false }, { tag: "elderly", elderly: true } ]
        }

        // The whole journey; in the elderly mode switched on with the attract screen's one tap.
        function test_every_screen_measured(data) {
            problems = []
            root = createTemporaryObject(shellComponent, top)
            expectScreen("attract")
            measure("attract")
            tap(data.elderly ? "attract.elderly" : "attract.start")
            expectScreen("language")
            compare(DisplayMode.elderly, data.elderly)
            compare(Theme.elderly, data.elderly)
            measure("language")
            tap("language.zh_CN")
            expectScreen("identify")
            measure("identify")
            Simulator.scan("https://example.invalid/appointment?code=A1")
            tryVerify(() => Session.notice.length > 0)
            measure("identify-notice")
            tap("notice.dismiss")
            Simulator.placeSampleCard(0)
            expectScreen("catalog")
            measure("catalog")
            Simulator.setPlugged("camera", false)
            tryCompare(item("catalog.service.residence-permit"), "available", false)
            measure("catalog-unavailable")
            Simulator.setPlugged("camera", true)
            chooseService("elderly-allowance")
            expectScreen("guide")
            measure("guide")
            Harness.advanceClock(Theme.elderly ? 121000 : 61000)
            verify(Session.idleWarning)
            measure("idle-warning")
            tap("idle.extend")
            tap("guide.start")
            expectScreen("form")
            measure("form")
            typeInto("form.field.phone", "1381234")
            tap("form.next")
            tryVerify(() => Session.notice.length > 0)
            measure("form-errors")
            typeInto("form.field.phone", "13812345678")
            tap("form.field.payout.bank_account")
            tap("form.next")
            expectScreen("review")
            measure("review")
            tap("review.consent")
            tap("review.submit")
            expectScreen("receipt")
            tryCompare(Submission, "receiptState", SubmissionController.Printed, 5000)
            measure("receipt")
            tap("receipt.continue")
            expectScreen("rating")
            measure("rating")
            tap("rating.level.5")
            expectScreen("goodbye")
            measure("goodbye")
            compare(DisplayMode.elderly, data.elderly)
            tap("goodbye.finish")
            expectScreen("attract")
            // The mode belongs to the session: the next resident starts from the standard one.
            verify(!DisplayMode.elderly)
            verify(!Theme.elderly)
            verify(problems.length === 0, "\n" + problems.join("\n"))
        }

        function test_toggle_on_every_header_screen() {
            root = createTemporaryObject(shellComponent, top)
            item("attract.elderly")
            tap("attract.start")
            expectScreen("language")
            tap("header.elderly")
            verify(DisplayMode.elderly)
            verify(Theme.elderly)
            // On by default with the elderly mode; the resident can turn it off.
            verify(DisplayMode.voice)
            tap("header.voice")
            verify(!DisplayMode.voice)
            tap("header.elderly")
            verify(!DisplayMode.elderly)
            verify(!DisplayMode.voice)
            tap("header.voice")
            verify(DisplayMode.voice)
            tap("language.en")
            expectScreen("identify")
            item("header.elderly")
            item("header.voice")
            tap("header.end")
            expectScreen("attract")
            verify(!DisplayMode.voice)
        }

        // Twice the time before the warning, and twice the time to answer it.
        function test_idle_timeouts_doubled() {
            root = createTemporaryObject(shellComponent, top)
            tap("attract.elderly")
            expectScreen("language")
            Harness.advanceClock(61000)
            verify(!Session.idleWarning)
            Harness.advanceClock(60000)
            verify(Session.idleWarning)
            verify(Session.idleSecondsLeft > 30, String(Session.idleSecondsLeft))
            // No pop-up: the question is a screen of its own, nothing of the screen behind shows through.
            const warning = item("idle.warning")
            compare(warning.children[0].color, Theme.background)
            Harness.advanceClock(50000)
            compare(Session.screenName, "language")
            Harness.advanceClock(10000)
            expectScreen("attract")
            verify(!DisplayMode.elderly)
        }
    }
}
