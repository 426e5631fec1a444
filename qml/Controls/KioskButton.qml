import QtQuick
import QtQuick.Controls.Basic

// A large touch button. `kind` picks the look: "primary" (the next step), "secondary" (other choices),
// "danger" (ending the session). `selected` marks the chosen one of a row of choices (or a switch that is on).
// Never smaller than Theme.touchTarget high; `minimumWidth` is at least that too.
Button {
    id: control

    property string kind: "secondary"
    property bool selected: false
    property int fontSize: Theme.fontButton
    property int minimumWidth: Theme.buttonMinWidth
    // A switch (on = `selected`) on a coloured band: a light outline always, a check mark when on.
    property bool toggle: false

    readonly property color fillColor: {
        if (!enabled)
            return Theme.disabled
        if (kind === "primary" || selected)
            return down ? Theme.primaryPressed : Theme.primary
        if (kind === "danger")
            return down ? Theme.dangerPressed : Theme.danger
        return down ? Theme.secondaryPressed : Theme.secondary
    }
    readonly property color labelColor: {
        if (!enabled)
            return Theme.textDisabled
        if (kind === "primary" || kind === "danger" || selected)
            return Theme.textOnPrimary
        return Theme.primary
    }

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.touchTarget, minimumWidth, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    topPadding: Theme.smallSpacing
    bottomPadding: Theme.smallSpacing
    font.family: Theme.fontFamily
    font.pixelSize: fontSize
    focusPolicy: Qt.NoFocus

    contentItem: Label {
        text: control.toggle && control.selected ? "✓ " + control.text : control.text
        font: control.font
        color: control.labelColor
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.fillColor
        border.width: control.toggle ? Theme.borderWidth * 2 : (control.kind === "secondary" && !control.selected ? Theme.borderWidth : 0)
        border.color: control.toggle ? Theme.textOnPrimary : (control.enabled ? Theme.primary : Theme.border)
    }
}
