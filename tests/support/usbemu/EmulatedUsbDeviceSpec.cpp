#include "EmulatedUsbDeviceSpec.h"

namespace {
void put16(QByteArray &out, quint16 value)
{
    out.append(char(value & 0xff));
    out.append(char(value >> 8));
}
} // namespace

EmulatedUsbDeviceSpec EmulatedUsbDeviceSpec::bulkPair(quint16 vendorId, quint16 productId, quint8 outEndpoint,
                                                      quint8 inEndpoint, quint16 maxPacketSize)
{
    EmulatedUsbDeviceSpec spec;
    spec.vendorId = vendorId;
    spec.productId = productId;
    EmulatedUsbInterface interface;
    interface.endpoints = {{outEndpoint, EmulatedUsbEndpoint::Type::Bulk, maxPacketSize},
                           {inEndpoint, EmulatedUsbEndpoint::Type::Bulk, maxPacketSize}};
    spec.interfaces = {interface};
    return spec;
}

QByteArray EmulatedUsbDeviceSpec::descriptors() const
{
    const bool hasStrings = !manufacturer.isEmpty() || !product.isEmpty() || !serialNumber.isEmpty();
    QByteArray device;
    device.append(char(18));
    device.append(char(0x01)); // DEVICE
    put16(device, 0x0200);     // USB 2.0
    device.append(char(deviceClass));
    device.append(char(0));
    device.append(char(0));
    device.append(char(64)); // bMaxPacketSize0
    put16(device, vendorId);
    put16(device, productId);
    put16(device, bcdDevice);
    device.append(char(hasStrings && !manufacturer.isEmpty() ? 1 : 0));
    device.append(char(hasStrings && !product.isEmpty() ? 2 : 0));
    device.append(char(hasStrings && !serialNumber.isEmpty() ? 3 : 0));
    device.append(char(1)); // bNumConfigurations

    QByteArray body;
    for (const EmulatedUsbInterface &interface : interfaces) {
        body.append(char(9));
        body.append(char(0x04)); // INTERFACE
        body.append(char(interface.number));
        body.append(char(0)); // alternate setting
        body.append(char(interface.endpoints.size()));
        body.append(char(interface.interfaceClass));
        body.append(char(interface.interfaceSubClass));
        body.append(char(interface.interfaceProtocol));
        body.append(char(0));
        for (const EmulatedUsbEndpoint &endpoint : interface.endpoints) {
            body.append(char(7));
            body.append(char(0x05)); // ENDPOINT
            body.append(char(endpoint.address));
            body.append(char(endpoint.type == EmulatedUsbEndpoint::Type::Bulk ? 0x02 : 0x03));
            put16(body, endpoint.maxPacketSize);
            body.append(char(endpoint.type == EmulatedUsbEndpoint::Type::Bulk ? 0 : 1));
        }
    }
    QByteArray config;
    config.append(char(9));
    config.append(char(0x02)); // CONFIGURATION
    put16(config, quint16(9 + body.size()));
    config.append(char(interfaces.size()));
    config.append(char(1));    // bConfigurationValue
    config.append(char(0));    // iConfiguration
    config.append(char(0x80)); // bus powered
    config.append(char(50));   // 100 mA
    return device + config + body;
}
