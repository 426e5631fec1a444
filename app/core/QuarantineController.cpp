#include "QuarantineController.h"

#include "CaseStore.h"
#include "KeyProvider.h"
#include "StoreRecovery.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcQuarantine, "onestop.technician.quarantine")

QuarantineController::QuarantineController(QString dataDir, KeyProvider *keys, CaseStore *live,
                                           std::function<void()> recovered, QObject *parent)
    : QObject(parent), m_dataDir(std::move(dataDir)), m_keys(keys), m_live(live),
      m_recovered(std::move(recovered))
{
}

void QuarantineController::refresh()
{
    QVariantList stores;
    if (m_keys && !m_dataDir.isEmpty()) {
        for (const QuarantinedStoreInfo &info : inspectQuarantinedStores(m_dataDir, *m_keys, m_live)) {
            stores.append(QVariantMap{
                {QStringLiteral("file"), info.file},
                {QStringLiteral("name"), QFileInfo(info.file).fileName()},
                {QStringLiteral("quarantinedAt"),
                 info.quarantinedAt.isValid()
                     ? info.quarantinedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                     : QString()},
                {QStringLiteral("reason"), info.reason},
                {QStringLiteral("readable"), info.readable},
                {QStringLiteral("problem"), info.problem},
                {QStringLiteral("unsyncedCases"), info.unsyncedCases},
                {QStringLiteral("notRecovered"), info.notRecovered},
            });
        }
    }
    m_stores = stores;
    emit changed();
}

int QuarantineController::recover(const QString &file)
{
    bool listed = false;
    for (const QVariant &store : std::as_const(m_stores))
        listed = listed || store.toMap().value(QStringLiteral("file")).toString() == file;
    int added = -1;
    if (!listed || !m_keys || !m_live) {
        m_message = tr("This store is not in the list. Refresh and try again.");
    } else {
        QString error;
        added = recoverQuarantinedStore(file, *m_keys, *m_live, &error);
        if (added < 0) {
            qCWarning(lcQuarantine).noquote() << "recovery failed:" << error;
            m_message = tr("The cases could not be brought into the outbox: %1").arg(error);
        } else if (added == 0) {
            m_message = tr("Nothing new: the cases of this store are already in the outbox.");
        } else {
            qCInfo(lcQuarantine).noquote() << "recovered" << added << "case(s) from" << file;
            m_message =
                tr("%n case(s) brought into the outbox. They will be sent to the platform.", "", added);
        }
    }
    refresh();
    if (added > 0 && m_recovered)
        m_recovered();
    return added;
}
