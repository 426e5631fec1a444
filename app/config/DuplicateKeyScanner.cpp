#include "DuplicateKeyScanner.h"

#include "JsonConfigReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QVector>

namespace {

struct Container
{
    bool isObject = false;
    QString place;
    QSet<QString> keys;
    QString currentKey;
    bool expectingKey = true;
    int index = 0;

    QString childPlace() const
    {
        return isObject ? jsonPointer(place, currentKey) : jsonPointer(place, index);
    }
};

QString decodeString(const QByteArray &quoted)
{
    return QJsonDocument::fromJson('[' + quoted + ']').array().at(0).toString();
}

} // namespace

QStringList duplicateKeyPlaces(const QByteArray &json)
{
    QStringList places;
    QVector<Container> stack;
    qsizetype i = 0;
    while (i < json.size()) {
        const char c = json.at(i);
        if (c == '"') {
            const qsizetype start = i++;
            while (i < json.size() && json.at(i) != '"')
                i += json.at(i) == '\\' ? 2 : 1;
            ++i; // closing quote
            if (!stack.isEmpty() && stack.last().isObject && stack.last().expectingKey) {
                Container &top = stack.last();
                const QString key = decodeString(json.mid(start, i - start));
                if (top.keys.contains(key))
                    places << jsonPointer(top.place, key);
                top.keys.insert(key);
                top.currentKey = key;
                top.expectingKey = false;
            }
            continue;
        }
        if (c == '{' || c == '[') {
            Container next;
            next.isObject = c == '{';
            next.place = stack.isEmpty() ? QStringLiteral("/") : stack.last().childPlace();
            stack.append(next);
        } else if ((c == '}' || c == ']') && !stack.isEmpty()) {
            stack.removeLast();
        } else if (c == ',' && !stack.isEmpty()) {
            if (stack.last().isObject)
                stack.last().expectingKey = true;
            else
                ++stack.last().index;
        }
        ++i;
    }
    return places;
}
