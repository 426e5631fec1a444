#include "StoreIdentity.h"

#include "Database.h"
#include "QuarantinedCopy.h"
#include "StoreLog.h"

#include <QMap>
#include <QRandomGenerator>
#include <QSet>

#include <cstring>

static const char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
static constexpr int kEpochLength = 4;

bool isStoreEpoch(const QString &text)
{
    if (text.size() != kEpochLength)
        return false;
    for (const QChar c : text) {
        if (c.unicode() > 127 || c.unicode() == 0 || !std::strchr(kAlphabet, char(c.unicode())))
            return false;
    }
    return true;
}

static QString randomEpoch()
{
    QString epoch;
    for (int i = 0; i < kEpochLength; ++i)
        epoch += QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(32)]);
    return epoch;
}

QString readStoreEpoch(Database &db, QString *error)
{
    std::optional<Statement> select =
        db.prepare("SELECT value FROM store_meta WHERE key = 'store_epoch'", "read store epoch", error);
    if (!select)
        return QString();
    switch (select->step(error)) {
    case Statement::Step::Row:
        return select->text(0);
    case Statement::Step::Done:
        if (error)
            *error = QStringLiteral("%1: read store epoch: the store has none").arg(db.filePath());
        return QString();
    case Statement::Step::Failed:
        break;
    }
    return QString();
}

namespace {
struct QuarantinedNumbers
{
    QSet<QString> epochs;
    QMap<QPair<QString, QString>, qint64> lastSeq; // (center, day) -> highest counter seen
};
} // namespace

static void readQuarantined(const QString &file, QuarantinedNumbers *numbers)
{
    QString error;
    std::unique_ptr<QuarantinedCopy> copy = QuarantinedCopy::make(file, &error);
    std::unique_ptr<Database> db = copy ? copy->openDatabase(&error) : nullptr;
    if (!db) {
        qCInfo(lcStore).noquote() << "case numbers: quarantined store not read:" << error;
        return;
    }
    db->setCheckpointOnClose(false);
    std::optional<Statement> counters = db->prepare("SELECT center_id, day, last_seq FROM case_number_seq",
                                                    "read quarantined counters", &error);
    if (counters) {
        Statement::Step step;
        while ((step = counters->step(&error)) == Statement::Step::Row) {
            const QPair<QString, QString> key(counters->text(0), counters->text(1));
            numbers->lastSeq[key] = std::max(numbers->lastSeq.value(key), counters->integer(2));
        }
        if (step == Statement::Step::Failed)
            qCInfo(lcStore).noquote() << "case numbers: quarantined counters not read:" << error;
    } else {
        qCInfo(lcStore).noquote() << "case numbers: quarantined counters not read:" << error;
    }
    QString epochError;
    const QString epoch = readStoreEpoch(*db, &epochError); // stores before version 4 have none
    if (!epoch.isEmpty())
        numbers->epochs.insert(epoch);
}

bool ensureStoreEpoch(Database &db, const QStringList &quarantined, QString *error)
{
    std::optional<Transaction> transaction = db.begin("give the store its epoch", error);
    if (!transaction)
        return false;
    {
        std::optional<qint64> has = db.queryInteger(
            "SELECT count(*) FROM store_meta WHERE key = 'store_epoch'", "look for the store epoch", error);
        if (!has)
            return false;
        if (*has > 0)
            return true; // the transaction rolls back: nothing was written
    }
    QuarantinedNumbers numbers;
    for (const QString &file : quarantined)
        readQuarantined(file, &numbers);
    QString epoch = randomEpoch();
    while (numbers.epochs.contains(epoch))
        epoch = randomEpoch();
    {
        std::optional<Statement> insert = db.prepare(
            "INSERT INTO store_meta (key, value) VALUES ('store_epoch', ?1)", "store the store epoch", error);
        if (!insert || !insert->bind(1, epoch).run(error))
            return false;
    }
    for (auto it = numbers.lastSeq.cbegin(); it != numbers.lastSeq.cend(); ++it) {
        std::optional<Statement> seed = db.prepare(
            "INSERT INTO case_number_seq (center_id, day, last_seq) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (center_id, day) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
            "continue the counters of quarantined stores", error);
        if (!seed || !seed->bind(1, it.key().first).bind(2, it.key().second).bind(3, it.value()).run(error))
            return false;
    }
    if (!transaction->commit(error))
        return false;
    qCInfo(lcStore).noquote() << "store epoch" << epoch << "chosen;" << numbers.lastSeq.size()
                              << "day counters continued from" << quarantined.size()
                              << "quarantined store(s)";
    return true;
}
