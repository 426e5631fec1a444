#pragma once

#include "IdCardData.h"
#include "SiteConfig.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class Clock;

// The identify step for a resident without a readable card (a passport, another travel document, a
// damaged ID card): the resident types the document type, number and full name on the identify screen,
// then a staff member at the kiosk checks them against the document and confirms with the staff PIN
// (site.json "staff", a salted PBKDF2 digest like the technician's; until staff login exists).
//   Closed -> Details (open) -> StaffPin (askStaff, when the details pass their checks) -> confirmed
// Wrong PINs are counted; after staff.max_attempts in a row the PIN is locked for staff.lockout_seconds.
// The count and the lock belong to the kiosk, not to the session: cancelling does not lift them.
// Everything typed is wiped by cancel(), clear() (the session's end: finished, timeout, cancelled) and
// after a confirmation. The log never names the number nor the name. Thread: GUI.
class NoCardIdentityController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("NoCardIdentityController is made by the application")
    Q_PROPERTY(Step step READ step NOTIFY changed)
    Q_PROPERTY(bool available READ isAvailable CONSTANT)
    Q_PROPERTY(QString documentType READ documentType NOTIFY
                   changed) // "passport" | "travel_document" | "resident_id"
    Q_PROPERTY(QString number READ number NOTIFY changed)
    Q_PROPERTY(QString fullName READ fullName NOTIFY changed)
    Q_PROPERTY(QString typeError READ typeError NOTIFY changed)
    Q_PROPERTY(QString numberError READ numberError NOTIFY changed)
    Q_PROPERTY(QString nameError READ nameError NOTIFY changed)
    Q_PROPERTY(bool locked READ isLocked NOTIFY changed)
    Q_PROPERTY(int attemptsLeft READ attemptsLeft NOTIFY changed)
    Q_PROPERTY(int lockSecondsLeft READ lockSecondsLeft NOTIFY changed)
    Q_PROPERTY(QString pinMessage READ pinMessage NOTIFY changed)

public:
    enum class Step { Closed, Details, StaffPin };
    Q_ENUM(Step)

    NoCardIdentityController(const StaffSettings &settings, const Clock &clock, QObject *parent = nullptr);

    Step step() const { return m_step; }
    bool isAvailable() const { return m_settings.pin.isSet(); }
    QString documentType() const { return m_documentType; }
    QString number() const { return m_number; }
    QString fullName() const { return m_fullName; }
    QString typeError() const { return m_typeError; }
    QString numberError() const { return m_numberError; }
    QString nameError() const { return m_nameError; }
    bool isLocked() const;
    int attemptsLeft() const { return m_settings.maxAttempts - m_failures; }
    int lockSecondsLeft() const;
    QString pinMessage() const { return m_pinMessage; }

    // The resident's words for what is wrong with a number of this document type ("" = fine), and the
    // number as it is kept (trimmed, spaces removed, upper case). Pure; used by the checks above.
    static QString numberProblem(const QString &documentType, const QString &number);
    static QString nameProblem(const QString &name);
    static QString normalizedNumber(const QString &number);

    Q_INVOKABLE void open(); // identify screen: "No ID card / card cannot be read"
    Q_INVOKABLE void setDocumentType(const QString &type);
    Q_INVOKABLE void setNumber(const QString &number);
    Q_INVOKABLE void setFullName(const QString &name);
    Q_INVOKABLE void askStaff();                    // Details -> StaffPin when every field passes
    Q_INVOKABLE void submitPin(const QString &pin); // StaffPin: confirmed, or a wrong try counted
    Q_INVOKABLE void backToDetails();               // StaffPin -> Details, the details kept
    Q_INVOKABLE void cancel();                      // -> Closed, everything typed wiped
    void clear();                                   // the session ended: as cancel()

public slots:
    void tick(); // once a second while locked: the countdown and the lock's end

signals:
    void changed();
    // The staff confirmed: who the resident is (name, number, and for a hand-typed ID number its card
    // type) and by which document ("passport" | "travel_document" | "resident_id").
    void confirmed(const IdCardData &resident, const QString &documentType);

private:
    void wipeTyped();
    void expireLock(); // a lock whose time is over: lifted, the count starts again
    bool validate();

    StaffSettings m_settings;
    const Clock &m_clock;
    Step m_step = Step::Closed;
    QString m_documentType;
    QString m_number;
    QString m_fullName;
    QString m_typeError;
    QString m_numberError;
    QString m_nameError;
    QString m_pinMessage;
    int m_failures = 0;
    qint64 m_lockedUntilMs = 0;
    QTimer m_ticker;
};
