import QtQuick
import QtWebEngine
import OneStop.Web

// The kiosk's only web view, used by the resident's web screen and by the probe (`--web-probe`): the
// session's off-the-record profile (Web.profile, with the request interceptor that blocks every request
// off the allowlist), no address bar, and every request a page can make of the engine answered by
// refusing it (accepted, nothing opened) and reported to Web: navigations off the allowlist, new windows
// (an allowlisted target opens here instead), downloads, file and colour pickers, JavaScript dialogs,
// permissions, fullscreen, certificate errors, HTTP auth and client certificates, the context menu,
// protocol handlers, printing; a renderer that stops answering is ended (RendererWatchdog). No web channel, no devtools, no engine error pages.
// The view exists only while there is a profile; it starts on Web.startUrl.
Item {
    id: root

    readonly property var view: loader.item
    readonly property bool loading: loader.item ? loader.item.loading : false
    readonly property int loadProgress: loader.item ? loader.item.loadProgress : 0
    readonly property url currentUrl: loader.item ? loader.item.url : ""
    readonly property bool canGoBack: loader.item ? loader.item.canGoBack : false
    // The first load of the start page ended (succeeded or failed).
    property bool started: false

    function goHome() {
        Web.clearErrorPage()
        if (loader.item)
            loader.item.url = Web.startUrl
    }
    function goBack() {
        if (loader.item && loader.item.canGoBack && Web.errorPage === "")
            loader.item.goBack()
        else
            goHome()
    }

    function dialogName(type) {
        switch (type) {
        case JavaScriptDialogRequest.DialogTypeAlert: return "alert"
        case JavaScriptDialogRequest.DialogTypeConfirm: return "confirm"
        case JavaScriptDialogRequest.DialogTypePrompt: return "prompt"
        case JavaScriptDialogRequest.DialogTypeBeforeUnload: return "beforeunload"
        default: return "dialog " + type
        }
    }

    function featureName(feature) {
        switch (feature) {
        case WebEngineView.Notifications: return "notifications"
        case WebEngineView.Geolocation: return "geolocation"
        case WebEngineView.MediaAudioCapture: return "microphone"
        case WebEngineView.MediaVideoCapture: return "camera"
        case WebEngineView.MediaAudioVideoCapture: return "camera and microphone"
        case WebEngineView.DesktopVideoCapture: return "screen capture"
        case WebEngineView.DesktopAudioVideoCapture: return "screen and audio capture"
        default: return "feature " + feature
        }
    }

    Loader {
        id: loader
        anchors.fill: parent
        active: Web.profile !== null
        sourceComponent: WebEngineView {
            id: web
            objectName: "web.view"
            profile: Web.profile
            zoomFactor: 1.0
            // The locked-down settings (docs/web-services.md).
            settings.javascriptCanOpenWindows: true // so that every window.open reaches onNewWindowRequested
            settings.javascriptCanAccessClipboard: false
            settings.javascriptCanPaste: false
            settings.localContentCanAccessRemoteUrls: false
            settings.localContentCanAccessFileUrls: false
            settings.pluginsEnabled: false
            settings.pdfViewerEnabled: false
            settings.fullScreenSupportEnabled: true // so that requests reach onFullScreenRequested, which rejects them
            settings.screenCaptureEnabled: false
            settings.errorPageEnabled: false
            settings.hyperlinkAuditingEnabled: false
            settings.dnsPrefetchEnabled: false
            settings.allowRunningInsecureContent: false
            settings.allowGeolocationOnInsecureOrigins: false
            settings.allowWindowActivationFromJavaScript: false
            settings.navigateOnDropEnabled: false
            // External protocols (mailto:, tel:, custom) clicked by the resident reach onNavigationRequested,
            // which refuses them all (NavigationPolicy), so they never reach QDesktopServices; without a
            // click the engine refuses them itself.
            settings.unknownUrlSchemePolicy: WebEngineSettings.AllowUnknownUrlSchemesFromUserInteraction
            settings.playbackRequiresUserGesture: true
            settings.autoLoadIconsForPage: false
            settings.touchIconsEnabled: false

            Component.onCompleted: {
                // In an isolated world, into every frame, before the page's own scripts: no drag and drop,
                // no date/time/colour or <select> popups of the engine (app/web/scripts/page-lockdown.js).
                const lockdown = WebEngine.script()
                lockdown.name = "onestop-page-lockdown"
                lockdown.sourceUrl = Qt.resolvedUrl("qrc:/onestop/web/page-lockdown.js")
                lockdown.injectionPoint = WebEngineScript.DocumentCreation
                lockdown.worldId = WebEngineScript.ApplicationWorld
                lockdown.runsOnSubFrames = true
                web.userScripts.insert(lockdown)
                url = Web.startUrl
            }

            onZoomFactorChanged: if (zoomFactor !== 1.0) zoomFactor = 1.0
            onNavigationRequested: (request) => {
                if (!Web.allowNavigation(request.url, request.isMainFrame))
                    request.reject()
            }
            onNewWindowRequested: (request) => {
                const target = Web.newWindowTarget(request.requestedUrl)
                if (target.toString() !== "")
                    web.url = target
            }
            onLoadingChanged: (info) => {
                if (info.status === WebEngineView.LoadStartedStatus)
                    return
                root.started = true
                if (info.status === WebEngineView.LoadFailedStatus)
                    Web.loadFailed(info.url, info.errorCode, info.errorDomain === WebEngineView.CertificateErrorDomain)
            }
            onFileDialogRequested: (request) => {
                request.accepted = true
                request.dialogReject()
                Web.refused("file_picker", "file chooser, mode " + request.mode)
            }
            onColorDialogRequested: (request) => {
                request.accepted = true
                request.dialogReject()
                Web.refused("file_picker", "colour picker")
            }
            onFileSystemAccessRequested: (request) => {
                request.reject()
                Web.refused("file_picker", "file system access")
            }
            onJavaScriptDialogRequested: (request) => {
                request.accepted = true
                // Leaving a page is never held up by it: "leave" for beforeunload, "no" for the rest.
                if (request.type === JavaScriptDialogRequest.DialogTypeBeforeUnload)
                    request.dialogAccept()
                else
                    request.dialogReject()
                Web.refused("dialog", root.dialogName(request.type))
            }
            onFeaturePermissionRequested: (securityOrigin, feature) => {
                web.grantFeaturePermission(securityOrigin, feature, false)
                Web.refused("permission", root.featureName(feature) + " for " + Web.loggable(securityOrigin))
            }
            onFullScreenRequested: (request) => {
                request.reject()
                if (request.toggleOn)
                    Web.refused("fullscreen", Web.loggable(request.origin))
            }
            onCertificateError: (error) => {
                error.rejectCertificate()
                Web.refused("certificate_error", Web.loggable(error.url) + ": " + error.description)
            }
            onAuthenticationDialogRequested: (request) => {
                request.accepted = true
                request.dialogReject()
                Web.refused("auth", Web.loggable(request.url))
            }
            onSelectClientCertificate: (selection) => {
                selection.selectNone()
                Web.refused("auth", "client certificate for " + Web.loggable(selection.host))
            }
            onContextMenuRequested: (request) => {
                request.accepted = true
                Web.refused("context_menu", "")
            }
            onTouchSelectionMenuRequested: (request) => { request.accepted = true }
            onRegisterProtocolHandlerRequested: (request) => {
                request.reject()
                Web.refused("external_scheme", "protocol handler for " + request.scheme)
            }
            onPrintRequested: Web.refused("print", "window.print()")
            onRenderProcessPidChanged: watchdog.restart()
            onRenderProcessTerminated: (status, exitCode) => {
                if (status !== WebEngineView.NormalTerminationStatus)
                    Web.rendererTerminated(status, exitCode)
            }
            // Pages' console messages may hold what the resident typed: never logged.
            onJavaScriptConsoleMessage: (level, message, lineNumber, sourceID) => {}
        }
    }

    // Ctrl + wheel (and a touchpad's pinch, which arrives as one) would zoom the page beyond its layout: this
    // layer above the page takes those and nothing else; a plain wheel scrolls the page below it.
    Item {
        objectName: "web.zoomGuard"
        anchors.fill: loader
        z: 1
        WheelHandler {
            acceptedModifiers: Qt.ControlModifier
            target: null
        }
    }

    // A renderer that stops answering (an endless script) is noticed and ended; its termination brings the
    // kiosk's page. Only while no kiosk page is over the view, and only a renderer that is there.
    RendererWatchdog {
        id: watchdog
        running: loader.item !== null && Web.errorPage === ""
        onPingRequested: (serial) => {
            if (loader.item && watchdog.watch(loader.item.renderProcessPid))
                loader.item.runJavaScript("0", function() { watchdog.answered(serial) })
        }
        onHung: (silentMs) => Web.rendererHung(loader.item ? loader.item.renderProcessPid : 0, silentMs)
    }

    // Downloads by any route (download attribute, Content-Disposition, blob:, data:, a PDF) end here:
    // cancelled (an unaccepted download is cancelled by the engine too).
    Connections {
        target: Web.profile
        ignoreUnknownSignals: true
        function onDownloadRequested(download) {
            download.cancel()
            Web.refused("download", Web.loggable(download.url))
        }
    }
}
