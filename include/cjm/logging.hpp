#pragma once
// spdlog, set up once per process. The CLI logs to stderr; the app adds a
// rotating file in the user's app-data folder.

#include <filesystem>
#include <optional>

namespace cjm {

enum class LogLevel { Debug, Info, Warning, Error };

// Safe to call more than once: later calls only change the level.
void initLogging(LogLevel level, const std::optional<std::filesystem::path> &logFile = std::nullopt);

} // namespace cjm
