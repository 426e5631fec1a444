#include "QuarantineController.h"

#include "CaseStore.h"
#include "KeyProvider.h"
#include "StoreExecutor.h"
#include "StoreRecovery.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcQuarantine, "onestop.technician.quarantine")

namespace {

QVariantList describe(const QVector<QuarantinedStoreInfo> &infos)
{
    QVariantList stores;
    for (const QuarantinedStoreInfo &info : infos) {
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
    return stores;
}

} // namespace

QuarantineController::QuarantineController(QString dataDir, KeyProvider *keys, StoreExecutor *live,
                                           std::function<void()> recovered, QObject *parent)
    : QObject(parent), m_dataDir(std::move(dataDir)), m_keys(keys), m_live(live),
      m_recovered(std::move(recovered))
{
}

void QuarantineController::refresh()
{
    reload({});
}

void QuarantineController::reload(std::function<void()> then)
{
    if (!m_keys || !m_live || m_dataDir.isEmpty()) {
        m_stores.clear();
        emit changed();
        if (then)
            then();
        return;
    }
    const QString dataDir = m_dataDir;
    KeyProvider *keys = m_keys; // outlives the store's thread (main.cpp)
    m_live->post(
        this,
        [dataDir, keys](CaseStore &live) {
            return describe(inspectQuarantinedStores(dataDir, *keys, &live));
        },
        [this, then](const QVariantList &stores) {
            m_stores = stores;
            emit changed();
            if (then)
                then();
        });
}

void QuarantineController::recover(const QString &file)
{
    bool listed = false;
    for (const QVariant &store : std::as_const(m_stores))
        listed = listed || store.toMap().value(QStringLiteral("file")).toString() == file;
    if (!listed || !m_keys || !m_live) {
        m_message = tr("This store is not in the list. Refresh and try again.");
        reload([this] { emit recoveryFinished(-1); });
        return;
    }
    struct Outcome
    {
        int added = -1;
        QString error;
    };
    KeyProvider *keys = m_keys;
    m_live->post(
        this,
        [file, keys](CaseStore &live) {
            Outcome outcome;
            outcome.added = recoverQuarantinedStore(file, *keys, live, &outcome.error);
            return outcome;
        },
        [this, file](const Outcome &outcome) { finishRecovery(outcome.added, outcome.error, file); });
}

void QuarantineController::finishRecovery(int added, const QString &error, const QString &file)
{
    if (added < 0) {
        qCWarning(lcQuarantine).noquote() << "recovery failed:" << error;
        m_message = tr("The cases could not be brought into the outbox: %1").arg(error);
    } else if (added == 0) {
        m_message = tr("Nothing new: the cases of this store are already in the outbox.");
    } else {
        qCInfo(lcQuarantine).noquote() << "recovered" << added << "case(s) from" << file;
        m_message = tr("%n case(s) brought into the outbox. They will be sent to the platform.", "", added);
    }
    if (added > 0 && m_recovered)
        m_recovered();
    reload([this, added] { emit recoveryFinished(added); });
}
