#include "TraceScan.h"

#include <QAbstractItemModel>
#include <QMetaProperty>
#include <QSet>
#include <QUrl>
#include <QVariant>

namespace {
class Scan
{
public:
    explicit Scan(const QStringList &canaries) : m_canaries(canaries) {}

    void object(const QString &where, QObject *object, int depth)
    {
        if (!object || m_seen.contains(object) || depth > 3)
            return;
        m_seen.insert(object);
        const QMetaObject *meta = object->metaObject();
        for (int i = 0; i < meta->propertyCount(); ++i) {
            const QMetaProperty property = meta->property(i);
            if (!property.isReadable() || qstrcmp(property.name(), "objectName") == 0)
                continue;
            value(where + QLatin1Char('.') + QString::fromLatin1(property.name()), property.read(object),
                  depth);
        }
        if (auto *model = qobject_cast<QAbstractItemModel *>(object))
            rows(where, model, QModelIndex(), depth);
    }

    QStringList hits() const { return m_hits; }

private:
    void rows(const QString &where, QAbstractItemModel *model, const QModelIndex &parent, int depth)
    {
        const auto roles = model->roleNames();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            for (int column = 0; column < model->columnCount(parent); ++column) {
                const QModelIndex index = model->index(row, column, parent);
                for (auto it = roles.cbegin(); it != roles.cend(); ++it)
                    value(QStringLiteral("%1[%2,%3].%4")
                              .arg(where)
                              .arg(row)
                              .arg(column)
                              .arg(QString::fromLatin1(it.value())),
                          model->data(index, it.key()), depth);
                if (column == 0 && model->hasChildren(index))
                    rows(where + QStringLiteral("[%1]").arg(row), model, index, depth);
            }
        }
    }

    void text(const QString &where, const QString &text)
    {
        for (const QString &canary : m_canaries) {
            if (!canary.isEmpty() && text.contains(canary))
                m_hits << where + QStringLiteral(": ") + canary;
        }
    }

    void value(const QString &where, const QVariant &v, int depth)
    {
        switch (v.typeId()) {
        case QMetaType::QString:
            return text(where, v.toString());
        case QMetaType::QUrl:
            return text(where, v.toUrl().toString());
        case QMetaType::QByteArray:
            return text(where, QString::fromUtf8(v.toByteArray()));
        case QMetaType::QStringList: {
            const QStringList list = v.toStringList();
            for (int i = 0; i < list.size(); ++i)
                text(QStringLiteral("%1[%2]").arg(where).arg(i), list.at(i));
            return;
        }
        case QMetaType::QVariantList: {
            const QVariantList list = v.toList();
            for (int i = 0; i < list.size(); ++i)
                value(QStringLiteral("%1[%2]").arg(where).arg(i), list.at(i), depth);
            return;
        }
        case QMetaType::QVariantMap: {
            const QVariantMap map = v.toMap();
            for (auto it = map.cbegin(); it != map.cend(); ++it)
                value(where + QLatin1Char('.') + it.key(), it.value(), depth);
            return;
        }
        case QMetaType::QVariantHash: {
            const QVariantHash hash = v.toHash();
            for (auto it = hash.cbegin(); it != hash.cend(); ++it)
                value(where + QLatin1Char('.') + it.key(), it.value(), depth);
            return;
        }
        default:
            break;
        }
        if (v.metaType().flags().testFlag(QMetaType::PointerToQObject))
            return object(where, v.value<QObject *>(), depth + 1);
        if (v.canConvert<QString>())
            text(where, v.toString());
    }

    const QStringList m_canaries;
    QSet<QObject *> m_seen;
    QStringList m_hits;
};
} // namespace

QStringList TraceScan::find(const QList<QPair<QString, QObject *>> &roots, const QStringList &canaries)
{
    Scan scan(canaries);
    for (const auto &root : roots)
        scan.object(root.first, root.second, 0);
    return scan.hits();
}
