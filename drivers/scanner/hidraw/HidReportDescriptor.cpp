#include "HidReportDescriptor.h"

namespace HidDescriptor {

namespace {
enum ItemType { Main = 0, Global = 1, Local = 2, Reserved = 3 };
enum MainTag { Input = 0x8, Output = 0x9, Feature = 0xB, CollectionTag = 0xA, EndCollection = 0xC };
enum GlobalTag { UsagePage = 0x0, Push = 0xA, Pop = 0xB };
enum LocalTag { Usage = 0x0 };
constexpr int kMaxPushDepth = 32;
constexpr int kMaxCollectionDepth = 64;
} // namespace

ParseResult parse(const QByteArray &descriptor)
{
    ParseResult result;
    const auto *bytes = reinterpret_cast<const quint8 *>(descriptor.constData());
    const int size = int(descriptor.size());

    quint16 usagePage = 0;
    QList<quint16> pushedPages;
    struct LocalUsage
    {
        quint32 value;
        bool extended; // 4-byte usage: its page is in the upper 16 bits
    };
    QList<LocalUsage> usages; // local state: usages since the last main item
    int depth = 0;

    int at = 0;
    while (at < size) {
        const quint8 prefix = bytes[at];
        if (prefix == 0xFE) { // long item: 0xFE, data size, tag, data
            if (at + 2 >= size) {
                result.error = QStringLiteral("long item at offset %1 runs past the end").arg(at);
                return result;
            }
            const int dataSize = bytes[at + 1];
            if (at + 3 + dataSize > size) {
                result.error =
                    QStringLiteral("long item at offset %1 runs past the end (needs %2 bytes, %3 left)")
                        .arg(at)
                        .arg(3 + dataSize)
                        .arg(size - at);
                return result;
            }
            at += 3 + dataSize; // no long items are defined; skip
            continue;
        }
        const int dataSize = (prefix & 0x3) == 3 ? 4 : (prefix & 0x3);
        const int type = (prefix >> 2) & 0x3;
        const int tag = prefix >> 4;
        if (at + 1 + dataSize > size) {
            result.error =
                QStringLiteral("item 0x%1 at offset %2 runs past the end (needs %3 bytes, %4 left)")
                    .arg(prefix, 2, 16, QLatin1Char('0'))
                    .arg(at)
                    .arg(1 + dataSize)
                    .arg(size - at);
            return result;
        }
        quint32 value = 0;
        for (int i = 0; i < dataSize; ++i)
            value |= quint32(bytes[at + 1 + i]) << (8 * i);

        switch (type) {
        case Main:
            if (tag == CollectionTag) {
                if (depth >= kMaxCollectionDepth) {
                    result.error = QStringLiteral("collections nested deeper than %1 at offset %2")
                                       .arg(kMaxCollectionDepth)
                                       .arg(at);
                    return result;
                }
                Collection c;
                c.type = int(value & 0xFF);
                c.depth = depth;
                if (!usages.isEmpty()) {
                    // A short usage takes the usage page in effect at the main item (as Linux does).
                    const LocalUsage u = usages.first();
                    c.usagePage = u.extended ? quint16(u.value >> 16) : usagePage;
                    c.usage = quint16(u.value & 0xFFFF);
                } else {
                    c.usagePage = usagePage;
                }
                result.collections.append(c);
                ++depth;
            } else if (tag == EndCollection) {
                if (depth == 0) {
                    result.error = QStringLiteral("End Collection without a collection at offset %1").arg(at);
                    return result;
                }
                --depth;
            }
            usages.clear(); // every main item ends the local state
            break;
        case Global:
            if (tag == UsagePage) {
                usagePage = quint16(value);
            } else if (tag == Push) {
                if (pushedPages.size() >= kMaxPushDepth) {
                    result.error =
                        QStringLiteral("Push nested deeper than %1 at offset %2").arg(kMaxPushDepth).arg(at);
                    return result;
                }
                pushedPages.append(usagePage);
            } else if (tag == Pop) {
                if (pushedPages.isEmpty()) {
                    result.error = QStringLiteral("Pop without Push at offset %1").arg(at);
                    return result;
                }
                usagePage = pushedPages.takeLast();
            }
            break;
        case Local:
            if (tag == Usage) {
                usages.append(LocalUsage{dataSize == 4 ? value : (value & 0xFFFF), dataSize == 4});
            }
            break;
        default:
            break; // reserved item type: skip
        }
        at += 1 + dataSize;
    }
    if (depth != 0)
        result.error = QStringLiteral("descriptor ends inside %1 open collection(s)").arg(depth);
    return result;
}

bool isHidPosScanner(const QByteArray &descriptor)
{
    const ParseResult parsed = parse(descriptor);
    if (!parsed.ok())
        return false;
    for (const Collection &c : parsed.collections) {
        if (c.type == 0x01 && c.usagePage == kBarCodeScannerPage && c.usage == kBarCodeScannerUsage)
            return true;
    }
    return false;
}

} // namespace HidDescriptor
