import QtQuick
import QtTest
import OneStop.Controls
import OneStop.Core
import OneStop.Screens
import OneStop.Test

// Every screen builds on its own with the kiosk idle (what --self-test does too), and the kiosk window
// holds the shell and takes the animation switch from the site.
Item {
    id: top
    width: 1920
    height: 1080

    Component { id: windowComponent; KioskWindow {} }
    Component { id: attract; AttractScreen { anchors.fill: parent } }
    Component { id: language; LanguageScreen { anchors.fill: parent } }
    Component { id: identify; IdentifyScreen { anchors.fill: parent } }
    Component { id: catalog; CatalogScreen { anchors.fill: parent } }
    Component { id: guide; GuideScreen { anchors.fill: parent } }
    Component { id: form; FormScreen { anchors.fill: parent } }
    Component { id: review; ReviewScreen { anchors.fill: parent } }
    Component { id: saving; SavingScreen { anchors.fill: parent } }
    Component { id: receipt; ReceiptScreen { anchors.fill: parent } }
    Component { id: rating; RatingScreen { anchors.fill: parent } }
    Component { id: goodbye; GoodbyeScreen { anchors.fill: parent } }
    Component { id: web; WebServiceScreen { anchors.fill: parent } }

    ScreenTestCase {
        name: "Window"

        function test_screen_builds_alone_data() {
            const screens = [
                { name: "attract", component: attract },
                { name: "language", component: language },
                { name: "identify", component: identify },
                { name: "catalog", component: catalog },
                { name: "guide", component: guide },
                { name: "form", component: form },
                { name: "review", component: review },
                { name: "saving", component: saving },
                { name: "receipt", component: receipt },
                { name: "rating", component: rating },
                { name: "goodbye", component: goodbye },
                { name: "web", component: web }
            ]
            const rows = []
            // Plain, and with the theme's switches on: animations running and the elderly mode's sizes.
            for (const screen of screens) {
                rows.push({ tag: screen.name, name: screen.name, component: screen.component, switches: false })
                rows.push({ tag: screen.name + " animated elderly", name: screen.name, component: screen.component, switches: true })
            }
            return rows
        }

        function cleanup() {
            Theme.elderly = false
            Theme.animations = false
        }

        function test_screen_builds_alone(data) {
            Theme.animations = data.switches
            Theme.elderly = data.switches
            const screen = createTemporaryObject(data.component, top)
            verify(screen !== null)
            compare(screen.objectName, "screen." + data.name)
            waitForRendering(screen)
        }

        function test_kiosk_window() {
            Theme.animations = !Kiosk.animations
            const window = createTemporaryObject(windowComponent, top)
            verify(window !== null)
            compare(window.width, 1920)
            compare(window.height, 1080)
            // main.cpp decides when and how the window is shown.
            verify(!window.visible)
            compare(Theme.animations, Kiosk.animations)
            root = window.contentItem
            item("kiosk.shell")
            item("screen.attract")
        }
    }
}
