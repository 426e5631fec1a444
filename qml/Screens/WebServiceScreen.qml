import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OneStop.Controls
import OneStop.Core
import OneStop.Web
import OneStop.WebView

// A web service of the catalog (kind "web"): the platform's own pages in the kiosk's locked-down view
// (LockedWebView), under the session's header with back (the page's history, then the catalog), the
// start of the service and the end of the session. Never an address bar. A loading bar while a page
// loads, the resident's words for anything refused (Web.notice), and the kiosk's own page when a page
// cannot be shown (WebErrorPage).
Rectangle {
    id: screen
    objectName: "screen.web"
    color: Theme.background

    readonly property var service: Services.guide(Session.serviceId)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // SessionHeader's bindings, but "Back" goes through the page's own history first, and only from the
        // service's first page back to the catalog.
        ScreenHeader {
            title: screen.service.name ?? ""
            backVisible: true
            backName: "web.back"
            centerName: Kiosk.centerName
            residentText: Session.identified ? qsTr("%1  %2").arg(Session.residentName).arg(Session.residentIdNumber) : ""
            elderly: DisplayMode.elderly
            voice: DisplayMode.voice
            Layout.fillWidth: true
            onBackRequested: {
                if (web.canGoBack && Web.errorPage === "")
                    web.goBack()
                else
                    Session.back()
            }
            onEndRequested: Session.endSession()
            onElderlyToggled: DisplayMode.toggleElderly()
            onVoiceToggled: DisplayMode.toggleVoice()
        }

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            Layout.topMargin: Theme.smallSpacing
            Layout.bottomMargin: Theme.smallSpacing

            KioskButton {
                objectName: "web.home"
                text: qsTr("Start of the service")
                onClicked: web.goHome()
            }
            Label {
                objectName: "web.notice"
                text: Web.notice
                visible: text.length > 0
                color: Theme.warning
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            KioskButton {
                objectName: "web.notice.dismiss"
                visible: Web.notice.length > 0
                text: qsTr("OK")
                minimumWidth: Theme.toggleMinWidth
                onClicked: Web.dismissNotice()
            }
            Item {
                visible: Web.notice.length === 0
                Layout.fillWidth: true
            }
        }

        Rectangle {
            objectName: "web.loading"
            visible: web.loading
            color: Theme.primaryLight
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.smallSpacing
            Rectangle {
                width: parent.width * web.loadProgress / 100
                height: parent.height
                color: Theme.primary
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            LockedWebView {
                id: web
                anchors.fill: parent
                visible: Web.errorPage === ""
            }
            WebErrorPage {
                anchors.fill: parent
                visible: Web.errorPage !== ""
                kind: Web.errorPage
                onHomeRequested: web.goHome()
                onEndRequested: Session.endSession()
            }
        }
    }
}
