import QtQuick
import QtQuick.Window
import OneStop.Web

// The probe's window (`onestop-kiosk --web-probe`): the resident's locked-down view and nothing else, at
// CSS pixel = window pixel, so that the probe's clicks land where the page's elements are. The probe
// (app/web/WebProbe) runs scripts through evaluate() and gets their results from scriptResult().
Window {
    id: window
    width: 1280
    height: 900
    visible: true
    title: "onestop web probe"

    readonly property alias web: locked
    signal scriptResult(int token, var result)

    function evaluate(script, token) {
        if (!locked.view) {
            window.scriptResult(token, undefined)
            return
        }
        locked.view.runJavaScript(script, (result) => window.scriptResult(token, result))
    }

    LockedWebView {
        id: locked
        objectName: "probe.web"
        anchors.fill: parent
    }
}
