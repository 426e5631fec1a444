// QtLogPrivacy: with every debug rule switched on (as a technician's QT_LOGGING_RULES='*.debug=true'
// would), Qt's own categories, which log on-screen text, stay silent below warnings; the kiosk's follow the
// rules. (tst_canary_system found residents' names in qt.accessibility.cache's debug output.)
#include "QtLogPrivacy.h"
#include "StrictWarnings.h"

#include <QLoggingCategory>
#include <QTest>

Q_LOGGING_CATEGORY(lcQtCache, "qt.accessibility.cache")
Q_LOGGING_CATEGORY(lcQml, "qml")
Q_LOGGING_CATEGORY(lcKiosk, "onestop.test")

namespace {
QStringList g_messages;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages << message;
}
} // namespace

class TestQtLogPrivacy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\n*.info=true"));
        QVERIFY(lcQtCache().isDebugEnabled()); // the rules alone would let it talk
        QtLogPrivacy::install();
    }

    void qtCategoriesStaySilentBelowWarnings()
    {
        QVERIFY(!lcQtCache().isDebugEnabled());
        QVERIFY(!lcQtCache().isInfoEnabled());
        QVERIFY(lcQtCache().isWarningEnabled());
        QVERIFY(!lcQml().isDebugEnabled());
        QVERIFY(lcKiosk().isDebugEnabled());
        QVERIFY(lcKiosk().isInfoEnabled());
        // A category made after the guard is guarded too, and rules set later do not lift it.
        QLoggingCategory late("qt.quick.image");
        QVERIFY(!late.isDebugEnabled());
        QLoggingCategory::setFilterRules(QStringLiteral("qt.*.debug=true"));
        QVERIFY(!late.isDebugEnabled());
        QVERIFY(!lcQtCache().isDebugEnabled());
    }

    void nothingIsWritten()
    {
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        qCDebug(lcQtCache) << "name=" << QStringLiteral("张三");
        qCInfo(lcQtCache) << "typed 13987654321";
        qCDebug(lcKiosk) << "kiosk debug";
        qInstallMessageHandler(previous);
        QCOMPARE(g_messages, QStringList{QStringLiteral("kiosk debug")});
    }

    void guardedNames()
    {
        QVERIFY(QtLogPrivacy::isGuarded("qt.accessibility.cache"));
        QVERIFY(QtLogPrivacy::isGuarded("qt.virtualkeyboard"));
        QVERIFY(QtLogPrivacy::isGuarded("js"));
        QVERIFY(!QtLogPrivacy::isGuarded("onestop.session"));
        QVERIFY(!QtLogPrivacy::isGuarded("default"));
        QVERIFY(!QtLogPrivacy::isGuarded("qtx"));
    }
};

QTEST_GUILESS_MAIN(TestQtLogPrivacy)
#include "tst_qt_log_privacy.moc"
