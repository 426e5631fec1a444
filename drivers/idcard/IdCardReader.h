#pragma once

#include "Device.h"
#include "IdCardData.h"

// A resident ID card reader. The reader polls on its own; when a card is read it emits cardRead once, and
// cardRemoved when the card leaves the field. Thread: signals arrive on the GUI thread.
class IdCardReader : public Device
{
    Q_OBJECT
    Q_PROPERTY(bool cardPresent READ isCardPresent NOTIFY cardPresenceChanged)

public:
    using Device::Device;
    virtual bool isCardPresent() const = 0;

signals:
    void cardRead(const IdCardData &card);
    void cardRemoved();
    void cardPresenceChanged();
};
