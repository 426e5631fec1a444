import QtQuick
import QtTest
import OneStop.Core
import OneStop.Screens
import OneStop.Test

// A resident without a readable card, on the screens: "No ID card / card cannot be read" on the identify
// screen, the typed details in personal fields with the on-screen keyboard, the staff PIN pad, and the
// resident identified with the number masked in the header. Ending the session leaves nothing typed on
// any screen. (The checks, the lock and the wipe themselves: tst_nocard_identity.)
Item {
    id: top
    width: 1920
    height: 1080

    Component { id: windowComponent; KioskWindow {} }

    ScreenTestCase {
        name: "NoCard"

        property var window: null

        function cleanup() {
            if (window)
                window.close()
            window = null
        }

        function openWindow() {
            window = createTemporaryObject(windowComponent, top)
            verify(window !== null)
            window.show()
            window.requestActivate()
            tryVerify(() => window.active, 3000, "the kiosk window does not become active")
            root = window.contentItem
        }

        function toNoCardDetails() {
            expectScreen("attract")
            tap("attract.start")
            expectScreen("language")
            tap("language.en")
            expectScreen("identify")
            tap("identify.noCard")
            tryCompare(NoCard, "step", NoCardIdentityController.Details)
            item("nocard.panel")
        }

        function typeStaffPin(pin) {
            for (let i = 0; i < pin.length; ++i)
                tap("staff.digit." + pin[i])
            tap("staff.pin.ok")
        }

        function test_typed_details_confirmed_by_staff() {
            openWindow()
            toNoCardDetails()
            const personal = Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            for (const name of ["nocard.number", "nocard.name"])
                compare(item(name).inputMethodHints & personal, personal, name)

            // The on-screen keyboard comes up in the fields.
            const name = item("nocard.name")
            waitForRendering(name)
            tap("nocard.name")
            tryVerify(() => name.activeFocus, 3000, "the name field does not take focus")
            tryVerify(() => findVisible(root, "keyboard.panel") !== null && findVisible(root, "keyboard.panel").active,
                      3000, "the keyboard does not open in the name field")

            tap("nocard.type.passport")
            typeInto("nocard.number", "E98765432")
            typeInto("nocard.name", "GARCIA MARIA")
            tryVerify(() => NoCard.number.toUpperCase() === "E98765432")
            tryVerify(() => NoCard.fullName.toUpperCase() === "GARCIA MARIA")
            tap("nocard.askStaff")
            tryCompare(NoCard, "step", NoCardIdentityController.StaffPin)
            // The keyboard closes first; the PIN pad is tapped once the screen has its full height again.
            tryVerify(() => { const p = findVisible(root, "keyboard.panel"); return p === null || !p.active },
                      3000, "the keyboard stays open on the PIN pad")
            waitForRendering(item("staff.digit.1"))
            wait(300)
            // The staff member checks the number in full against the document here.
            compare(item("nocard.confirm.number").text, "E98765432")
            compare(item("nocard.confirm.name").text.toUpperCase(), "GARCIA MARIA")

            ignoreWarning("wrong staff PIN, 2 attempts left")
            typeStaffPin("1")
            tryCompare(NoCard, "attemptsLeft", 2)
            tryVerify(() => item("staff.pin.message").text.length > 0)
            compare(Session.screenName, "identify")
            typeStaffPin("975310")
            expectScreen("catalog")
            compare(Session.identified, true)
            // Masked everywhere but where the resident checks it (the review screen, the form's own value).
            const header = item("header.resident").text
            verify(header.indexOf("E98765432") < 0, header)
            verify(header.indexOf("*******32") >= 0, header)
            tap("header.end")
            expectScreen("attract")
        }

        function test_end_of_session_leaves_nothing_typed() {
            openWindow()
            toNoCardDetails()
            tap("nocard.type.travel_document")
            typeInto("nocard.number", "C55512345")
            typeInto("nocard.name", "CANARY PERSON")
            tryVerify(() => NoCard.fullName.toUpperCase() === "CANARY PERSON")
            Session.endSession()
            expectScreen("attract")
            compare(NoCard.number, "")
            compare(NoCard.fullName, "")
            compare(NoCard.documentType, "")
            compare(NoCard.step, NoCardIdentityController.Closed)
            tap("attract.start")
            expectScreen("language")
            tap("language.en")
            expectScreen("identify")
            tap("identify.noCard")
            item("nocard.panel")
            for (const t of collectTexts(root, []))
                verify(t.text.toUpperCase().indexOf("C55512345") < 0 && t.text.toUpperCase().indexOf("CANARY") < 0, t.text)
            tap("nocard.cancel")
            tryCompare(NoCard, "step", NoCardIdentityController.Closed)
        }
    }
}
