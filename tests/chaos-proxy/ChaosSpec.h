#pragma once

#include <QRandomGenerator>
#include <QString>

#include <array>
#include <optional>

// Network faults for chaos runs, shared by platform-sim (HTTP level) and chaos-proxy (TCP level).
// A spec is a comma-separated list of key=value:
//   seed=N             the random seed (same seed, same request order -> same faults)
//   drop=P             close the connection without processing or answering
//   delay=P            hold the answer back delay_ms (default 1500)
//   500=P, 503=P       answer that status without processing
//   reset=P            process the request, then reset the connection (no answer)
//   truncate=P         process, send half of the answer, close
//   garbage=P          process, send random bytes instead of the answer, close
//   trickle=P          process, send the answer one byte every trickle_ms (default 100)
//   oversize=P         process, answer with a body of oversize_bytes (default 2 MiB)
// P is a probability in [0, 1]; their sum must not exceed 1. "off" (or an empty spec) is no chaos.
// Example: "seed=7,drop=0.05,reset=0.05,503=0.05,truncate=0.05,garbage=0.05,trickle=0.02,oversize=0.03"
enum class ChaosFault {
    None,
    Drop,
    Delay,
    Status500,
    Status503,
    Reset,
    Truncate,
    Garbage,
    Trickle,
    Oversize
};

QString chaosFaultName(ChaosFault fault);

struct ChaosSpec
{
    static constexpr int faultCount = 9;          // every fault but None
    std::array<double, faultCount> probability{}; // indexed by int(fault) - 1
    quint32 seed = 1;
    int delayMs = 1500;
    int trickleMs = 100;
    int oversizeBytes = 2 * 1024 * 1024;

    // nullopt + error naming the key for a bad spec.
    static std::optional<ChaosSpec> parse(const QString &text, QString *error);
    bool isOff() const;
    QString toString() const;
};

// Draws one fault per request (or connection) from a spec with its own seeded generator.
// Thread: the thread that uses it.
class Chaos
{
public:
    void setSpec(const ChaosSpec &spec);
    const ChaosSpec &spec() const { return m_spec; }
    ChaosFault next();
    QByteArray garbage(int size);

private:
    ChaosSpec m_spec;
    QRandomGenerator m_random{1};
};
