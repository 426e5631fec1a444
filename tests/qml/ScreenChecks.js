// Checks of rendered screens against the Theme's promises: text sizes, touch targets and (WCAG 2.x)
// contrast of every text against the nearest opaque colour behind it. Each check returns a list of
// problems (strings) rather than failing on the first, so that one run names every offending item.
.pragma library

// An item's name for messages: its objectName, or its type and text.
function describe(item) {
    if (item.objectName && item.objectName.length > 0)
        return item.objectName
    const text = (typeof item.text === "string") ? " '" + item.text.substring(0, 40) + "'" : ""
    return String(item).replace(/\(0x[0-9a-f]+.*$/, "").replace(/_QML.*$/, "") + text
}

function isText(item) {
    return ("font" in item) && ("color" in item) && ("horizontalAlignment" in item) && typeof item.text === "string"
}

// Scroll bars and indicators are dragged, not tapped (the content flicks as well).
function isScrollBar(item) {
    return ("orientation" in item) && ("position" in item) && ("size" in item) && !("checkable" in item)
}

function isTappable(item) {
    if (isScrollBar(item))
        return false
    const button = ("checkable" in item) && ("autoRepeat" in item)              // AbstractButton
    const mouseArea = ("pressAndHoldInterval" in item) && ("hoverEnabled" in item) && ("containsMouse" in item)
    const field = ("placeholderText" in item) && ("readOnly" in item)             // TextField, TextArea
    return button || mouseArea || field
}

function effectiveOpacity(item) {
    let o = 1
    for (let p = item; p; p = p.parent)
        o *= p.opacity
    return o
}

// Every visible item under `item` (inclusive), depth first, children in stacking order.
function visibleItems(item, out) {
    if (!item || !item.visible || item.opacity === 0)
        return out
    out.push(item)
    for (let i = 0; i < item.children.length; ++i)
        visibleItems(item.children[i], out)
    return out
}

// The font roles of the theme in its current mode: pixel size -> role name.
function fontRoles(theme) {
    const roles = {}
    for (const r of ["fontSmall", "fontBody", "fontButton", "fontHeading", "fontTitle", "fontHuge"])
        roles[theme[r]] = r
    return roles
}

function isHeadingRole(role) {
    return role === "fontHeading" || role === "fontTitle" || role === "fontHuge"
}

// Text sizes and touch targets of everything visible under `root`.
function sizeProblems(root, theme, where) {
    const problems = []
    const roles = fontRoles(theme)
    const minTouch = theme.minTouchDp * theme.dp
    for (const item of visibleItems(root, [])) {
        if (isText(item) && item.text.length > 0) {
            const px = item.font.pixelSize
            const role = roles[px]
            if (role === undefined)
                problems.push(where + ": " + describe(item) + " has a font size (" + px + " px) that is no Theme role")
            else if (theme.elderly && px < theme.minBodyDp * theme.dp)
                problems.push(where + ": " + describe(item) + " text " + px + " px < " + theme.minBodyDp + " dp")
            else if (theme.elderly && isHeadingRole(role) && px < theme.minHeadingDp * theme.dp)
                problems.push(where + ": " + describe(item) + " heading " + px + " px < " + theme.minHeadingDp + " dp")
        }
        if (isTappable(item) && item.enabled && (item.width < minTouch || item.height < minTouch))
            problems.push(where + ": " + describe(item) + " is a touch target of " + Math.round(item.width) + "x"
                          + Math.round(item.height) + " px < " + theme.minTouchDp + "x" + theme.minTouchDp + " dp")
    }
    return problems
}

function insideFlickable(item) {
    for (let p = item.parent; p; p = p.parent) {
        if (("contentY" in p) && ("flickableDirection" in p))
            return true
    }
    return false
}

// Controls a resident cannot reach: outside `root` and not in anything that scrolls.
function reachProblems(root, where) {
    const problems = []
    for (const item of visibleItems(root, [])) {
        if (!isTappable(item) || !item.enabled || insideFlickable(item) || item === root)
            continue
        const p = item.mapToItem(root, 0, 0)
        if (p.x < -0.5 || p.y < -0.5 || p.x + item.width > root.width + 0.5 || p.y + item.height > root.height + 0.5)
            problems.push(where + ": " + describe(item) + " at " + Math.round(p.x) + "," + Math.round(p.y) + " "
                          + Math.round(item.width) + "x" + Math.round(item.height) + " is not wholly on the screen")
    }
    return problems
}

// WCAG 2.x relative luminance and contrast ratio of two opaque colours.
function channel(c) {
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)
}
function luminance(color) {
    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)
}
function contrast(a, b) {
    const la = luminance(a), lb = luminance(b)
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}
// `fg` drawn with opacity `alpha` (times its own alpha) over the opaque `bg`.
function over(fg, bg, alpha) {
    const a = fg.a * alpha
    return { r: fg.r * a + bg.r * (1 - a), g: fg.g * a + bg.g * (1 - a), b: fg.b * a + bg.b * (1 - a), a: 1 }
}

function isOpaqueRectangle(item) {
    return item && item.visible && ("radius" in item) && ("border" in item) && ("color" in item)
           && !("font" in item) && item.color.a === 1 && effectiveOpacity(item) === 1
}

// The part of `item` that is drawn (inside every clipping ancestor), as a rectangle in `item`'s
// coordinates, or null when none of it is.
function drawnRect(item) {
    let x0 = 0, y0 = 0, x1 = item.width, y1 = item.height
    for (let p = item.parent; p; p = p.parent) {
        if (!p.clip)
            continue
        const tl = p.mapToItem(item, 0, 0)
        const br = p.mapToItem(item, p.width, p.height)
        x0 = Math.max(x0, tl.x); y0 = Math.max(y0, tl.y)
        x1 = Math.min(x1, br.x); y1 = Math.min(y1, br.y)
    }
    return (x1 - x0 < 1 || y1 - y0 < 1) ? null : { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }
}

// Whether `candidate` lies under the drawn centre of `target`.
function contains(candidate, target) {
    const c = drawnRect(target)
    if (!c)
        return false
    const p = target.mapToItem(candidate, c.x, c.y)
    return p.x >= 0 && p.y >= 0 && p.x <= candidate.width && p.y <= candidate.height
}

// The nearest opaque colour drawn behind `text`: its own background, then going up the tree, at each
// level the siblings stacked below (last first) that cover it, the parent's `background`, the parent.
function backgroundOf(text) {
    if (("background" in text) && isOpaqueRectangle(text.background) && contains(text.background, text))
        return text.background
    let child = text
    for (let p = text.parent; p; child = p, p = p.parent) {
        const siblings = p.children
        let below = []
        for (let i = 0; i < siblings.length && siblings[i] !== child; ++i)
            below.push(siblings[i])
        for (let i = below.length - 1; i >= 0; --i) {
            const s = below[i]
            if (s.z <= child.z && isOpaqueRectangle(s) && contains(s, text))
                return s
        }
        if (("background" in p) && p.background !== child && isOpaqueRectangle(p.background) && contains(p.background, text))
            return p.background
        if (isOpaqueRectangle(p))
            return p
    }
    return null
}

// Every visible text under `root` against the colour behind it.
function contrastProblems(root, minimum, where) {
    const problems = []
    for (const item of visibleItems(root, [])) {
        if (!isText(item) || item.text.trim().length === 0 || !drawnRect(item))
            continue
        const bg = backgroundOf(item)
        if (!bg) {
            problems.push(where + ": " + describe(item) + " has no opaque background")
            continue
        }
        const fg = over(item.color, bg.color, effectiveOpacity(item) / effectiveOpacity(bg))
        const ratio = contrast(fg, bg.color)
        if (ratio < minimum)
            problems.push(where + ": " + describe(item) + " " + item.color + " on " + bg.color + " = "
                          + ratio.toFixed(2) + ":1 < " + minimum + ":1")
    }
    return problems
}
