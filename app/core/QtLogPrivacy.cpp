#include "QtLogPrivacy.h"

#include <QLoggingCategory>

#include <cstring>

namespace {
QLoggingCategory::CategoryFilter g_previous = nullptr;

void filter(QLoggingCategory *category)
{
    if (g_previous)
        g_previous(category); // the rules (QT_LOGGING_RULES, qtlogging.ini) first
    if (QtLogPrivacy::isGuarded(category->categoryName())) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}
} // namespace

bool QtLogPrivacy::isGuarded(const char *categoryName)
{
    return std::strncmp(categoryName, "qt.", 3) == 0 || std::strcmp(categoryName, "qml") == 0 ||
           std::strcmp(categoryName, "js") == 0;
}

void QtLogPrivacy::install()
{
    if (qEnvironmentVariableIntValue("ONESTOP_ALLOW_QT_DEBUG") == 1)
        return;
    g_previous = QLoggingCategory::installFilter(filter);
}
