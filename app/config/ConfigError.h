#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>
#include <utility>

// One problem found in a configuration file. place is a JSON pointer (RFC 6901) to the value that is wrong
// ("/services/3/fields/2/type"), or to where a missing key should be; "/" means the document as a whole;
// JSON syntax errors use "line L, column C" instead. Messages never contain personal data.
struct ConfigError
{
    QString file;
    QString place;
    QString message;

    QString toString() const; // "file: place: message"
    bool operator==(const ConfigError &other) const
    {
        return file == other.file && place == other.place && message == other.message;
    }
};

using ConfigErrors = QVector<ConfigError>;

// Either a whole value or the complete list of errors, never both: a file with any error yields no value,
// so the kiosk never runs on a half-loaded configuration.
template <typename T> class ConfigResult
{
public:
    static ConfigResult success(T value)
    {
        ConfigResult r;
        r.m_value = std::move(value);
        return r;
    }
    static ConfigResult failure(ConfigErrors errors)
    {
        ConfigResult r;
        r.m_errors = std::move(errors);
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; } // only when ok()
    const ConfigErrors &errors() const { return m_errors; }
    QString errorText() const // one error per line, for the log or a technician's screen
    {
        QStringList lines;
        for (const ConfigError &e : m_errors)
            lines << e.toString();
        return lines.join(QLatin1Char('\n'));
    }

private:
    ConfigResult() = default;
    std::optional<T> m_value;
    ConfigErrors m_errors;
};
