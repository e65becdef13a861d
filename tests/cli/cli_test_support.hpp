#pragma once
// What the CLI tests share: running `cjm` or any command line through the
// shell, reading and writing files, and a temporary folder per test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace clitest {

namespace fs = std::filesystem;

struct Run {
    int exitCode = -1;
    std::string output; // stdout and stderr together
};

inline std::string shellQuote(const std::string &s)
{
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs a shell command line; stdout and stderr together.
inline Run shell(const std::string &command)
{
    Run run;
    FILE *pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
        run.output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

inline Run cjm(const std::vector<std::string> &args)
{
    std::string command = shellQuote(CJM_EXECUTABLE);
    for (const auto &a : args)
        command += " " + shellQuote(a);
    return shell(command);
}

inline std::string readText(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void writeText(const fs::path &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

struct TempDir {
    fs::path path =
        fs::temp_directory_path() / ("cjm-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(next()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    static int next()
    {
        static int counter = 0;
        return ++counter;
    }
};

inline const std::string kSample = std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm";
inline const std::string kChineseSample = std::string(CJM_SAMPLES_DIR) + "/retail-zh.cjm";

} // namespace clitest
