#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

// A certificate's wording in Chinese and English, from a JSON file in kiosk-config/documents/
// (see docs/printing-a4.md for the format): a title, an addressee line, body paragraphs with {placeholders},
// a closing line, and the placeholders it needs with their labels. Pure; thread: any.
struct CertificateTemplate
{
    struct Text
    {
        QString zh;
        QString en;
        QString in(const QString &language) const
        {
            return (language.startsWith(QLatin1String("en")) && !en.isEmpty()) ? en : zh;
        }
    };

    QString id; // e.g. "residence-certificate"
    Text title;
    Text addressee; // may be empty
    QVector<Text> paragraphs;
    Text closing;             // may be empty
    QStringList placeholders; // every {name} the texts use, in order of first use

    // Reads and checks a template file. Errors name the file and the place: "residence-certificate.json:
    // paragraphs[1].en: unknown placeholder {adress}".
    static std::optional<CertificateTemplate> load(const QString &path, QString *error = nullptr);
    static std::optional<CertificateTemplate> parse(const QByteArray &json, const QString &fileName,
                                                    QString *error = nullptr);

    // The paragraphs in `language` with every placeholder replaced (values are plain text). Empty and
    // *error set ("residence-certificate: no value for {address}") when a placeholder has no value.
    QStringList fill(const QString &language, const QMap<QString, QString> &values,
                     QString *error = nullptr) const;
    // One text (title, addressee, closing) in `language` with its placeholders replaced; *error as fill().
    QString fillText(const Text &text, const QString &language, const QMap<QString, QString> &values,
                     QString *error = nullptr) const;
};
