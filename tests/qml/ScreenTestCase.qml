import QtQuick
import QtTest
import OneStop.Controls
import OneStop.Core
import OneStop.Test

// A TestCase with the tools every screen test needs: find a visible item by objectName, tap it, type into
// it, wait for a screen, walk the texts of the item tree. Each test starts from a clean kiosk (attract
// screen, devices ready, network down) and fails on any warning.
TestCase {
    id: testCase

    // The item the test looks into (a KioskShell, usually).
    property Item root: null

    when: windowShown

    function init() {
        failOnWarning(/.*/)
        Theme.animations = false
        Harness.reset()
        compare(Session.screenName, "attract")
    }

    function findVisible(item, name) {
        if (!item)
            return null
        if (item.objectName === name && item.visible)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findVisible(item.children[i], name)
            if (found)
                return found
        }
        return null
    }

    // Waits (as the scenario runner does) for a visible item of that name: views lay out on the next frame.
    function item(name) {
        let found = null
        tryVerify(() => (found = findVisible(root, name)) !== null, 3000,
                  "no visible item named '" + name + "' on screen '" + Session.screenName + "'")
        return found
    }

    function tap(name) {
        const target = item(name)
        verify(target.enabled, "'" + name + "' is disabled")
        reveal(target)
        mouseClick(target)
    }

    // Scrolls every Flickable around `target` so that its centre is in view, as a resident would before
    // tapping it (a tap at a place hidden under a bar or the keyboard would hit something else).
    function reveal(target) {
        let moved = false
        for (let p = target.parent; p; p = p.parent) {
            if (!(p instanceof Flickable))
                continue
            const centre = target.mapToItem(p, 0, target.height / 2).y
            if (centre >= 0 && centre <= p.height)
                continue
            const wanted = p.contentY + centre - p.height / 2
            p.contentY = Math.max(0, Math.min(wanted, p.contentHeight - p.height))
            moved = true
        }
        if (moved)
            wait(0) // the scrolled items' scene positions settle before the click
    }

    // Waits until the session is on `name` and its screen is the one loaded.
    function expectScreen(name) {
        tryCompare(Session, "screenName", name, 20000) // a commit on a loaded machine can take seconds
        return item("screen." + name)
    }

    function typeInto(name, text) {
        const field = item(name)
        field.forceActiveFocus()
        verify(field.activeFocus, "'" + name + "' does not take focus")
        field.selectAll()
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    // Every string shown by the item tree: texts, placeholders, and item names, each as
    // { owner: the item, text: the string }.
    function collectTexts(item, out) {
        if (!item)
            return out
        for (const key of ["text", "displayText", "placeholderText", "title", "objectName"]) {
            const value = item[key]
            if (typeof value === "string" && value.length > 0)
                out.push({ owner: item, text: value })
        }
        for (let i = 0; i < item.children.length; ++i)
            collectTexts(item.children[i], out)
        return out
    }

    // From attract to the catalog, identified by sample resident `resident`.
    function identify(resident) {
        expectScreen("attract")
        tap("attract.start")
        expectScreen("language")
        tap("language.zh_CN")
        expectScreen("identify")
        Simulator.placeSampleCard(resident)
        expectScreen("catalog")
    }

    // From the catalog to the form of `serviceId`.
    function openForm(serviceId) {
        tap("catalog.service." + serviceId)
        expectScreen("guide")
        tap("guide.start")
        return expectScreen("form")
    }
}
