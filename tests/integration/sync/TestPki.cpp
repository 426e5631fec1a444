#include "TestPki.h"

#include <QFile>
#include <QProcess>

bool TestPki::openssl(const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1: %2 %3")
                     .arg(arguments.join(QLatin1Char(' ')), process.errorString(),
                          QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool TestPki::makeCa(const QString &name, const QString &commonName, QString *error)
{
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), keyFile(name), QStringLiteral("-out"), certificateFile(name),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + commonName},
                   error);
}

bool TestPki::issue(const QString &name, const QString &commonName, const QString &ca,
                    const QString &extensions, QString *error)
{
    const QString extFile = file(name + QStringLiteral(".ext"));
    QFile ext(extFile);
    if (!ext.open(QIODevice::WriteOnly) || ext.write(extensions.toUtf8()) < 0) {
        *error = QStringLiteral("%1: %2").arg(extFile, ext.errorString());
        return false;
    }
    ext.close();
    const QString csr = file(name + QStringLiteral(".csr"));
    return openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyFile(name),
                    QStringLiteral("-out"), csr, QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + commonName},
                   error) &&
           openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                    QStringLiteral("-CA"), certificateFile(ca), QStringLiteral("-CAkey"), keyFile(ca),
                    QStringLiteral("-set_serial"), QString::number(quint32(qHash(name)) | 1u),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-out"),
                    certificateFile(name), QStringLiteral("-extfile"), extFile},
                   error);
}

bool TestPki::create(QString *error)
{
    return makeCa(QStringLiteral("ca"), QStringLiteral("OneStop Test Platform CA"), error) &&
           issue(QStringLiteral("server"), QStringLiteral("localhost"), QStringLiteral("ca"),
                 QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"),
                 error);
}

bool TestPki::issueClient(const QString &kioskId, QString *error, bool foreign)
{
    if (foreign && !QFile::exists(certificateFile(QStringLiteral("foreign-ca"))) &&
        !makeCa(QStringLiteral("foreign-ca"), QStringLiteral("Someone Else's CA"), error))
        return false;
    return issue(kioskId, kioskId, foreign ? QStringLiteral("foreign-ca") : QStringLiteral("ca"),
                 QStringLiteral("extendedKeyUsage=clientAuth\n"), error);
}

QStringList TestPki::platformArguments() const
{
    return {QStringLiteral("--tls-cert"),  certificateFile(QStringLiteral("server")),
            QStringLiteral("--tls-key"),   keyFile(QStringLiteral("server")),
            QStringLiteral("--client-ca"), caFile()};
}
