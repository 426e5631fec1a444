import QtQuick
import QtTest
import OneStop.Core
import OneStop.Screens
import OneStop.Test

// The materials screen of a camera service (the residence permit): photographing pages with the camera
// (a scripted camera shows a generated A4 page on a desk), removing one, the review's count, the pages
// committed with the case; the photo of the resident with its own consent and "use another way"; and
// services without the camera skipping the screen.
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
        name: "Materials"

        function cleanup() {
            Harness.showToCamera("")
        }

        // Buttons that appear with a new state are placed by their layout on the next polish: wait for it.
        function tapLaidOut(name) {
            const target = item(name)
            waitForItemPolished(target.parent)
            waitForRendering(root)
            tap(name)
        }

        // Scrolls the materials list so that the named item is in view, then taps it.
        function tapInList(name) {
            const list = item("materials.list")
            const target = item(name)
            const y = target.mapToItem(list.contentItem, 0, 0).y
            list.contentY = Math.max(0, Math.min(y - 20, list.contentHeight - list.height))
            wait(0)
            tap(name)
        }

        // Identified, residence permit form filled in, on the materials screen's list.
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
            compare(Materials.step, MaterialsController.List)
        }

        function photographPage() {
            tapInList("materials.photographDocument")
            tryCompare(Materials, "step", MaterialsController.Document)
            item("materials.documentPreview")
            Harness.showToCamera("page")
            tryVerify(() => DocumentCapture.pageFound, 10000, "the page on the desk was not found")
            tap("materials.capture")
            tryCompare(DocumentCapture, "state", DocumentCaptureController.Preview)
            verify(item("materials.capturedPage").source.toString().startsWith("image://session/"))
            tapLaidOut("materials.usePage")
            tryCompare(Materials, "step", MaterialsController.List)
            Harness.showToCamera("")
        }

        function test_two_pages_remove_one_review_shows_one() {
            openMaterials()
            item("materials.optionalNote")
            compare(DocumentCapture.pageCount, 0)
            photographPage()
            compare(DocumentCapture.pageCount, 1)
            photographPage()
            compare(DocumentCapture.pageCount, 2)
            compare(item("materials.pageCount").text, qsTr("%1 pages photographed").arg(2))

            tapInList("materials.removePage.1")
            compare(DocumentCapture.pageCount, 1)
            verify(!findVisible(root, "materials.removePage.1"))

            tap("materials.continue")
            expectScreen("review")
            verify(item("review.materials").text.indexOf("1 page") >= 0, item("review.materials").text)

            tap("review.consent")
            tap("review.submit")
            expectScreen("receipt")
            compare(Harness.lastCaseAttachmentKinds(), ["page"])
        }

        function test_retake_drops_the_page_and_back_keeps_nothing_half_done() {
            openMaterials()
            tapInList("materials.photographDocument")
            Harness.showToCamera("page")
            tryVerify(() => DocumentCapture.pageFound, 10000)
            tap("materials.capture")
            tryCompare(DocumentCapture, "state", DocumentCaptureController.Preview)
            tapLaidOut("materials.retake")
            tryCompare(DocumentCapture, "state", DocumentCaptureController.Live)
            compare(DocumentCapture.pageCount, 0)
            tapLaidOut("materials.doneDocuments")
            tryCompare(Materials, "step", MaterialsController.List)
            compare(DocumentCapture.pageCount, 0)
        }

        function test_no_pages_is_fine() {
            openMaterials()
            tap("materials.continue")
            expectScreen("review")
            verify(item("review.materials").text.length > 0)
            tap("review.back")
            expectScreen("materials")
        }

        function test_photo_needs_its_own_consent_and_has_another_way() {
            openMaterials()
            verify(Materials.photoWanted)
            tapInList("materials.photo")
            tryCompare(Materials, "step", MaterialsController.Photo)
            compare(item("materials.photoText").text,
                    qsTr("We will take one photo for this application. It is stored only with your application."))
            verify(!FaceCapture.consentGiven)
            verify(!findVisible(root, "materials.facePreview"))
            tap("materials.photoConsent")
            tryVerify(() => FaceCapture.consentGiven)
            item("materials.facePreview")
            tap("materials.photoAlternative")
            tryCompare(Materials, "step", MaterialsController.List)
            verify(!FaceCapture.consentGiven)
            verify(!FaceCapture.captured)
        }

        function test_pages_are_wiped_when_the_session_ends() {
            openMaterials()
            photographPage()
            compare(DocumentCapture.pageCount, 1)
            tap("header.end")
            expectScreen("attract")
            compare(DocumentCapture.pageCount, 0)
            compare(DocumentCapture.previewUrl, "")
            compare(Materials.step, MaterialsController.List)
        }

        function test_identify_shows_the_camera_when_it_is_ready() {
            root = createTemporaryObject(shellComponent, top)
            tap("attract.start")
            expectScreen("language")
            tap("language.zh_CN")
            expectScreen("identify")
            verify(CameraFeed.cameraReady)
            item("identify.cameraPreview")
        }

        function test_service_without_camera_nor_licences_skips_materials() {
            root = createTemporaryObject(shellComponent, top)
            identify(1)
            openForm("household-registration-certificate")
            verify(!Session.hasMaterialsStep)
        }

        // Residence registration accepts the property certificate as an e-licence but needs no camera: it
        // gets the materials screen for the licences alone. This kiosk's platform cannot be reached: the
        // resident is told, nothing can be picked, and "Continue" goes on to the review (never blocked).
        function test_licences_offline_the_resident_is_told_and_goes_on() {
            root = createTemporaryObject(shellComponent, top)
            identify(1)
            openForm("residence-registration")
            verify(Session.hasMaterialsStep)
            Form.setValue("shanghai_address", "上海市徐汇区测试路1号")
            Form.setValue("moved_in_on", "2026-01-05")
            Form.setValue("housing_type", "owned")
            Form.setValue("phone", "13812345678")
            tap("form.next")
            expectScreen("materials")
            compare(Materials.step, MaterialsController.List)
            verify(Materials.licencesOffered)
            verify(!Materials.documentsOffered)
            verify(!findVisible(root, "materials.photographDocument"))
            tryCompare(Licences, "state", LicenceController.Unavailable, 15000)
            compare(item("materials.licencesNotice").text, Licences.notice)
            verify(!item("materials.useLicences").enabled)
            tap("materials.continue")
            expectScreen("review")
            tap("header.end")
            expectScreen("attract")
            compare(Licences.state, LicenceController.Idle)
        }
    }
}
