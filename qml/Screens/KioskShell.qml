import QtQuick
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core

// Everything the kiosk window shows: the current screen, the controller's notice under it and the idle
// warning over it. The screen follows Session.screenName; the Loader builds a fresh screen for every
// visit and destroys the previous one, so nothing a resident entered stays in the item tree after the
// session (the controllers wipe their data; the screens only ever bind to it).
Item {
    id: shell
    objectName: "kiosk.shell"

    // The on-screen keyboard is open (KioskWindow): the notice waits until it closes, so that the
    // little room left above the keys shows the field being typed in.
    property bool keyboardOpen: false

    function screenComponent(name) {
        switch (name) {
        case "language": return languageScreen
        case "identify": return identifyScreen
        case "catalog": return catalogScreen
        case "guide": return guideScreen
        case "form": return formScreen
        case "materials": return materialsScreen
        case "review": return reviewScreen
        case "saving": return savingScreen
        case "receipt": return receiptScreen
        case "rating": return ratingScreen
        case "goodbye": return goodbyeScreen
        case "journey": return journeyScreen
        case "web": return webServiceScreen
        default: return attractScreen
        }
    }

    // The resident's display mode (长辈版) changes the theme, and through it every screen.
    Binding {
        target: Theme
        property: "elderly"
        value: DisplayMode.elderly
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Loader {
            id: screenLoader
            objectName: "screen.loader"
            sourceComponent: shell.screenComponent(Session.screenName)
            focus: true
            Layout.fillWidth: true
            Layout.fillHeight: true
        }

        NoticeBanner {
            text: Session.notice
            visible: text.length > 0 && !shell.keyboardOpen
            Layout.fillWidth: true
            onDismissRequested: Session.dismissNotice()
        }
    }

    // The technician's PIN pad and view cover the resident screens (only reachable from the attract
    // screen, so no resident data is underneath).
    Loader {
        objectName: "technician.loader"
        anchors.fill: parent
        z: 20
        active: Technician.state !== TechnicianController.Closed
        sourceComponent: Technician.state === TechnicianController.Open ? technicianScreen : technicianPinPad
    }

    IdleWarning {
        anchors.fill: parent
        z: 10
        visible: Session.idleWarning
        secondsLeft: Session.idleSecondsLeft
        onExtendRequested: Session.extendSession()
        onEndRequested: Session.endSession()
    }

    CardPrompt {
        anchors.fill: parent
        z: 9
    }

    Component { id: attractScreen; AttractScreen {} }
    Component { id: languageScreen; LanguageScreen {} }
    Component { id: identifyScreen; IdentifyScreen {} }
    Component { id: catalogScreen; CatalogScreen {} }
    Component { id: guideScreen; GuideScreen {} }
    Component { id: formScreen; FormScreen {} }
    Component { id: materialsScreen; MaterialsScreen {} }
    Component { id: reviewScreen; ReviewScreen {} }
    Component { id: savingScreen; SavingScreen {} }
    Component { id: receiptScreen; ReceiptScreen {} }
    Component { id: ratingScreen; RatingScreen {} }
    Component { id: goodbyeScreen; GoodbyeScreen {} }
    // Another kind of visit (a queue ticket, ...): the journey's own screen (OneStop.Journeys), by its URL.
    Component { id: journeyScreen; Loader { objectName: "journey.loader"; source: Session.journeyScreen } }
    Component { id: webServiceScreen; WebServiceScreen {} }
    Component { id: technicianPinPad; TechnicianPinPad {} }
    Component { id: technicianScreen; TechnicianScreen {} }
}
