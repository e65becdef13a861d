// cjm: the headless command line of CJM Studio. A thin shell: the command
// line table (command_line.cpp) parses the arguments, and the subcommand
// runs.

#include <QGuiApplication>
#include <cstdio>
#include <iostream>
#include <ostream>
#include <string>
#include <vector>

#include "cjm/logging.hpp"
#include "cjm/problem.hpp"
#include "cli_commands.hpp"
#include "command_line.hpp"

#ifndef CJM_VERSION
#define CJM_VERSION "0.0.0"
#endif

namespace {

// Qt's own warnings (a font, an image, an SVG it reads) can quote a file's
// name or text: they reach the terminal through printableText too.
void printableQtMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const std::string line = cjm::printableText(qFormatLogMessage(type, context, message).toStdString());
    std::fprintf(stderr, "%s\n", line.c_str());
}

} // namespace

int main(int argc, char **argv)
{
    // Reports, messages and the help quote titles, names, file names and the
    // arguments themselves: whatever reaches them reaches the terminal only
    // through printableText.
    cjm::cli::PrintableStreambuf printableOut(std::cout.rdbuf());
    cjm::cli::PrintableStreambuf printableErr(std::cerr.rdbuf());
    std::ostream out(&printableOut);
    std::ostream err(&printableErr);
    err.setf(std::ios::unitbuf); // as std::cerr: each message at once
    const cjm::cli::Streams io{out, err, std::cout};

    cjm::cli::CommandLine commandLine(CJM_VERSION);
    if (const auto done = commandLine.parse(std::vector<std::string>(argv + 1, argv + argc), io))
        return *done;
    cjm::initLogging(commandLine.verbose() ? cjm::LogLevel::Debug : cjm::LogLevel::Warning);
    if (commandLine.command() != cjm::cli::Command::Export)
        return commandLine.run(io);
    // Painting needs QtGui but no display: the offscreen platform unless
    // the caller chose another.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int qtArgc = 1;
    char *qtArgv[] = {argv[0], nullptr};
    qInstallMessageHandler(printableQtMessage);
    QGuiApplication app(qtArgc, qtArgv);
    QGuiApplication::setApplicationName(QStringLiteral("cjm"));
    QGuiApplication::setApplicationVersion(QStringLiteral(CJM_VERSION));
    return commandLine.run(io);
}
