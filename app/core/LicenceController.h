#pragma once

#include "Licence.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class LicenceClient;

// The e-licences (电子证照) of the materials screen's Licences step: fetched from the platform for the
// identified resident and the service's accepted types (LicenceClient), shown as a checklist in which only
// valid licences can be picked (expired and revoked ones are shown, not selectable). When the platform
// cannot be reached or answers garbage the resident is told to bring or photograph paper instead; nothing
// blocks. reset() (the session's end) forgets the licences and the choice. In QML: the singleton Licences.
// Thread: GUI.
class LicenceController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LicenceController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // One map per licence: licenceId, name (in the session's language), issuer, numberMasked, validUntil
    // ("2030-01-01" or ""), status (Licence::statusCode), statusText (for the resident), selectable, selected.
    Q_PROPERTY(QVariantList licences READ licenceList NOTIFY licencesChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    // What the resident is told when there is nothing to pick ("" otherwise).
    Q_PROPERTY(QString notice READ notice NOTIFY stateChanged)

public:
    enum class State {
        Idle,       // nothing asked (no resident, or a service without e-licences)
        Loading,    // asked the platform
        Ready,      // the platform answered (the list may be empty)
        Unavailable // offline, refused or garbage: the resident brings or photographs paper
    };
    Q_ENUM(State)

    explicit LicenceController(LicenceClient *client, QObject *parent = nullptr);
    explicit LicenceController(QObject *parent = nullptr); // inert (QML without e-licences)
    ~LicenceController() override;

    State state() const { return m_state; }
    QVariantList licenceList() const;
    QList<Licence> licences() const { return m_licences; }
    int selectedCount() const { return int(m_selected.size()); }
    QString notice() const;
    // The session's language for the licences' names ("zh_CN" | "en").
    void setLanguage(const QString &language);

    // Asks the platform (an earlier answer and choice are dropped). Personal: idNumber is kept only for
    // the request.
    void fetch(const QString &idType, const QString &idNumber, const QStringList &types);
    // The licences of exactly these types are held (or being fetched): no need to ask again.
    bool holdsFor(const QStringList &types) const;
    // Picks or unpicks a licence; false for an unknown or not selectable one.
    Q_INVOKABLE bool toggle(const QString &licenceId);
    QStringList selectedIds() const { return m_selected; }
    // The session's end: licences, the choice and any request in flight are forgotten.
    void reset();

signals:
    void stateChanged();
    void licencesChanged();
    void selectionChanged();

private:
    void setState(State state);
    static QString statusText(const Licence &licence);

    QPointer<LicenceClient> m_client;
    State m_state = State::Idle;
    QList<Licence> m_licences;
    QStringList m_selected; // in the order picked
    QStringList m_types;
    QString m_language = QStringLiteral("zh_CN");
};
