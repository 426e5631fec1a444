import QtQuick
import QtTest
import OneStop.Core
import OneStop.Screens
import OneStop.Test

// The catalog screen: search field, category and life-event chips, the message for no match. What is
// listed is decided by the Services controller (tested in C++: tst_catalog_search_model); this checks that
// the screen presents it and that the resident's taps and typing reach it.
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
        name: "Catalog"

        function tileName(index) {
            const grid = item("catalog.grid")
            grid.positionViewAtIndex(index, GridView.Contain)
            return item("catalog.service." + Services.serviceIdAt(index)).name
        }

        function test_jzz_finds_residence_permit_first() {
            root = createTemporaryObject(shellComponent, top)
            identify(1)
            const grid = item("catalog.grid")
            compare(grid.count, Harness.serviceIds().length)
            typeInto("catalog.search", "jzz")
            compare(Services.query, "jzz")
            verify(grid.count > 0)
            verify(grid.count < Harness.serviceIds().length)
            verify(tileName(0).indexOf("居住证") >= 0, tileName(0))
            verify(!findVisible(root, "catalog.message"))

            typeInto("catalog.search", "juzhuzheng")
            verify(tileName(0).indexOf("居住证") >= 0, tileName(0))
            // Chinese comes from the input method as committed text (keyClick types ASCII only).
            item("catalog.search").text = "居住"
            compare(Services.query, "居住")
            verify(grid.count > 0)

            tap("catalog.search.clear")
            compare(item("catalog.search").text, "")
            compare(Services.query, "")
            compare(grid.count, Harness.serviceIds().length)
        }

        function test_no_match_says_so() {
            root = createTemporaryObject(shellComponent, top)
            identify(1)
            typeInto("catalog.search", "xqxqzv")
            const grid = item("catalog.grid")
            compare(grid.count, 0)
            const message = item("catalog.message")
            verify(message.text.length > 0)
            compare(message.text, Services.message)
            verify(message.text.indexOf("xqxqzv") >= 0)
        }

        function test_category_and_life_event_chips() {
            root = createTemporaryObject(shellComponent, top)
            identify(1)
            const grid = item("catalog.grid")
            const all = grid.count
            verify(item("catalog.category.all").selected)
            tap("catalog.category.medical")
            compare(Services.category, "medical")
            verify(item("catalog.category.medical").selected)
            verify(!item("catalog.category.all").selected)
            verify(grid.count > 0 && grid.count < all)
            for (let i = 0; i < grid.count; ++i) {
                grid.positionViewAtIndex(i, GridView.Contain)
                compare(item("catalog.service." + Services.serviceIdAt(i)).category, "medical")
            }
            tap("catalog.category.all")
            compare(grid.count, all)

            tap("catalog.lifeEvent.old-age")
            compare(Services.lifeEvent, "old-age")
            verify(grid.count > 0 && grid.count < all)
            tap("catalog.lifeEvent.old-age") // again: all
            compare(Services.lifeEvent, "")
            compare(grid.count, all)
        }

        // The search text is the resident's: the next resident starts with the whole catalog.
        function test_search_ends_with_the_session() {
            root = createTemporaryObject(shellComponent, top)
            identify(1)
            typeInto("catalog.search", "jzz")
            tap("catalog.category.household")
            tap("header.end")
            expectScreen("attract")
            compare(Services.query, "")
            compare(Services.category, "")
            identify(0)
            compare(item("catalog.search").text, "")
            compare(item("catalog.grid").count, Harness.serviceIds().length)
        }
    }
}
