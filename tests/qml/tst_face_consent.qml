import QtQuick
import QtTest
import OneStop.Core
import OneStop.Screens
import OneStop.Test

// Face capture is a supplementary step with its own consent, never the only way (issue 11): the camera
// looks at the resident only after the consent given on the photo step itself (the review's consent to the
// processing of the application does not stand for it, nor does a consent of an earlier session), and a
// case of a service that wants a photo goes through without one when the resident prefers another way.
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
        name: "FaceConsent"

        function cleanup() {
            Harness.showToCamera("")
        }

        function tapInList(name) {
            const list = item("materials.list")
            const target = item(name)
            const y = target.mapToItem(list.contentItem, 0, 0).y
            list.contentY = Math.max(0, Math.min(y - 20, list.contentHeight - list.height))
            wait(0)
            tap(name)
        }

        // Identified, the residence permit's form (a service that wants a photo) filled in, on the
        // materials screen.
        function openMaterials() {
            root = createTemporaryObject(shellComponent, top)
            identify(1)
            openForm("residence-permit")
            Form.setValue("shanghai_address", "上海市徐汇区测试路1号")
            Form.setValue("registered_on", "2026-01-05")
            Form.setValue("basis", "housing")
            Form.setValue("phone", "13812345678")
            tap("form.next")
            expectScreen("materials")
            verify(Materials.photoWanted)
        }

        // The photo step before any consent: the question, the other way, and no camera picture.
        function openPhotoStep() {
            tapInList("materials.photo")
            tryCompare(Materials, "step", MaterialsController.Photo)
            compare(FaceCapture.state, FaceCaptureController.WaitingForConsent)
            verify(!FaceCapture.consentGiven)
            item("materials.photoConsent")
            item("materials.photoAlternative")
            verify(!findVisible(root, "materials.facePreview"), "the camera shows the resident before consent")
        }

        function test_declined_photo_case_still_goes_through() {
            openMaterials()
            openPhotoStep()
            tap("materials.photoAlternative")
            tryCompare(Materials, "step", MaterialsController.List)
            verify(!FaceCapture.consentGiven)
            verify(!FaceCapture.captured)
            tap("materials.continue")
            expectScreen("review")
            // The review's consent is to the application; it does not switch the camera on.
            tap("review.consent")
            verify(!FaceCapture.consentGiven)
            compare(FaceCapture.state, FaceCaptureController.WaitingForConsent)
            tap("review.submit")
            expectScreen("receipt")
            verify(Submission.caseNumber.length > 0)
            compare(Harness.lastCaseAttachmentKinds().indexOf("photo"), -1)
        }

        function test_consent_does_not_outlive_the_session() {
            openMaterials()
            openPhotoStep()
            tap("materials.photoConsent")
            tryVerify(() => FaceCapture.consentGiven)
            compare(FaceCapture.state, FaceCaptureController.Looking)
            item("materials.facePreview")
            tap("header.end")
            expectScreen("attract")
            verify(!FaceCapture.consentGiven)
            compare(FaceCapture.state, FaceCaptureController.WaitingForConsent)

            // The next resident is asked again.
            identify(1)
            openForm("residence-permit")
            Form.setValue("shanghai_address", "上海市徐汇区测试路1号")
            Form.setValue("registered_on", "2026-01-05")
            Form.setValue("basis", "housing")
            Form.setValue("phone", "13812345678")
            tap("form.next")
            expectScreen("materials")
            openPhotoStep()
        }

        // Identity never rests on the face: the identify screen offers the card, the personal code and the
        // no-card way, and no face capture.
        function test_identify_offers_no_face_check() {
            root = createTemporaryObject(shellComponent, top)
            tap("attract.start")
            expectScreen("language")
            tap("language.zh_CN")
            expectScreen("identify")
            item("identify.noCard")
            compare(Materials.step, MaterialsController.List)
            verify(!findVisible(root, "materials.facePreview"))
            verify(!FaceCapture.consentGiven)
        }
    }
}
