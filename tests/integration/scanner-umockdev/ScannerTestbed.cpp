#include "ScannerTestbed.h"

#include <umockdev.h>

#include <QByteArray>
#include <QMutex>

#include <linux/input.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

struct ScannerTestbed::Private
{
    UMockdevTestbed *testbed = nullptr;
    UMockdevIoctlBase *evdevHandler = nullptr;
    QString evdevNode;
    mutable QMutex mutex;
    QList<long> grabs;
    int grabErrno = 0;
};

namespace {
bool fail(GError *gerror, QString *error)
{
    if (error)
        *error = gerror ? QString::fromUtf8(gerror->message) : QStringLiteral("unknown umockdev error");
    if (gerror)
        g_error_free(gerror);
    return false;
}

// umockdev's ioctl thread.
gboolean onEvdevIoctl(UMockdevIoctlBase *, UMockdevIoctlClient *client, gpointer data)
{
    auto *d = static_cast<ScannerTestbed::Private *>(data);
    const gulong request = umockdev_ioctl_client_get_request(client);
    if (request == EVIOCGRAB) {
        // EVIOCGRAB passes its value in the argument itself, not through a pointer.
        UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
        long value = -1;
        if (arg && arg->data && arg->data_len >= int(sizeof(gulong)))
            value = long(*reinterpret_cast<const gulong *>(arg->data));
        {
            QMutexLocker lock(&d->mutex);
            d->grabs.append(value);
        }
        if (d->grabErrno != 0 && value != 0)
            umockdev_ioctl_client_complete(client, -1, d->grabErrno);
        else
            umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    }
    umockdev_ioctl_client_complete(client, -1, ENOTTY);
    return TRUE;
}
} // namespace

ScannerTestbed::ScannerTestbed() : d(std::make_unique<Private>())
{
    d->testbed = umockdev_testbed_new();
}

ScannerTestbed::~ScannerTestbed()
{
    if (d->evdevHandler) {
        umockdev_testbed_detach_ioctl(d->testbed, d->evdevNode.toUtf8().constData(), nullptr);
        g_object_unref(d->evdevHandler);
    }
    g_object_unref(d->testbed);
}

QString ScannerTestbed::notMockedReason()
{
    if (qgetenv("LD_PRELOAD").contains("libumockdev-preload"))
        return QString();
    return QStringLiteral("not running under umockdev (start the test with umockdev-wrapper)");
}

QString ScannerTestbed::fixture(const QString &name)
{
    return QString::fromLocal8Bit(qgetenv("ONESTOP_SOURCE_DIR")) +
           QStringLiteral("/tests/fixtures/scanner/") + name;
}

bool ScannerTestbed::addDevices(const QString &umockdevFile, QString *error)
{
    GError *gerror = nullptr;
    if (!umockdev_testbed_add_from_file(d->testbed, umockdevFile.toUtf8().constData(), &gerror))
        return fail(gerror, error);
    return true;
}

bool ScannerTestbed::loadScript(const QString &devNode, const QString &scriptFile, QString *error)
{
    GError *gerror = nullptr;
    if (!umockdev_testbed_load_script(d->testbed, devNode.toUtf8().constData(),
                                      scriptFile.toUtf8().constData(), &gerror))
        return fail(gerror, error);
    return true;
}

bool ScannerTestbed::loadEvents(const QString &devNode, const QString &eventsFile, QString *error)
{
    GError *gerror = nullptr;
    if (!umockdev_testbed_load_evemu_events(d->testbed, devNode.toUtf8().constData(),
                                            eventsFile.toUtf8().constData(), &gerror))
        return fail(gerror, error);
    return true;
}

bool ScannerTestbed::attachEvdevIoctls(const QString &devNode, QString *error, int grabErrno)
{
    d->grabErrno = grabErrno;
    d->evdevHandler = umockdev_ioctl_base_new();
    d->evdevNode = devNode;
    g_signal_connect(d->evdevHandler, "handle-ioctl", G_CALLBACK(onEvdevIoctl), d.get());
    GError *gerror = nullptr;
    if (!umockdev_testbed_attach_ioctl(d->testbed, devNode.toUtf8().constData(), d->evdevHandler, &gerror))
        return fail(gerror, error);
    return true;
}

QList<long> ScannerTestbed::grabCalls() const
{
    QMutexLocker lock(&d->mutex);
    return d->grabs;
}

void ScannerTestbed::removeDevice(const QString &sysPath)
{
    const QByteArray path = sysPath.toUtf8();
    umockdev_testbed_uevent(d->testbed, path.constData(), "remove");
    umockdev_testbed_remove_device(d->testbed, path.constData());
}

bool ScannerTestbed::hangUp(const QString &devNode)
{
    const int fd = umockdev_testbed_get_dev_fd(d->testbed, devNode.toUtf8().constData());
    if (fd < 0)
        return false;
    if (::shutdown(fd, SHUT_RDWR) == 0)
        return true;
    // A pty master: replace it with /dev/null under the same number. The original master is closed (the
    // driver's side sees a hang-up) and the number the testbed closes at the end stays valid.
    const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null < 0)
        return false;
    const bool ok = ::dup2(null, fd) == fd;
    ::close(null);
    return ok;
}
