// cjm-studio: the window. A thin shell: application set-up and the command
// line; everything else is in cjm_editor.

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>

#include "cjm/document_io.hpp"
#include "cjm/logging.hpp"
#include "cjm/problem.hpp"
#include "document_controller.hpp"
#include "file_paths.hpp"
#include "main_window.hpp"
#include "map_view.hpp"
#include "qt_text.hpp"
#include "recovery_prompt.hpp"
#include "recovery_store.hpp"
#include "start_dialog.hpp"
#include "team_actions.hpp"
#include "translations.hpp"

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CJM Studio"));
    QApplication::setApplicationName(QStringLiteral("CJM Studio"));
    QApplication::setApplicationVersion(QStringLiteral(CJM_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cjm-studio.svg")));

    cjm::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "CJM Studio, the customer journey map editor."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"), QApplication::translate("main", "Maps to open (.cjm)."),
                                 QStringLiteral("[FILE...]"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Open the map, save a picture of the window to PATH "
                                                                  "and quit."),
                                  QStringLiteral("PATH"));
    QCommandLineOption size(QStringLiteral("size"),
                            QApplication::translate("main", "Window size for --screenshot (default 1400x900)."),
                            QStringLiteral("WxH"), QStringLiteral("1400x900"));
    QCommandLineOption fit(QStringLiteral("fit"), QApplication::translate("main", "Fit the map to the window."));
    QCommandLineOption listRecovered(QStringLiteral("list-recovered"),
                                     QApplication::translate("main", "List maps left unsaved by a crash, and quit."));
    QCommandLineOption verbose(QStringLiteral("verbose"), QApplication::translate("main", "Log debug messages."));
    QCommandLineOption teamDb(QStringLiteral("team-db"),
                              QApplication::translate("main", "The team library to open --team-map from: a libpq "
                                                              "connection string, without a password."),
                              QStringLiteral("CONNINFO"));
    QCommandLineOption teamMap(QStringLiteral("team-map"),
                               QApplication::translate("main", "Open this map of the team library (with --team-db)."),
                               QStringLiteral("ID"));
    parser.addOptions({screenshot, size, fit, listRecovered, verbose, teamDb, teamMap});
    parser.process(app);
    // Checked before any window: a bad value ends the run with a message
    // that names the option (exit 2, like the other usage errors).
    const QString teamDbValue = parser.value(teamDb), teamMapValue = parser.value(teamMap);
    const bool teamWanted = parser.isSet(teamDb) || parser.isSet(teamMap);
    if (teamWanted) {
        const QString problem = cjm::TeamActions::commandLineProblem(parser.isSet(teamDb), teamDbValue,
                                                                     parser.isSet(teamMap), teamMapValue);
        if (!problem.isEmpty()) {
            // Escaped: the value is the caller's text, perhaps with controls.
            std::fprintf(stderr, "cjm-studio: %s\n", cjm::printableText(cjm::toStdString(problem)).c_str());
            return 2;
        }
    }

    const QString logDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs");
    cjm::initLogging(parser.isSet(verbose) ? cjm::LogLevel::Debug : cjm::LogLevel::Info,
                     cjm::toStdString(logDir + QStringLiteral("/cjm-studio.log")));

    if (parser.isSet(listRecovered)) {
        // Titles and paths are a file's text: a terminal gets them with its controls escaped.
        auto printable = [](const QString &text) { return cjm::printableText(cjm::toStdString(text)); };
        for (const cjm::RecoveryEntry &entry : cjm::RecoveryStore().orphans())
            std::printf(
                "%s\t%s\t%s\t%s\n", printable(entry.time.toString(Qt::ISODate)).c_str(), printable(entry.title).c_str(),
                printable(entry.originalPath.isEmpty() ? QStringLiteral("(never saved)") : entry.originalPath).c_str(),
                printable(entry.mapPath).c_str());
        return 0;
    }

    // File names by their bytes: one that is not UTF-8 survives (see file_paths.hpp).
    const QStringList files = cjm::nativeArguments(parser.positionalArguments(), argc, argv);
    if (parser.isSet(screenshot)) {
        // Scripted use: a file that cannot be read is reported on stderr and
        // ends the run, instead of waiting for someone to close a dialog.
        bool readable = true;
        for (const QString &file : files) {
            const auto result = cjm::readDocumentFile(cjm::nativePath(file));
            for (const auto &problem : result.problems)
                std::fprintf(stderr, "%s\n", cjm::formatProblem(file.toStdString(), problem).c_str());
            readable = readable && result.ok();
        }
        if (!readable)
            return 1;
    }
    cjm::MainWindow *first = nullptr;
    if (files.isEmpty()) {
        first = new cjm::MainWindow;
        first->show();
    }
    for (const QString &file : files) {
        cjm::MainWindow *window = cjm::MainWindow::openFile(file, first);
        if (!first)
            first = window;
    }
    if (!first) {
        // Nothing could be opened: the dialogs said why. Leave an empty map open.
        if (parser.isSet(screenshot))
            return 1;
        first = new cjm::MainWindow;
        first->show();
    }
    // The team map: in the first window while it holds an untouched new map,
    // else in a window of its own; a map that cannot be opened says why.
    if (teamWanted)
        cjm::TeamActions::openMap(teamDbValue, teamMapValue, first);

    const QString geometryDump = qEnvironmentVariable("CJM_STUDIO_GEOMETRY_DUMP");
    if (!geometryDump.isEmpty()) {
        // Real-window tests aim their clicks with this (tests/gui/). Written
        // again whenever the window is resized or moved.
        auto *timer = new QTimer(first);
        QObject::connect(timer, &QTimer::timeout, first,
                         [first, geometryDump] { first->writeGeometryForTests(geometryDump); });
        timer->start(300);
    }

    // Maps a crash left unsaved: offer them back before anything else.
    const cjm::RecoveryStore recovery;
    const auto orphans = parser.isSet(screenshot) ? std::vector<cjm::RecoveryEntry>{} : recovery.orphans();
    if (!orphans.empty()) {
        const cjm::RecoveryAnswer answer = cjm::askAboutRecoveredMaps(orphans, first);
        for (const auto &entry : orphans) {
            if (answer == cjm::RecoveryAnswer::Restore)
                cjm::MainWindow::restoreRecovered(entry, recovery);
            else if (answer == cjm::RecoveryAnswer::Discard)
                recovery.remove(entry.id);
        }
    }

    // Started without a map (and not scripted): the ways to begin.
    if (files.isEmpty() && !teamWanted && orphans.empty() && !parser.isSet(screenshot) &&
        cjm::StartDialog::showAtStartup() && first->controller()->isPristine()) {
        cjm::StartDialog start(cjm::MainWindow::recentFiles(), first);
        if (start.exec() == QDialog::Accepted) {
            switch (start.choice()) {
            case cjm::StartDialog::Choice::Blank: break;
            case cjm::StartDialog::Choice::Wizard: first->newWithWizard(); break;
            case cjm::StartDialog::Choice::Template: first->newFromTemplate(); break;
            case cjm::StartDialog::Choice::Open: first->open(); break;
            case cjm::StartDialog::Choice::Recent: cjm::MainWindow::openFile(start.recentFile(), first); break;
            }
        }
    }

    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int w = wh.value(0).toInt(), h = wh.value(1).toInt();
        first->resize(w > 0 ? w : 1400, h > 0 ? h : 900);
        if (parser.isSet(fit))
            first->view()->fitToWindow();
        const QString path = parser.value(screenshot);
        int status = 0;
        // Let the window lay itself out before the grab.
        QTimer::singleShot(300, &app, [&] {
            if (parser.isSet(fit))
                first->view()->fitToWindow();
            if (!first->grab().save(path)) {
                std::fprintf(stderr, "cjm-studio: could not save the screenshot to %s\n", qPrintable(path));
                status = 1;
            }
            QApplication::exit(status);
        });
        app.exec();
        // The windows go before main returns, and with them their locks
        // (deleted, not closed: a scripted run keeps no window geometry).
        QList<cjm::MainWindow *> windows;
        for (QWidget *widget : QApplication::topLevelWidgets())
            if (auto *window = qobject_cast<cjm::MainWindow *>(widget))
                windows << window;
        qDeleteAll(windows);
        return status;
    }
    return app.exec();
}
