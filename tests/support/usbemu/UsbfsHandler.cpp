#include "UsbfsHandler.h"

#include <linux/usbdevice_fs.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cstddef>
#include <utility>

namespace {
// What a current Linux kernel reports; libusb then submits one URB per bulk transfer of any size.
constexpr quint32 kCapabilities = USBDEVFS_CAP_ZERO_PACKET | USBDEVFS_CAP_BULK_CONTINUATION |
                                  USBDEVFS_CAP_NO_PACKET_SIZE_LIM | USBDEVFS_CAP_REAP_AFTER_DISCONNECT;

// umockdev_ioctl_data_resolve() returns a new reference (the parent keeps its own one, and flushes the
// child back to the client when the ioctl completes): drop ours when done.
struct DataRef
{
    UMockdevIoctlData *data = nullptr;
    explicit DataRef(UMockdevIoctlData *d = nullptr) : data(d) {}
    DataRef(const DataRef &) = delete;
    DataRef &operator=(const DataRef &) = delete;
    ~DataRef()
    {
        if (data)
            umockdev_ioctl_data_unref(data);
    }
    UMockdevIoctlData *release() { return std::exchange(data, nullptr); }
};

UMockdevIoctlData *resolve(UMockdevIoctlData *parent, gsize offset, gsize length)
{
    GError *error = nullptr;
    UMockdevIoctlData *data = umockdev_ioctl_data_resolve(parent, offset, length, &error);
    if (error) {
        g_error_free(error);
        if (data)
            umockdev_ioctl_data_unref(data);
        return nullptr;
    }
    return data;
}

template <typename T> bool readArg(UMockdevIoctlData *arg, T *value)
{
    DataRef data(resolve(arg, 0, sizeof(T)));
    if (!data.data || data.data->data_len < int(sizeof(T)))
        return false;
    memcpy(value, data.data->data, sizeof(T));
    return true;
}
} // namespace

UsbfsHandler::UsbfsHandler(std::mutex *mutex, const EmulatedUsbDeviceSpec &spec, UsbDeviceModel *model)
    : m_mutex(mutex), m_spec(spec), m_model(model), m_base(umockdev_ioctl_base_new())
{
    g_signal_connect(m_base, "handle-ioctl", G_CALLBACK(&UsbfsHandler::onIoctl), this);
}

UsbfsHandler::~UsbfsHandler()
{
    g_signal_handlers_disconnect_by_data(m_base, this);
    for (Urb &urb : m_urbs)
        release(urb);
    g_object_unref(m_base);
}

// umockdev worker thread.
gboolean UsbfsHandler::onIoctl(UMockdevIoctlBase *, UMockdevIoctlClient *client, gpointer self)
{
    auto *handler = static_cast<UsbfsHandler *>(self);
    bool handled = true;
    bool idleReap = false;
    {
        std::lock_guard<std::mutex> lock(*handler->m_mutex);
        idleReap = handler->handle(client, &handled);
    }
    // libusb polls the device fd for POLLOUT, which an emulated node always reports, and reaps in a loop:
    // slow an empty reap down so the host's event thread does not spin at 100 % CPU.
    if (idleReap)
        g_usleep(500);
    return handled;
}

bool UsbfsHandler::handle(UMockdevIoctlClient *client, bool *handled)
{
    const gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
    *handled = true;
    if (m_gone && request != USBDEVFS_REAPURB && request != USBDEVFS_REAPURBNDELAY &&
        request != USBDEVFS_DISCARDURB && request != USBDEVFS_RELEASEINTERFACE) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
        return false;
    }
    switch (request) {
    case USBDEVFS_GET_CAPABILITIES: {
        DataRef data(resolve(arg, 0, sizeof(quint32)));
        if (!data.data) {
            umockdev_ioctl_client_complete(client, -1, EFAULT);
            return false;
        }
        quint32 caps = kCapabilities;
        umockdev_ioctl_data_update(data.data, 0, reinterpret_cast<guint8 *>(&caps), sizeof caps);
        umockdev_ioctl_client_complete(client, 0, 0);
        return false;
    }
    case USBDEVFS_CLAIMINTERFACE:
    case USBDEVFS_RELEASEINTERFACE: {
        unsigned int interface = 0;
        if (!readArg(arg, &interface)) {
            umockdev_ioctl_client_complete(client, -1, EFAULT);
            return false;
        }
        bool known = false;
        for (const EmulatedUsbInterface &i : m_spec.interfaces)
            known = known || i.number == interface;
        if (!known) {
            umockdev_ioctl_client_complete(client, -1, EINVAL);
            return false;
        }
        if (request == USBDEVFS_CLAIMINTERFACE)
            m_claimed.insert(int(interface));
        else
            m_claimed.remove(int(interface));
        umockdev_ioctl_client_complete(client, 0, 0);
        return false;
    }
    case USBDEVFS_DISCONNECT_CLAIM: {
        usbdevfs_disconnect_claim claim{};
        if (!readArg(arg, &claim)) {
            umockdev_ioctl_client_complete(client, -1, EFAULT);
            return false;
        }
        bool known = false;
        for (const EmulatedUsbInterface &i : m_spec.interfaces)
            known = known || i.number == claim.interface;
        if (!known) {
            umockdev_ioctl_client_complete(client, -1, EINVAL);
            return false;
        }
        m_claimed.insert(int(claim.interface));
        umockdev_ioctl_client_complete(client, 0, 0);
        return false;
    }
    case USBDEVFS_GETDRIVER:
    case USBDEVFS_IOCTL: // connect/disconnect a kernel driver: there is none
        umockdev_ioctl_client_complete(client, -1, ENODATA);
        return false;
    case USBDEVFS_CLEAR_HALT:
    case USBDEVFS_RESETEP: {
        unsigned int endpoint = 0;
        if (readArg(arg, &endpoint) && request == USBDEVFS_CLEAR_HALT)
            m_stalled.remove(quint8(endpoint));
        umockdev_ioctl_client_complete(client, 0, 0);
        return false;
    }
    case USBDEVFS_RESET:
    case USBDEVFS_SETINTERFACE:
    case USBDEVFS_SETCONFIGURATION:
        umockdev_ioctl_client_complete(client, 0, 0);
        return false;
    case USBDEVFS_SUBMITURB:
        submit(client, arg);
        return false;
    case USBDEVFS_DISCARDURB:
        discard(client, arg);
        return false;
    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY:
        return !reap(client, arg);
    default:
        umockdev_ioctl_client_complete(client, -1, ENOTTY);
        return false;
    }
}

void UsbfsHandler::submit(UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
    DataRef data(resolve(arg, 0, sizeof(usbdevfs_urb)));
    if (!data.data) {
        umockdev_ioctl_client_complete(client, -1, EFAULT);
        return;
    }
    const auto *raw = reinterpret_cast<const usbdevfs_urb *>(data.data->data);
    Urb urb;
    urb.client = client;
    urb.clientAddress = data.data->client_addr;
    urb.endpoint = raw->endpoint;
    urb.length = raw->buffer_length;
    const unsigned char type = raw->type;
    if (urb.length > 0) {
        urb.bufferData = resolve(data.data, offsetof(usbdevfs_urb, buffer), gsize(urb.length));
        if (!urb.bufferData) {
            umockdev_ioctl_client_complete(client, -1, EFAULT);
            return;
        }
    }
    urb.urbData = data.release(); // kept until reaped
    m_urbs.append(urb);
    Urb &queued = m_urbs.last();
    if (type == USBDEVFS_URB_TYPE_CONTROL || type == USBDEVFS_URB_TYPE_ISO) {
        finish(queued, -EPIPE, QByteArray(), 0); // the emulator answers no control requests
    } else if (!(urb.endpoint & 0x80)) {
        if (m_stalled.contains(urb.endpoint)) {
            finish(queued, -EPIPE, QByteArray(), 0);
        } else {
            const QByteArray bytes =
                urb.bufferData ? QByteArray(reinterpret_cast<const char *>(urb.bufferData->data), urb.length)
                               : QByteArray();
            m_model->bulkOut(urb.endpoint, bytes);
            finish(queued, 0, QByteArray(), urb.length);
        }
    }
    umockdev_ioctl_client_complete(client, 0, 0);
}

void UsbfsHandler::discard(UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
    gulong address = 0;
    if (arg->data_len >= int(sizeof(gulong)))
        memcpy(&address, arg->data, sizeof address);
    for (Urb &urb : m_urbs) {
        if (urb.client == client && urb.clientAddress == address && !urb.done) {
            finish(urb, -ENOENT, QByteArray(), 0);
            umockdev_ioctl_client_complete(client, 0, 0);
            return;
        }
    }
    umockdev_ioctl_client_complete(client, -1, EINVAL); // already completed: the host reaps it normally
}

bool UsbfsHandler::reap(UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
    poll();
    for (int i = 0; i < m_urbs.size(); ++i) {
        if (m_urbs[i].client != client || !m_urbs[i].done)
            continue;
        DataRef slot(resolve(arg, 0, sizeof(void *)));
        if (!slot.data) {
            umockdev_ioctl_client_complete(client, -1, EFAULT);
            return true;
        }
        Urb urb = m_urbs.takeAt(i);
        umockdev_ioctl_data_set_ptr(slot.data, 0, urb.urbData); // the slot now holds the URB until flushed
        release(urb);
        umockdev_ioctl_client_complete(client, 0, 0);
        return true;
    }
    umockdev_ioctl_client_complete(client, -1, m_gone ? ENODEV : EAGAIN);
    return false;
}

// Completes pending IN URBs the model has data for (oldest first, one per endpoint at a time).
void UsbfsHandler::poll()
{
    QSet<quint8> waiting;
    for (Urb &urb : m_urbs) {
        if (urb.done || !(urb.endpoint & 0x80) || waiting.contains(urb.endpoint))
            continue;
        if (m_stalled.contains(urb.endpoint)) {
            finish(urb, -EPIPE, QByteArray(), 0);
            continue;
        }
        const QByteArray bytes = m_model->bulkIn(urb.endpoint, urb.length);
        if (bytes.isEmpty()) {
            waiting.insert(urb.endpoint);
            continue;
        }
        finish(urb, 0, bytes.left(urb.length), int(qMin<qsizetype>(bytes.size(), urb.length)));
    }
}

void UsbfsHandler::finish(Urb &urb, int status, const QByteArray &inData, int actualLength)
{
    urb.done = true;
    if (!inData.isEmpty() && urb.bufferData)
        umockdev_ioctl_data_update(urb.bufferData, 0,
                                   reinterpret_cast<guint8 *>(const_cast<char *>(inData.constData())),
                                   int(inData.size()));
    gint fields[2] = {status, actualLength};
    umockdev_ioctl_data_update(urb.urbData, offsetof(usbdevfs_urb, status),
                               reinterpret_cast<guint8 *>(&fields[0]), sizeof(gint));
    umockdev_ioctl_data_update(urb.urbData, offsetof(usbdevfs_urb, actual_length),
                               reinterpret_cast<guint8 *>(&fields[1]), sizeof(gint));
}

void UsbfsHandler::unplug()
{
    m_gone = true;
    m_claimed.clear();
    for (Urb &urb : m_urbs) {
        if (!urb.done)
            finish(urb, -ENODEV, QByteArray(), 0);
    }
}

void UsbfsHandler::setStalled(quint8 endpoint, bool stalled)
{
    if (stalled)
        m_stalled.insert(endpoint);
    else
        m_stalled.remove(endpoint);
}

void UsbfsHandler::release(Urb &urb)
{
    if (urb.bufferData)
        umockdev_ioctl_data_unref(urb.bufferData);
    if (urb.urbData)
        umockdev_ioctl_data_unref(urb.urbData);
    urb.bufferData = nullptr;
    urb.urbData = nullptr;
}
