#pragma once

#include <QObject>
#include <QString>

// The part every device shares: a name, a state (ready / busy / unavailable) with a reason a human can
// read, and errors that say which operation failed and why.
// Thread: a Device lives on the GUI thread; drivers that do blocking I/O do it on their own worker and
// report back with queued signals.
class Device : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString kind READ kind CONSTANT)
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(Status status READ status NOTIFY stateChanged)
    Q_PROPERTY(QString reason READ reason NOTIFY stateChanged)
    Q_PROPERTY(bool simulated READ isSimulated CONSTANT)

public:
    enum class Status { Ready, Busy, Unavailable };
    Q_ENUM(Status)

    // kind: "idcard", "receipt_printer", "scanner", "camera", "document_printer"; name: the configured
    // device name.
    Device(const QString &kind, const QString &name, QObject *parent = nullptr);

    QString kind() const { return m_kind; }
    QString name() const { return m_name; }
    Status status() const { return m_status; }
    QString reason() const { return m_reason; }
    bool isReady() const { return m_status == Status::Ready; }
    virtual bool isSimulated() const = 0;

    // Starts talking to the device (open, first status). Never blocks the caller.
    virtual void start() = 0;
    // Stops all I/O and cancels what is pending; cleanup always runs.
    virtual void stop() = 0;

    static QString statusName(Status status);

signals:
    void stateChanged();
    // operation: what was being done ("print receipt", "read card"); detail: what failed.
    void errorOccurred(const QString &operation, const QString &detail);

protected:
    void setState(Status status, const QString &reason = QString());
    void reportError(const QString &operation, const QString &detail);

private:
    QString m_kind;
    QString m_name;
    Status m_status = Status::Unavailable;
    QString m_reason = QStringLiteral("not started");
};
