#include "ScreenInstructions.h"

#include <QCoreApplication>

namespace {
struct Instruction
{
    const char *screen;
    const char *context; // the QML file (lupdate's context) that shows the same text
    const char *source;
};

// clang-format off
constexpr Instruction instructions[] = {
    {"language", "LanguageScreen", QT_TRANSLATE_NOOP("LanguageScreen", "Choose your language")},
    {"identify", "IdentifyScreen", QT_TRANSLATE_NOOP("IdentifyScreen", "Please place your ID card flat on the reader")},
    {"catalog", "CatalogScreen", QT_TRANSLATE_NOOP("CatalogScreen", "Choose a service")},
    {"guide", "ScreenInstructions", QT_TRANSLATE_NOOP("ScreenInstructions", "Please read what this service needs, then tap \"Start application\".")},
    {"form", "FormScreen", QT_TRANSLATE_NOOP("FormScreen", "Please complete your application. Fields read from your ID card cannot be changed.")},
    {"materials", "MaterialsScreen", QT_TRANSLATE_NOOP("MaterialsScreen", "You may photograph them here. This is optional: you can also bring paper copies to the counter.")},
    {"review", "ReviewScreen", QT_TRANSLATE_NOOP("ReviewScreen", "Check your application")},
    {"saving", "SavingScreen", QT_TRANSLATE_NOOP("SavingScreen", "Please wait a moment.")},
    {"receipt", "ReceiptScreen", QT_TRANSLATE_NOOP("ReceiptScreen", "Application submitted")},
    {"rating", "RatingScreen", QT_TRANSLATE_NOOP("RatingScreen", "How satisfied are you with this service?")},
    {"goodbye", "GoodbyeScreen", QT_TRANSLATE_NOOP("GoodbyeScreen", "Please take your ID card and your receipt with you.")},
};
// clang-format on
} // namespace

QString ScreenInstructions::forScreen(const QString &screenName)
{
    for (const Instruction &i : instructions) {
        if (screenName == QLatin1String(i.screen))
            return QCoreApplication::translate(i.context, i.source);
    }
    return QString();
}

QString ScreenInstructions::idleQuestion()
{
    return QCoreApplication::translate("IdleWarning", "Do you need more time?");
}
