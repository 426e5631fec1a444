#include "UsbNative.h"

namespace UsbNative {

UsbDeviceInfo infoFor(libusb_device *device)
{
    UsbDeviceInfo info;
    info.busNumber = libusb_get_bus_number(device);
    info.deviceAddress = libusb_get_device_address(device);
    libusb_device_descriptor descriptor{};
    if (libusb_get_device_descriptor(device, &descriptor) == LIBUSB_SUCCESS) {
        info.vendorId = descriptor.idVendor;
        info.productId = descriptor.idProduct;
        info.deviceClass = descriptor.bDeviceClass;
    }
    libusb_config_descriptor *config = nullptr;
    if (libusb_get_active_config_descriptor(device, &config) == LIBUSB_SUCCESS && config) {
        for (int i = 0; i < config->bNumInterfaces; ++i) {
            const libusb_interface &interface = config->interface[i];
            if (interface.num_altsetting > 0)
                info.interfaceClasses.append(interface.altsetting[0].bInterfaceClass);
        }
        libusb_free_config_descriptor(config);
    }
    return info;
}

static UsbEndpointInfo::Type typeOf(quint8 attributes)
{
    switch (attributes & LIBUSB_TRANSFER_TYPE_MASK) {
    case LIBUSB_TRANSFER_TYPE_CONTROL:
        return UsbEndpointInfo::Type::Control;
    case LIBUSB_TRANSFER_TYPE_ISOCHRONOUS:
        return UsbEndpointInfo::Type::Isochronous;
    case LIBUSB_TRANSFER_TYPE_INTERRUPT:
        return UsbEndpointInfo::Type::Interrupt;
    default:
        return UsbEndpointInfo::Type::Bulk;
    }
}

QList<UsbEndpointInfo> endpointsFor(libusb_device *device, int interfaceNumber, QString *error)
{
    QList<UsbEndpointInfo> endpoints;
    libusb_config_descriptor *config = nullptr;
    const int rc = libusb_get_active_config_descriptor(device, &config);
    if (rc != LIBUSB_SUCCESS || !config) {
        if (error)
            *error = QStringLiteral("read configuration descriptor: ") + errorText(rc);
        return endpoints;
    }
    bool found = false;
    for (int i = 0; i < config->bNumInterfaces && !found; ++i) {
        const libusb_interface &interface = config->interface[i];
        if (interface.num_altsetting < 1 || interface.altsetting[0].bInterfaceNumber != interfaceNumber)
            continue;
        found = true;
        const libusb_interface_descriptor &alt = interface.altsetting[0];
        for (int e = 0; e < alt.bNumEndpoints; ++e) {
            UsbEndpointInfo endpoint;
            endpoint.address = alt.endpoint[e].bEndpointAddress;
            endpoint.type = typeOf(alt.endpoint[e].bmAttributes);
            endpoint.maxPacketSize = alt.endpoint[e].wMaxPacketSize & 0x7ff;
            endpoints.append(endpoint);
        }
    }
    libusb_free_config_descriptor(config);
    if (!found && error)
        *error = QStringLiteral("the active configuration has no interface %1").arg(interfaceNumber);
    return endpoints;
}

QString errorText(int libusbError)
{
    return QStringLiteral("%1 (%2)").arg(QString::fromLatin1(libusb_error_name(libusbError)),
                                         QString::fromLatin1(libusb_strerror(libusbError)));
}

} // namespace UsbNative
