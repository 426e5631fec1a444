import QtQuick
import QtTest
import OneStop.Core
import OneStop.Screens
import OneStop.Simulator
import OneStop.Test

// The demo's simulator panel drives the same simulated devices the kiosk uses.
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
    Component { id: panelComponent; SimulatorPanel {} }

    ScreenTestCase {
        name: "Simulator"

        property var panel: null

        function panelItem(name) {
            const found = findVisible(panel.contentItem, name)
            verify(found !== null, "no visible panel control named '" + name + "'")
            return found
        }

        function deviceStatus(kind) {
            for (const device of Devices.devices) {
                if (device.kind === kind)
                    return device.status
            }
            return ""
        }

        function init() {
            failOnWarning(/.*/)
            Harness.reset()
            // A receipt from an earlier test may still be under the simulated print head (it
            // prints in real time); the checks below start from an idle printer.
            tryVerify(function() { return deviceStatus("receipt_printer") === "ready" }, 5000,
                      "the receipt printer is still " + deviceStatus("receipt_printer"))
            panel = createTemporaryObject(panelComponent, top)
            verify(panel !== null)
            panel.visible = true
            verify(waitForRendering(panel.contentItem))
            // A receipt from an earlier test case may still be printing (the simulated printer takes real
            // time); the paper knobs below expect an idle printer.
            tryVerify(() => deviceStatus("receipt_printer") !== "busy", 10000)
        }

        function test_plug_and_unplug() {
            compare(deviceStatus("camera"), "ready")
            const state = panelItem("sim.device.camera.state")
            const readyText = state.text
            mouseClick(panelItem("sim.unplug.camera"))
            compare(deviceStatus("camera"), "unavailable")
            verify(state.text !== readyText)
            verify(state.text.indexOf("unplugged") >= 0, state.text)
            mouseClick(panelItem("sim.plug.camera"))
            compare(deviceStatus("camera"), "ready")
            compare(state.text, readyText)
        }

        function test_paper_and_network() {
            mouseClick(panelItem("sim.paper.out"))
            compare(deviceStatus("receipt_printer"), "unavailable")
            mouseClick(panelItem("sim.paper.ok"))
            compare(deviceStatus("receipt_printer"), "ready")
            mouseClick(panelItem("sim.network.up"))
            verify(Simulator.networkUp)
            verify(panelItem("sim.sync.state").text.length > 0)
            mouseClick(panelItem("sim.network.down"))
            verify(!Simulator.networkUp)
        }

        function test_place_card_identifies_resident() {
            root = createTemporaryObject(shellComponent, top)
            tap("attract.start")
            tap("language.zh_CN")
            expectScreen("identify")
            mouseClick(panelItem("sim.resident.0.place"))
            expectScreen("catalog")
            verify(Session.identified)
            mouseClick(panelItem("sim.card.remove"))
            // Taking the card away does not end the session.
            compare(Session.screenName, "catalog")
        }

        function test_scan_code() {
            root = createTemporaryObject(shellComponent, top)
            tap("attract.start")
            tap("language.zh_CN")
            expectScreen("identify")
            const field = panelItem("sim.scan.text")
            field.forceActiveFocus()
            for (const ch of "HELLO")
                keyClick(ch)
            compare(field.text, "HELLO")
            mouseClick(panelItem("sim.scan.submit"))
            // A code cannot identify anyone yet: the session says so.
            verify(Session.notice.length > 0)
            compare(Session.screenName, "identify")
        }
    }
}
