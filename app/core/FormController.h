#pragma once

#include "Catalog.h"
#include "IdCardData.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// The form of the chosen service: fields from the catalog, prefilled from the ID card, validated as the
// resident types. Fields prefilled from the card are locked and shown masked when personal; the review
// screen (reviewRows) is the one place that shows every value in full. Thread: GUI.
class FormController : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("FormController is made by the application")
    Q_PROPERTY(bool valid READ isValid NOTIFY validityChanged)
    Q_PROPERTY(int fieldCount READ rowCount NOTIFY fieldsChanged)

public:
    enum Role {
        FieldIdRole = Qt::UserRole + 1, LabelRole, TypeRole, RequiredRole, ValueRole, DisplayValueRole,
        LockedRole, ErrorRole, ChoicesRole
    };

    explicit FormController(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Sets up the form of `service` prefilled from `card` (an empty card prefills nothing).
    void load(const ServiceSpec &service, const IdCardData &card, const QString &language);
    void setLanguage(const QString &language); // re-labels and re-validates
    void clear();                              // wipes every value (session end)

    Q_INVOKABLE void setValue(const QString &fieldId, const QString &value);
    Q_INVOKABLE QString value(const QString &fieldId) const;
    Q_INVOKABLE QString error(const QString &fieldId) const;
    // Marks every field as touched so that missing required values show their message; returns validity.
    Q_INVOKABLE bool validateAll();
    // [{label, value}] in full (unmasked) for the review screen; choice values as their labels.
    Q_INVOKABLE QVariantList reviewRows() const;

    bool isValid() const;
    // The ids of the fields whose value does not pass (for the log: ids only, never values).
    QStringList invalidFieldIds() const;
    QJsonObject values() const; // normalized values keyed by field id
    QString serviceId() const { return m_serviceId; }

signals:
    void validityChanged();
    void fieldsChanged();

private:
    struct Field
    {
        FormFieldSpec spec;
        QString value;
        QString error;
        bool locked = false;
        bool touched = false;
    };
    int indexOf(const QString &fieldId) const;
    void revalidate(Field &field);
    QString problemOf(const Field &field) const; // "" for a locked field (checked at its source)
    QString displayValue(const Field &field) const;
    QString choiceLabel(const Field &field) const;

    QVector<Field> m_fields;
    QString m_serviceId;
    QString m_language = QStringLiteral("zh_CN");
    bool m_lastValid = false;
};
