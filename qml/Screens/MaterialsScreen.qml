import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// The materials screen, for services that use the camera or accept e-licences: one thing at a time, as
// Materials.step says (MaterialsController). List: what the guide asks for, the pages photographed so far
// (each removable), the photo of the resident where the service wants one, the e-licences picked, and
// "Continue" (everything here is optional: paper copies can be brought to the counter). Document: the
// camera's picture, "Take picture", then the flattened page with "Use this page" / "Retake". Photo: a
// separate consent first, then spoken-style guidance, the picture, and always "Use another way".
// Licences: the resident's e-licences (电子证照) as a checklist; expired and revoked ones are shown but
// cannot be picked. Frames reach a capture controller only while its step is shown (CameraFrameRouter);
// this screen only presents.
Rectangle {
    id: screen
    objectName: "screen.materials"
    color: Theme.background

    readonly property var guide: Services.guide(Session.serviceId)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionHeader {
            title: qsTr("Your documents")
            backVisible: true
            backName: "materials.back"
            Layout.fillWidth: true
        }

        Loader {
            objectName: "materials.step"
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: Materials.step === MaterialsController.Document ? documentStep
                           : Materials.step === MaterialsController.Photo ? photoStep
                           : Materials.step === MaterialsController.Licences ? licencesStep : listStep
        }
    }

    component BigLabel: Label {
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    // ---- list -----------------------------------------------------------------------------------------
    Component {
        id: listStep

        ColumnLayout {
            spacing: 0

            Flickable {
                id: flick
                objectName: "materials.list"
                clip: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: width
                contentHeight: content.implicitHeight + 2 * Theme.margin
                boundsBehavior: Flickable.StopAtBounds

                ColumnLayout {
                    id: content
                    x: Theme.margin
                    y: Theme.margin
                    width: flick.width - 2 * Theme.margin
                    spacing: Theme.spacing

                    BigLabel {
                        text: qsTr("This service asks for:")
                        font.bold: true
                    }
                    Repeater {
                        model: screen.guide.materials ?? []
                        BigLabel {
                            required property string modelData
                            text: "• " + modelData
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                    BigLabel {
                        objectName: "materials.optionalNote"
                        text: Materials.documentsOffered
                              ? qsTr("You may photograph them here. This is optional: you can also bring paper copies to the counter.")
                              : qsTr("You may use your e-licences here. This is optional: you can also bring paper copies to the counter.")
                        color: Theme.textMuted
                    }

                    // E-licences (电子证照): what the platform holds for the resident, instead of paper.
                    BigLabel {
                        objectName: "materials.licencesNotice"
                        visible: Materials.licencesOffered && text !== ""
                        text: Licences.notice
                        color: Licences.state === LicenceController.Unavailable ? Theme.warning : Theme.textMuted
                    }
                    BigLabel {
                        objectName: "materials.licenceCount"
                        visible: Materials.licencesOffered && Licences.selectedCount > 0
                        text: Licences.selectedCount === 1 ? qsTr("1 e-licence chosen")
                                                           : qsTr("%1 e-licences chosen").arg(Licences.selectedCount)
                    }
                    KioskButton {
                        objectName: "materials.useLicences"
                        visible: Materials.licencesOffered
                        kind: Materials.documentsOffered ? "secondary" : "primary"
                        text: qsTr("Use my e-licences")
                        enabled: Licences.state === LicenceController.Ready && Licences.licences.length > 0
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.bigButtonHeight
                        onClicked: Materials.openLicences()
                    }

                    KioskButton {
                        objectName: "materials.photographDocument"
                        kind: "primary"
                        text: qsTr("Photograph a document")
                        visible: Materials.documentsOffered
                        enabled: CameraFeed !== null && CameraFeed.cameraReady && DocumentCapture.pageCount < DocumentCapture.maxPages
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.bigButtonHeight
                        onClicked: Materials.openDocumentCapture()
                    }

                    BigLabel {
                        objectName: "materials.pageCount"
                        visible: Materials.documentsOffered
                        text: DocumentCapture.pageCount === 0 ? qsTr("No pages photographed yet.")
                            : DocumentCapture.pageCount === 1 ? qsTr("1 page photographed")
                            : qsTr("%1 pages photographed").arg(DocumentCapture.pageCount)
                    }
                    Flow {
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        Repeater {
                            model: DocumentCapture.pageCount
                            Column {
                                required property int index
                                spacing: Theme.smallSpacing
                                Image {
                                    width: Math.round(200 * Theme.scale)
                                    height: Math.round(260 * Theme.scale)
                                    fillMode: Image.PreserveAspectFit
                                    source: Materials.pageUrl(index)
                                    cache: false // personal: never kept by Qt Quick's image cache
                                }
                                KioskButton {
                                    objectName: "materials.removePage." + index
                                    width: Math.round(200 * Theme.scale)
                                    text: qsTr("Remove page %1").arg(index + 1)
                                    onClicked: DocumentCapture.removePage(index)
                                }
                            }
                        }
                    }

                    BigLabel {
                        visible: Materials.photoWanted
                        text: FaceCapture.captured ? qsTr("Your photo is taken.")
                                                   : qsTr("This service also needs a photo of you. We can take it here, or you can bring a printed photo.")
                    }
                    KioskButton {
                        objectName: "materials.photo"
                        visible: Materials.photoWanted
                        text: FaceCapture.captured ? qsTr("Take the photo again") : qsTr("Take my photo")
                        enabled: CameraFeed !== null && CameraFeed.cameraReady
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.bigButtonHeight
                        onClicked: {
                            if (FaceCapture.captured)
                                FaceCapture.retake()
                            Materials.openPhotoCapture()
                        }
                    }
                }
            }

            KioskButton {
                objectName: "materials.continue"
                kind: "primary"
                text: qsTr("Continue")
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.bigButtonHeight
                Layout.margins: Theme.margin
                onClicked: Materials.finish()
            }
        }
    }

    // ---- document ---------------------------------------------------------------------------------------
    Component {
        id: documentStep

        ColumnLayout {
            spacing: Theme.spacing
            readonly property bool previewing: DocumentCapture.state === DocumentCaptureController.Preview

            BigLabel {
                text: parent.previewing ? qsTr("Is the page clear and complete?")
                                        : qsTr("Lay one page flat under the camera, then press \"Take picture\".")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                Layout.margins: Theme.margin
            }

            CameraPreviewItem {
                objectName: "materials.documentPreview"
                visible: !parent.previewing
                camera: CameraFeed ? CameraFeed.camera : null
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 1
            }
            Image {
                objectName: "materials.capturedPage"
                visible: parent.previewing
                source: DocumentCapture.previewUrl
                cache: false // personal: never kept by Qt Quick's image cache
                fillMode: Image.PreserveAspectFit
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 1
            }
            BigLabel {
                objectName: "materials.documentNotice"
                text: DocumentCapture.notice !== "" ? DocumentCapture.notice
                    : DocumentCapture.pageFound ? qsTr("Page found. Hold still.") : ""
                color: Theme.warning
                horizontalAlignment: Text.AlignHCenter
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }

            RowLayout {
                spacing: Theme.spacing
                Layout.margins: Theme.margin
                Layout.fillWidth: true

                KioskButton {
                    objectName: "materials.capture"
                    visible: !parent.parent.previewing
                    // Lit once the camera sees a page: a picture without one would only be refused.
                    enabled: DocumentCapture.pageFound
                    kind: "primary"
                    text: qsTr("Take picture")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: DocumentCapture.capture()
                }
                KioskButton {
                    objectName: "materials.usePage"
                    visible: parent.parent.previewing
                    kind: "primary"
                    text: qsTr("Use this page")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: {
                        if (DocumentCapture.accept())
                            Materials.closeStep()
                    }
                }
                KioskButton {
                    objectName: "materials.retake"
                    visible: parent.parent.previewing
                    text: qsTr("Retake")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: DocumentCapture.retake()
                }
                KioskButton {
                    objectName: "materials.doneDocuments"
                    visible: !parent.parent.previewing
                    text: qsTr("Back to the list")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: Materials.closeStep()
                }
            }
        }
    }

    // ---- photo of the resident ----------------------------------------------------------------------------
    Component {
        id: photoStep

        ColumnLayout {
            spacing: Theme.spacing

            BigLabel {
                objectName: "materials.photoText"
                text: !FaceCapture.consentGiven
                      ? qsTr("We will take one photo for this application. It is stored only with your application.")
                      : FaceCapture.captured ? qsTr("Is this photo good?")
                      : (FaceCapture.guidance !== "" ? FaceCapture.guidance : qsTr("Look at the camera."))
                font.pixelSize: Theme.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                Layout.margins: Theme.margin
            }

            CameraPreviewItem {
                objectName: "materials.facePreview"
                visible: FaceCapture.consentGiven && !FaceCapture.captured
                camera: CameraFeed ? CameraFeed.camera : null
                mirrored: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 1
            }
            Image {
                objectName: "materials.capturedPhoto"
                visible: FaceCapture.captured
                source: FaceCapture.capturedUrl
                cache: false // personal: never kept by Qt Quick's image cache
                fillMode: Image.PreserveAspectFit
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 1
            }
            Item {
                visible: !FaceCapture.consentGiven
                Layout.fillHeight: true
            }

            ColumnLayout {
                spacing: Theme.spacing
                Layout.margins: Theme.margin
                Layout.fillWidth: true

                KioskButton {
                    objectName: "materials.photoConsent"
                    visible: !FaceCapture.consentGiven
                    kind: "primary"
                    text: qsTr("I agree, take my photo")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: FaceCapture.giveConsent()
                }
                KioskButton {
                    objectName: "materials.usePhoto"
                    visible: FaceCapture.captured
                    kind: "primary"
                    text: qsTr("Use this photo")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: Materials.closeStep()
                }
                KioskButton {
                    objectName: "materials.retakePhoto"
                    visible: FaceCapture.captured
                    text: qsTr("Retake")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: FaceCapture.retake()
                }
                KioskButton {
                    objectName: "materials.photoAlternative"
                    text: qsTr("Use another way: I will bring a printed photo")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.bigButtonHeight
                    onClicked: FaceCapture.chooseAlternative()
                }
            }
        }
    }

    // ---- e-licences ----------------------------------------------------------------------------------------
    Component {
        id: licencesStep

        ColumnLayout {
            spacing: Theme.spacing

            BigLabel {
                text: qsTr("Choose the e-licences to use for this application")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                Layout.margins: Theme.margin
            }

            Flickable {
                id: licenceFlick
                objectName: "materials.licences"
                clip: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: width
                contentHeight: licenceColumn.implicitHeight + 2 * Theme.margin
                boundsBehavior: Flickable.StopAtBounds

                ColumnLayout {
                    id: licenceColumn
                    x: Theme.margin
                    width: licenceFlick.width - 2 * Theme.margin
                    spacing: Theme.spacing

                    Repeater {
                        model: Licences.licences
                        KioskButton {
                            required property var modelData
                            required property int index
                            objectName: "materials.licence." + index
                            selected: modelData.selected
                            enabled: modelData.selectable
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.bigButtonHeight * 1.5
                            text: (modelData.selected ? "☑ " : "☐ ") + modelData.name + "  " + modelData.numberMasked
                                  + "\n" + modelData.issuer + "  " + modelData.statusText
                            onClicked: Licences.toggle(modelData.licenceId)
                        }
                    }
                }
            }

            KioskButton {
                objectName: "materials.licencesDone"
                kind: "primary"
                text: qsTr("Done")
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.bigButtonHeight
                Layout.margins: Theme.margin
                onClicked: Materials.closeStep()
            }
        }
    }
}
