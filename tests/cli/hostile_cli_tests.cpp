// "No file in the fuzz corpus or the hostile-input list crashes `cjm export`":
// every such file is exported as a separate process, which must exit with 0
// (a valid map, exported) or 1 (refused, with the file named) — never die of
// a signal or a sanitizer report, and never leave a partial output file.
#include "cli_test_support.hpp"

#include <sys/stat.h>

using namespace clitest;

namespace {

// The hostile-input list of issue #6 that is not already a corpus file.
std::vector<fs::path> writeHostileFiles(const fs::path &dir)
{
    std::vector<fs::path> files;
    auto add = [&](const std::string &name, const std::string &bytes) {
        writeText(dir / name, bytes);
        files.push_back(dir / name);
    };
    const std::string sample = readText(kSample);
    add("cut-in-half.cjm", sample.substr(0, sample.size() / 2));
    add("nesting-100000.cjm", std::string(100000, '[') + std::string(100000, ']'));
    std::string longString = sample;
    longString.insert(longString.find("\"text\": \"") + 9, std::string(2u * 1024u * 1024u, 'x'));
    add("string-2mb.cjm", longString);
    add("nan.cjm", "{\"format\": \"cjm\", \"version\": NaN}");
    add("infinity.cjm", "{\"format\": \"cjm\", \"version\": 1, \"x\": -Infinity}");
    add("invalid-utf8.cjm", "{\"format\": \"cjm\", \"version\": 1, \"x\": \"\xc3\x28\"}");
    std::string html = sample;
    html.insert(html.find("\"text\": \"") + 9, "<img src=x onerror=alert(1)><a href='file:///etc/passwd'>");
    add("html-text.cjm", html);
    // A 300 MB file: sparse, so the test does not write 300 MB.
    const fs::path huge = dir / "huge-300mb.cjm";
    writeText(huge, "{\"format\": \"cjm\", ");
    fs::resize_file(huge, 300ull * 1024 * 1024);
    files.push_back(huge);
    return files;
}

} // namespace

TEST_CASE("cjm export survives the fuzz corpus and the hostile-input list", "[cli][hostile]")
{
    TempDir dir;
    std::vector<fs::path> inputs;
    for (const auto &entry : fs::directory_iterator(std::string(CJM_SOURCE_DIR) + "/tests/fuzz/corpus"))
        inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 30);
    for (const fs::path &hostile : writeHostileFiles(dir.path))
        inputs.push_back(hostile);

    int exported = 0, refused = 0;
    for (const fs::path &input : inputs) {
        INFO(input.filename().string());
        const fs::path output = dir.path / "out.png";
        fs::remove(output);
        const Run run = cjm({"export", input.string(), "-o", output.string()});
        INFO(run.output.substr(0, 600));
        REQUIRE((run.exitCode == 0 || run.exitCode == 1)); // -1: killed by a signal
        if (run.exitCode == 0) {
            ++exported;
            CHECK(fs::file_size(output) > 0);
        } else {
            ++refused;
            CHECK_FALSE(fs::exists(output));
            CHECK(run.output.find(input.filename().string()) != std::string::npos); // the place is named
        }
    }
    CHECK(exported >= 8);  // the samples and the valid seeds
    CHECK(refused >= 20);  // the broken seeds and the hostile list
}
