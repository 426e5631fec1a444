import QtQuick
import QtTest
import OneStop.Core
import OneStop.Screens
import OneStop.Test

// After a session ends, however it ends, nothing of the resident is left in the item tree: no name, no
// ID number (full or in part), no phone number that was typed.
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
        name: "Wipe"

        readonly property string phone: "13987654321"

        // What would give the resident away, named without repeating the value (test logs stay clean).
        function residentTraces() {
            const fullId = Harness.residentIdNumber(0)
            const fullName = Harness.residentName(0)
            // The masked forms keep the ends of the number and the family name; look for those too.
            return [
                { what: "the ID number", value: fullId },
                { what: "the ID number's first six digits", value: fullId.substring(0, 6) },
                { what: "the ID number's last four digits", value: fullId.substring(14) },
                { what: "the name", value: fullName },
                { what: "the family name", value: fullName.substring(0, 1) },
                { what: "the phone number", value: phone }
            ]
        }

        function findTraces() {
            const found = []
            const texts = collectTexts(root, [])
            for (const trace of residentTraces()) {
                for (const shown of texts) {
                    if (shown.text.indexOf(trace.value) >= 0)
                        found.push(trace.what + " in " + (shown.owner.objectName || String(shown.owner)))
                }
            }
            return found
        }

        // Fills the elderly-allowance form up to the review, where everything is shown in full.
        function fillUpToReview() {
            identify(0)
            openForm("elderly-allowance")
            typeInto("form.field.phone", phone)
            tap("form.field.payout.bank_account")
            tap("form.next")
            expectScreen("review")
            // The traces are really there before the session ends, so their absence later means something.
            verify(findTraces().length > 0)
        }

        function test_end_button_wipes_everything_data() {
            return [
                { tag: "header.end", how: "end" },
                { tag: "idle timeout", how: "timeout" },
                { tag: "idle.end", how: "idle-end" }
            ]
        }

        function test_end_button_wipes_everything(data) {
            root = createTemporaryObject(shellComponent, top)
            fillUpToReview()
            if (data.how === "end") {
                tap("header.end")
            } else if (data.how === "timeout") {
                Harness.advanceClock(61000)
                Harness.advanceClock(31000)
            } else {
                Harness.advanceClock(61000)
                tap("idle.end")
            }
            expectScreen("attract")
            // The previous screen is destroyed later; it is already out of the tree.
            wait(0)
            compare(findTraces(), [])
            compare(Session.residentName, "")
            compare(Session.residentIdNumber, "")
            compare(Form.rowCount(), 0)
            compare(Form.reviewRows().length, 0)
        }

        function test_finished_journey_leaves_nothing() {
            root = createTemporaryObject(shellComponent, top)
            fillUpToReview()
            tap("review.consent")
            tap("review.submit")
            expectScreen("receipt")
            tap("receipt.continue")
            expectScreen("rating")
            tap("rating.skip")
            expectScreen("goodbye")
            // The goodbye screen returns to attract by itself.
            Harness.advanceClock(6000)
            expectScreen("attract")
            wait(0)
            compare(findTraces(), [])
            compare(Submission.caseNumber, "")
        }
    }
}
