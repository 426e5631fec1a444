#pragma once

#include "IdCardData.h"
#include "IdentityTokenVerifier.h"

#include <QCoreApplication>
#include <functional>
#include <memory>

// The identify step's side of personal identity codes (随申码-style tokens, docs/platform-api.md): checks a
// scanned code with the platform's keys from the site configuration, and says in the resident's words why
// one was refused. A code that is not an identity token is not handled here. Thread: GUI.
class IdentityCodeCheck
{
    Q_DECLARE_TR_FUNCTIONS(IdentityCodeCheck)

public:
    explicit IdentityCodeCheck(const IdentityTokenSettings &settings);

    // Unix seconds of the wall clock; tests set a fixed one.
    void setWallClock(std::function<qint64()> now) { m_now = std::move(now); }

    struct Outcome
    {
        bool accepted = false;
        IdCardData card; // accepted: who the code says the resident is (type, number, name, birth, sex)
        QString notice;  // refused: what the resident reads
        QString logLine; // refused: "identity code refused: expired (expired 60 s ago)"; no personal data
    };
    Outcome check(const QString &code);

    static QString noticeFor(IdentityTokenVerifier::Problem problem);

private:
    std::unique_ptr<IdentityTokenVerifier> m_verifier;
    std::function<qint64()> m_now;
};
