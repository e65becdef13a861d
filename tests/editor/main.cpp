#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "translations.hpp"

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings (recent files, window geometry) go to a throw-away folder, not
    // the user's.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CJM Studio Tests"));
    QApplication::setApplicationName(QStringLiteral("editor_tests"));
    // English whatever the machine's locale: the tests compare English texts.
    cjm::installTranslations(cjm::UiLanguage::English);
    return Catch::Session().run(argc, argv);
}
