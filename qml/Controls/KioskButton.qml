import QtQuick
import QtQuick.Controls.Basic

// A large touch button. `kind` picks the look: "primary" (the next step), "secondary" (other choices),
// "danger" (ending the session). `selected` marks the chosen one of a row of choices.
Button {
    id: control

    property string kind: "secondary"
    property bool selected: false
    property int fontSize: Theme.fontButton

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
    implicitWidth: Math.max(Theme.buttonMinWidth, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    topPadding: Theme.smallSpacing
    bottomPadding: Theme.smallSpacing
    font.family: Theme.fontFamily
    font.pixelSize: fontSize
    focusPolicy: Qt.NoFocus

    contentItem: Label {
        text: control.text
        font: control.font
        color: control.labelColor
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.fillColor
        border.width: control.kind === "secondary" && !control.selected ? Theme.borderWidth : 0
        border.color: control.enabled ? Theme.primary : Theme.border
    }
}
