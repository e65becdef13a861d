#include "cjm/logging.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cjm/problem.hpp"

namespace cjm {

namespace {
spdlog::level::level_enum toSpdlog(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug: return spdlog::level::debug;
    case LogLevel::Info: return spdlog::level::info;
    case LogLevel::Warning: return spdlog::level::warn;
    case LogLevel::Error: return spdlog::level::err;
    }
    return spdlog::level::warn;
}

// The message, through printableText: log lines quote map titles, names and
// file names, and they reach the terminal (and `tail` of the log file).
class PrintableMessage : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg &msg, const std::tm &, spdlog::memory_buf_t &dest) override
    {
        const std::string text = printableText(std::string_view(msg.payload.data(), msg.payload.size()));
        dest.append(text.data(), text.data() + text.size());
    }
    std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<PrintableMessage>(); }
};
} // namespace

void initLogging(LogLevel level, const std::optional<std::filesystem::path> &logFile)
{
    static bool initialised = false;
    static std::shared_ptr<spdlog::sinks::stderr_color_sink_mt> stderrSink;
    if (!initialised) {
        std::vector<spdlog::sink_ptr> sinks;
        stderrSink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        sinks.push_back(stderrSink);
        if (logFile) {
            try {
                std::filesystem::create_directories(logFile->parent_path());
                sinks.push_back(
                    std::make_shared<spdlog::sinks::rotating_file_sink_mt>(logFile->string(), 1024 * 1024, 3));
            } catch (const std::exception &) {
                // No log file is no reason to stop; stderr still works.
            }
        }
        auto logger = std::make_shared<spdlog::logger>("cjm", sinks.begin(), sinks.end());
        auto formatter = std::make_unique<spdlog::pattern_formatter>();
        formatter->add_flag<PrintableMessage>('*').set_pattern("%Y-%m-%d %H:%M:%S.%e [%l] %*");
        logger->set_formatter(std::move(formatter));
        spdlog::set_default_logger(logger);
        initialised = true;
    }
    spdlog::set_level(toSpdlog(level));
    // The terminal hears about warnings unless debugging was asked for; the
    // log file (when there is one) keeps the level asked for.
    stderrSink->set_level(level == LogLevel::Debug ? spdlog::level::debug
                                                   : std::max(toSpdlog(level), spdlog::level::warn));
}

} // namespace cjm
