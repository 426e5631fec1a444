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

    ScreenTestCase {
        name: "Window"

        function test_screen_builds_alone_data() {
            return [
                { tag: "attract", component: attract },
                { tag: "language", component: language },
                { tag: "identify", component: identify },
                { tag: "catalog", component: catalog },
                { tag: "guide", component: guide },
                { tag: "form", component: form },
                { tag: "review", component: review },
                { tag: "saving", component: saving },
                { tag: "receipt", component: receipt },
                { tag: "rating", component: rating },
                { tag: "goodbye", component: goodbye }
            ]
        }

        function test_screen_builds_alone(data) {
            const screen = createTemporaryObject(data.component, top)
            verify(screen !== null)
            compare(screen.objectName, "screen." + data.tag)
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
