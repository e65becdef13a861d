// "No file in the fuzz corpus or the hostile-input list crashes `cjm export`":
// every such file is exported as a separate process, which must exit with 0
// (a valid map, exported) or 1 (refused, with the file named) — never die of
// a signal or a sanitizer report, and never leave a partial output file.
#include "cli_test_support.hpp"

#include <sys/stat.h>
#include <sys/types.h>

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
    CHECK(exported >= 8); // the samples and the valid seeds
    CHECK(refused >= 20); // the broken seeds and the hostile list
}

namespace {

// Bounds a command that might block: `timeout` ends it (exit 124) instead of
// the test waiting forever, so a regression fails rather than hangs.
Run bounded(const std::vector<std::string> &args)
{
    std::string command = "timeout 60 " + shellQuote(CJM_EXECUTABLE);
    for (const auto &a : args)
        command += " " + shellQuote(a);
    return shell(command);
}

fs::path studioExecutable() { return CJM_STUDIO_EXECUTABLE; }

} // namespace

TEST_CASE("cjm refuses a named pipe at once, naming it, instead of waiting for a writer", "[cli][hostile][special]")
{
    TempDir dir;
    const fs::path pipe = dir.path / "x.cjm";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    const std::string sample = dir.path.string() + "/sample.cjm";
    fs::copy_file(kSample, sample);
    // Exit 1 for a map that cannot be read; diff and merge keep 1 for
    // "different" and "conflicts", and say 2.
    const std::vector<std::pair<std::vector<std::string>, int>> commands = {
        {{"validate", pipe.string()}, 1},
        {{"info", pipe.string()}, 1},
        {{"fmt", pipe.string()}, 1},
        {{"fmt", "--check", pipe.string()}, 1},
        {{"export", pipe.string(), "-o", (dir.path / "out.png").string()}, 1},
        {{"diff", sample, pipe.string()}, 2},
        {{"merge", sample, sample, pipe.string(), "-o", (dir.path / "merged.cjm").string()}, 2},
        {{"import", pipe.string(), "-o", (dir.path / "imported.cjm").string()}, 1},
    };
    for (const auto &[args, exitCode] : commands) {
        INFO(args.front() << " " << args[1]);
        const Run run = bounded(args);
        INFO(run.output);
        CHECK(run.exitCode == exitCode);
        CHECK(run.output.find(pipe.string() + " is a named pipe, not a file") != std::string::npos);
    }
    struct stat info {};
    REQUIRE(::lstat(pipe.c_str(), &info) == 0);
    CHECK(S_ISFIFO(info.st_mode)); // left as it was
    CHECK_FALSE(fs::exists(dir.path / "out.png"));
    CHECK_FALSE(fs::exists(dir.path / "merged.cjm"));
    CHECK_FALSE(fs::exists(dir.path / "imported.cjm"));
}

TEST_CASE("cjm names what is wrong with a file that is no map file: a folder, a device, /proc/self/mem",
          "[cli][special]")
{
    TempDir dir;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {dir.path.string(), dir.path.string() + " is a folder, not a file"},
        {"/dev/null", "/dev/null is a device, not a file"},
        {"/proc/self/mem", "could not read /proc/self/mem: "}, // and the system's words for EIO
    };
    for (const auto &[path, words] : cases) {
        const Run run = bounded({"validate", path});
        INFO(run.output);
        CHECK(run.exitCode == 1);
        CHECK(run.output.find(words) != std::string::npos);
        CHECK(run.output.find("could not be reached") == std::string::npos);
    }
}

TEST_CASE("cjm fmt through a symbolic link rewrites the file it points at and keeps the link", "[cli][symlink]")
{
    TempDir dir;
    fs::create_directories(dir.path / "shared");
    fs::create_directories(dir.path / "mine");
    const fs::path target = dir.path / "shared" / "team.cjm";
    const fs::path link = dir.path / "mine" / "link.cjm";
    writeText(target, readText(kSample) + "\n\n"); // readable, not canonical
    fs::create_symlink("../shared/team.cjm", link);

    const Run run = cjm({"fmt", link.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(fs::is_symlink(link));
    CHECK(fs::read_symlink(link) == "../shared/team.cjm");
    CHECK(cjm({"fmt", "--check", target.string()}).exitCode == 0); // the shared map got the edit
    CHECK(std::distance(fs::directory_iterator(dir.path / "mine"), fs::directory_iterator()) == 1);
    CHECK(std::distance(fs::directory_iterator(dir.path / "shared"), fs::directory_iterator()) == 1);
}

TEST_CASE("cjm-studio --screenshot opens a map by any file name and leaves no lock beside it", "[cli][studio]")
{
    const fs::path studio = studioExecutable();
    INFO("cjm-studio is expected at " << studio.string() << " (build the cjm-studio target)");
    REQUIRE(fs::exists(studio));
    // A plain name, and one that is not UTF-8 (Qt's own decoding of it loses the bytes).
    const std::string name = GENERATE(std::string("map.cjm"), std::string("caf\xe9 \xff.cjm"));
    TempDir dir;
    const fs::path map = dir.path / name;
    fs::copy_file(kSample, map);
    const fs::path picture = dir.path / "shot.png";
    // Its settings and logs in the test's folder, not the user's.
    const std::string home = (dir.path / "home").string();
    const Run run =
        shell("QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=" + shellQuote(home + "/config") +
              " XDG_DATA_HOME=" + shellQuote(home + "/data") + " timeout 120 " + shellQuote(studio.string()) + " " +
              shellQuote(map.string()) + " --screenshot " + shellQuote(picture.string()) + " --size 800x600");
    INFO(run.output.substr(0, 2000));
    REQUIRE(run.exitCode == 0);
    CHECK(fs::file_size(picture) > 0);
    for (const auto &entry : fs::directory_iterator(dir.path))
        CHECK(entry.path().filename().string().rfind(".~", 0) != 0); // no lock left
}
