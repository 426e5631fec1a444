import QtQuick
import QtTest
import OneStop.Core
import OneStop.Screens
import OneStop.Test

// The form and review screens: errors as the resident types, masked personal values on every screen but
// the review, the full values there.
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
        name: "Form"

        function test_errors_shown_as_typed_and_next() {
            root = createTemporaryObject(shellComponent, top)
            identify(0)
            openForm("elderly-allowance")

            // Nothing typed yet: no error shown for the empty required phone.
            verify(!findVisible(root, "form.field.phone.error"))
            typeInto("form.field.phone", "1381234")
            compare(item("form.field.phone").text, "1381234")
            compare(Form.value("phone"), "1381234")
            const error = item("form.field.phone.error")
            compare(error.text, Form.error("phone"))
            verify(error.text.length > 0)

            typeInto("form.field.phone", "13812345678")
            compare(Form.error("phone"), "")
            verify(!findVisible(root, "form.field.phone.error"))

            // The payout is required and not chosen: "Next" stays on the form and says why.
            tap("form.next")
            compare(Session.screenName, "form")
            verify(Session.notice.length > 0)
            verify(item("form.field.payout.error").text.length > 0)

            tap("form.field.payout.social_security_card")
            verify(item("form.field.payout.social_security_card").selected)
            verify(!item("form.field.payout.bank_account").selected)
            verify(!findVisible(root, "form.field.payout.error"))
            tap("form.next")
            expectScreen("review")

            // Back keeps what was entered.
            tap("review.back")
            expectScreen("form")
            compare(item("form.field.phone").text, "13812345678")
            verify(item("form.field.payout.social_security_card").selected)
        }

        function test_masked_on_form_full_on_review() {
            const fullId = Harness.residentIdNumber(0)
            const fullName = Harness.residentName(0)
            verify(fullId.length === 18)
            root = createTemporaryObject(shellComponent, top)
            identify(0)
            openForm("elderly-allowance")

            // The ID number comes from the card: locked, read-only, masked.
            const idField = item("form.field.id_number")
            verify(idField.text.length > 0)
            verify(idField.text !== fullId, "the form shows the full ID number")
            verify(idField.text.indexOf("*") >= 0, idField.text)
            verify(!(idField instanceof TextInput))
            const nameField = item("form.field.applicant_name")
            verify(nameField.text !== fullName, "the form shows the full name")

            const header = item("header.resident")
            verify(header.text.length > 0)
            verify(header.text.indexOf(fullId) < 0, "the header shows the full ID number")
            verify(header.text.indexOf(fullName) < 0, "the header shows the full name")

            typeInto("form.field.phone", "13812345678")
            tap("form.field.payout.bank_account")
            tap("form.next")
            expectScreen("review")
            compare(item("review.value.id_number").text, fullId)
            compare(item("review.value.applicant_name").text, fullName)
            compare(item("review.value.phone").text, "13812345678")
            // Choices are shown by their label, not their value.
            verify(item("review.value.payout").text !== "bank_account")
            // The header stays masked on the review too.
            verify(item("header.resident").text.indexOf(fullId) < 0)
        }
    }
}
