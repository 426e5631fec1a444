import QtQuick
import QtTest
import OneStop.Core
import OneStop.Screens
import OneStop.Test

// The technician's way in: a three-second hold on the attract screen's corner, the PIN on the screen's
// own digits, a lock after too many wrong PINs, and a view that closes itself when left alone.
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
        name: "Technician"

        function holdCorner() {
            const corner = item("attract.technician")
            mousePress(corner)
            wait(3300)
            mouseRelease(corner)
        }

        function typePin(pin) {
            for (let i = 0; i < pin.length; ++i)
                tap("technician.digit." + pin[i])
            tap("technician.pin.ok")
        }

        function test_hold_and_pin_open_the_device_view() {
            root = createTemporaryObject(shellComponent, top)
            expectScreen("attract")
            holdCorner()
            item("technician.pinpad")
            compare(Session.screenName, "attract", "holding the corner does not start a session")
            typePin(Harness.technicianPin())
            item("screen.technician")
            compare(Technician.state, TechnicianController.Open)
            for (const kind of ["idcard", "receipt_printer", "scanner", "camera"])
                item("technician.device." + kind)
            verify(item("technician.device.idcard.state").text.indexOf("ready") === 0)
            // The store saves: no store alert (tst_store_diskfull raises one on a full disk).
            compare(Submission.storeAlert, "")
            verify(!findVisible(root, "technician.storeAlert"))
            tap("technician.close")
            tryCompare(Technician, "state", TechnicianController.Closed)
            verify(!findVisible(root, "screen.technician"))
        }

        // A quarantined store is never silent: listed with when, why and its unsynced case; its case is
        // brought into the outbox once, and the button is then off (QuarantineController decides).
        function test_quarantined_store_is_listed_and_recovered_once() {
            root = createTemporaryObject(shellComponent, top)
            expectScreen("attract")
            holdCorner()
            typePin(Harness.technicianPin())
            item("screen.technician")
            verify(item("technician.quarantine.title").text.indexOf("1") >= 0)
            const cases = item("technician.quarantine.0.cases")
            verify(cases.text.indexOf("1 case(s) not yet received") === 0, cases.text)
            verify(cases.text.indexOf("1 not yet in the outbox") > 0, cases.text)
            const pendingBefore = Sync.pendingCount
            const recover = item("technician.quarantine.0.recover")
            verify(recover.enabled)
            tap("technician.quarantine.0.recover")
            tryCompare(Sync, "pendingCount", pendingBefore + 1, 20000) // the recovery is a job of the store's thread
            tryVerify(() => item("technician.quarantine.message").text.indexOf("1 case(s) brought into the outbox") === 0, 20000)
            tryVerify(() => item("technician.quarantine.0.cases").text.indexOf("0 not yet in the outbox") > 0)
            verify(!item("technician.quarantine.0.recover").enabled)
            Quarantine.recover(Quarantine.stores[0].file)
            tryVerify(() => Quarantine.message.indexOf("Nothing new") === 0, 20000, Quarantine.message)
            compare(Sync.pendingCount, pendingBefore + 1)
            tap("technician.close")
            tryCompare(Technician, "state", TechnicianController.Closed)
        }

        function test_short_tap_on_corner_starts_a_session() {
            root = createTemporaryObject(shellComponent, top)
            expectScreen("attract")
            tap("attract.technician")
            expectScreen("language")
            compare(Technician.state, TechnicianController.Closed)
        }

        function test_unplugged_device_shows_its_reason() {
            root = createTemporaryObject(shellComponent, top)
            expectScreen("attract")
            Simulator.setPlugged("scanner", false)
            holdCorner()
            typePin(Harness.technicianPin())
            const state = item("technician.device.scanner.state")
            verify(state.text.indexOf("unavailable") === 0, state.text)
            verify(state.text.length > "unavailable".length + 3, "the reason is shown: " + state.text)
        }

        function test_wrong_pins_lock_the_view() {
            root = createTemporaryObject(shellComponent, top)
            expectScreen("attract")
            holdCorner()
            // Each wrong PIN is logged as a warning (a security event), and so is the lock.
            for (let i = 0; i < 5; ++i)
                ignoreWarning(/wrong technician PIN/)
            ignoreWarning(/technician view locked/)
            for (let attempt = 1; attempt <= 4; ++attempt) {
                typePin("999999")
                compare(Technician.state, TechnicianController.EnteringPin)
                compare(Technician.attemptsLeft, 5 - attempt)
            }
            typePin("999999")
            compare(Technician.state, TechnicianController.Locked)
            verify(item("technician.pin.message").text.length > 0)
            verify(!item("technician.digit.1").enabled, "no more PINs while locked")
            // The right PIN is refused while locked; the lock lifts after five minutes.
            Technician.submitPin(Harness.technicianPin())
            compare(Technician.state, TechnicianController.Locked)
            Harness.advanceClock(301000)
            compare(Technician.state, TechnicianController.Closed)
            Technician.requestAccess()
            typePin(Harness.technicianPin())
            compare(Technician.state, TechnicianController.Open)
        }

        function test_view_closes_itself_when_left_alone() {
            root = createTemporaryObject(shellComponent, top)
            expectScreen("attract")
            holdCorner()
            typePin(Harness.technicianPin())
            item("screen.technician")
            Harness.advanceClock(60000)
            compare(Technician.state, TechnicianController.Open)
            Harness.advanceClock(61000)
            compare(Technician.state, TechnicianController.Closed)
        }

        function test_no_way_in_during_a_session() {
            root = createTemporaryObject(shellComponent, top)
            identify(0)
            Technician.requestAccess()
            compare(Technician.state, TechnicianController.Closed)
        }
    }
}
