import QtQuick
import QtTest
import OneStop.Core
import OneStop.Screens
import OneStop.Test

// The idle warning over any screen: it appears after a minute without a touch, "I need more time"
// dismisses it, "End now" and silence end the session.
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

    ScreenTestCase {
        name: "Idle"

        function test_more_time_dismisses_warning() {
            root = createTemporaryObject(shellComponent, top)
            identify(0)
            verify(!findVisible(root, "idle.warning"))
            Harness.advanceClock(61000)
            verify(Session.idleWarning)
            item("idle.warning")
            const secondsLeft = item("idle.secondsLeft")
            verify(secondsLeft.text.indexOf(String(Session.idleSecondsLeft)) >= 0, secondsLeft.text)
            verify(Session.idleSecondsLeft > 0)

            tap("idle.extend")
            verify(!Session.idleWarning)
            verify(!findVisible(root, "idle.warning"))
            compare(Session.screenName, "catalog")
        }

        function test_warning_blocks_taps_behind_it() {
            root = createTemporaryObject(shellComponent, top)
            identify(0)
            Harness.advanceClock(61000)
            verify(Session.idleWarning)
            // A tap on the header's "End" under the overlay is not an answer and does nothing.
            mouseClick(root, root.width - 100, 60)
            compare(Session.screenName, "catalog")
            verify(Session.idleWarning)
        }

        function test_end_now_ends_session() {
            root = createTemporaryObject(shellComponent, top)
            identify(0)
            Harness.advanceClock(61000)
            tap("idle.end")
            expectScreen("attract")
            verify(!Session.idleWarning)
            verify(!findVisible(root, "idle.warning"))
        }

        function test_no_answer_times_out() {
            root = createTemporaryObject(shellComponent, top)
            identify(0)
            Harness.advanceClock(61000)
            verify(Session.idleWarning)
            Harness.advanceClock(31000)
            expectScreen("attract")
            verify(!findVisible(root, "idle.warning"))
            compare(Session.identified, false)
        }
    }
}
