import QtQuick
import QtTest
import OneStop.Core
import OneStop.Screens
import OneStop.Test

// A resident's way through the screens, tapped as a resident would.
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
        name: "Journey"

        function test_attract_language_identify() {
            root = createTemporaryObject(shellComponent, top)
            expectScreen("attract")
            tap("attract.start")
            expectScreen("language")
            item("language.zh_CN")
            tap("language.en")
            expectScreen("identify")
            compare(Session.language, "en")
            item("identify.back")
            item("header.end")
            tap("identify.back")
            expectScreen("attract")
        }

        function test_catalog_lists_every_service() {
            root = createTemporaryObject(shellComponent, top)
            identify(1)
            const grid = item("catalog.grid")
            const ids = Harness.serviceIds()
            verify(ids.length > 0)
            compare(grid.count, ids.length)
            for (let i = 0; i < ids.length; ++i) {
                grid.positionViewAtIndex(i, GridView.Contain)
                const tile = item("catalog.service." + ids[i])
                verify(tile.name.length > 0, ids[i] + " has no name")
                verify(tile.department.length > 0, ids[i] + " has no department")
                verify(tile.available, ids[i] + " should be available with every device ready")
            }
        }

        function test_unavailable_device_greys_service() {
            root = createTemporaryObject(shellComponent, top)
            identify(1)
            // The residence permit needs the camera; the residence registration does not.
            verify(!findVisible(root, "catalog.service.residence-permit.unavailable"))
            Simulator.setPlugged("camera", false)
            const tile = item("catalog.service.residence-permit")
            tryCompare(tile, "available", false)
            const reason = item("catalog.service.residence-permit.unavailable")
            verify(reason.text.indexOf(tile.unavailableReason) >= 0)
            verify(tile.unavailableReason.length > 0)
            verify(item("catalog.service.residence-registration").available)

            // Still listed and tappable: the controller says why instead of opening it.
            tap("catalog.service.residence-permit")
            compare(Session.screenName, "catalog")
            verify(Session.notice.length > 0)
            compare(item("notice.text").text, Session.notice)
            tap("notice.dismiss")
            compare(Session.notice, "")

            Simulator.setPlugged("camera", true)
            tryCompare(tile, "available", true)
            verify(!findVisible(root, "catalog.service.residence-permit.unavailable"))
        }

        function test_whole_journey_to_goodbye() {
            root = createTemporaryObject(shellComponent, top)
            const pendingBefore = Sync.pendingCount
            identify(0)
            openForm("elderly-allowance")
            typeInto("form.field.phone", "13812345678")
            tap("form.field.payout.bank_account")
            compare(Form.value("payout"), "bank_account")
            tap("form.next")
            expectScreen("review")

            // No consent, no submission.
            tap("review.submit")
            compare(Session.screenName, "review")
            verify(Session.notice.length > 0)
            tap("review.consent")
            verify(item("review.consent").checked)
            tap("review.submit")

            expectScreen("receipt")
            verify(Submission.caseNumber.length > 0)
            compare(item("receipt.caseNumber").text, Submission.caseNumber)
            // The network is down: saved at the kiosk, waiting to be sent.
            compare(Submission.syncState, "pending")
            verify(item("receipt.sync").text.length > 0)
            tryCompare(Submission, "receiptState", SubmissionController.Printed, 5000)
            verify(item("receipt.printing").text.length > 0)
            const qr = item("receipt.qr")
            tryCompare(qr, "status", Image.Ready)
            verify(qr.source.toString().indexOf("image://qr/") === 0)
            // The applicant line is masked.
            verify(item("receipt.resident").text.indexOf(Harness.residentIdNumber(0)) < 0)

            tap("receipt.continue")
            expectScreen("rating")
            for (let level = 1; level <= 5; ++level)
                item("rating.level." + level)
            item("rating.skip")
            tap("rating.level.4")
            expectScreen("goodbye")
            compare(Session.rating, 4)
            tap("goodbye.finish")
            expectScreen("attract")
            // Staff see on the attract screen that the case (and its rating) still wait for the network.
            tryCompare(Sync, "pendingCount", pendingBefore + 2, 20000) // the store's answer comes from its thread
            const pending = item("attract.pending")
            verify(pending.text.indexOf(String(Sync.pendingCount)) >= 0, pending.text)
        }

        // A poor rating (好差评, GB/T 39734): what was wrong, and a comment typed on the keyboard; the rating
        // stored has them. The comment is gone with the session.
        function test_poor_rating_with_indicators_and_comment() {
            root = createTemporaryObject(shellComponent, top)
            identify(0)
            openForm("elderly-allowance")
            typeInto("form.field.phone", "13812345678")
            tap("form.field.payout.bank_account")
            tap("form.next")
            expectScreen("review")
            tap("review.consent")
            tap("review.submit")
            expectScreen("receipt")
            tap("receipt.continue")
            expectScreen("rating")
            verify(!findVisible(root, "rating.indicator.efficiency"))
            typeInto("rating.comment", "slow queue")
            compare(Rating.comment, "slow queue")
            tap("rating.level.2")
            compare(Session.screenName, "rating") // the details first
            verify(!findVisible(root, "rating.level.2"))
            compare(item("rating.comment").text, "slow queue") // kept on the second step
            tap("rating.indicator.efficiency")
            verify(item("rating.indicator.efficiency").selected)
            tap("rating.indicator.process")
            tap("rating.indicator.process") // off again
            verify(!item("rating.indicator.process").selected)
            tap("rating.send")
            expectScreen("goodbye")
            compare(Session.rating, 2)
            tryVerify(() => Harness.lastRating().level === 2, 20000) // the store's job
            const stored = Harness.lastRating()
            compare(stored.indicators, ["efficiency"])
            compare(stored.comment, "slow queue")
            tap("goodbye.finish")
            expectScreen("attract")
            compare(Rating.comment, "")
        }

        function test_receipt_not_printed_says_what_to_do() {
            root = createTemporaryObject(shellComponent, top)
            identify(0)
            openForm("elderly-allowance")
            typeInto("form.field.phone", "13812345678")
            tap("form.field.payout.social_security_card")
            tap("form.next")
            expectScreen("review")
            tap("review.consent")
            // The paper runs out after the service was chosen.
            Simulator.setPaper("out")
            ignoreWarning(/receipt not printed for case .*paper out/)
            tap("review.submit")
            expectScreen("receipt")
            tryCompare(Submission, "receiptState", SubmissionController.NotPrinted, 5000)
            const text = item("receipt.printing").text
            verify(text.indexOf("counter") >= 0, text)
            verify(text.indexOf(Submission.receiptProblem) >= 0, text)
        }
    }
}
