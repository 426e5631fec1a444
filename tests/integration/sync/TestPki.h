#pragma once

#include <QString>
#include <QStringList>

// A throw-away PKI for mutual-TLS tests, made at test time with the openssl command line (P-256 keys):
//   ca.crt/key            the platform CA: signs the server certificate and the kiosks' client certificates
//   server.crt/key        CN=localhost, subjectAltName DNS:localhost, IP:127.0.0.1, serverAuth
//   <kiosk>.crt/key       CN=<kiosk id>, clientAuth, signed by the CA (issueClient)
//   foreign-ca, <kiosk>.crt/key signed by another CA (issueClient(..., foreign = true))
class TestPki
{
public:
    explicit TestPki(QString dir) : m_dir(std::move(dir)) {}

    bool create(QString *error);
    bool issueClient(const QString &kioskId, QString *error, bool foreign = false);

    QString file(const QString &name) const { return m_dir + QLatin1Char('/') + name; }
    QString caFile() const { return file(QStringLiteral("ca.crt")); }
    QString certificateFile(const QString &name) const { return file(name + QStringLiteral(".crt")); }
    QString keyFile(const QString &name) const { return file(name + QStringLiteral(".key")); }
    // platform-sim's options for HTTPS with these files.
    QStringList platformArguments() const;

private:
    bool openssl(const QStringList &arguments, QString *error);
    bool makeCa(const QString &name, const QString &commonName, QString *error);
    bool issue(const QString &name, const QString &commonName, const QString &ca, const QString &extensions,
               QString *error);
    QString m_dir;
};
