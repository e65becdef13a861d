// Atomic save and its failures, through the FileSystem seam: a full disk or
// a vanished folder is simulated, not hoped for.
#include <catch2/catch.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>
#include <utime.h>

#include "cjm/file_io.hpp"
#include "test_helpers.hpp"

using namespace cjm;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir()
    {
        path = fs::temp_directory_path() / ("cjm-io-test-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::size_t fileCount() const
    {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), fs::directory_iterator()));
    }
};

class FaultyFileSystem : public FileSystem {
public:
    enum class Fault { None, DiskFullMidWrite, SyncFails, RenameFails, NoPermission, DriveRemoved };
    Fault fault = Fault::None;

protected:
    int openTemporary(const fs::path &dir, const std::string &stem, std::string &temp) override
    {
        if (fault == Fault::NoPermission) {
            errno = EACCES;
            return -1;
        }
        if (fault == Fault::DriveRemoved) {
            errno = ENODEV; // a USB stick or network share pulled while the map is open
            return -1;
        }
        return FileSystem::openTemporary(dir, stem, temp);
    }
    long writeSome(int fd, const char *data, std::size_t size) override
    {
        if (fault == Fault::DiskFullMidWrite) {
            // Half goes through, then the disk is full.
            if (!m_wroteHalf) {
                m_wroteHalf = true;
                return FileSystem::writeSome(fd, data, size / 2);
            }
            errno = ENOSPC;
            return -1;
        }
        return FileSystem::writeSome(fd, data, size);
    }
    int syncFile(int fd) override
    {
        if (fault == Fault::SyncFails) {
            errno = EIO;
            return -1;
        }
        return FileSystem::syncFile(fd);
    }
    int renameFile(const std::string &from, const std::string &to) override
    {
        if (fault == Fault::RenameFails) {
            errno = EROFS;
            return -1;
        }
        return FileSystem::renameFile(from, to);
    }

private:
    bool m_wroteHalf = false;
};

} // namespace

TEST_CASE("atomic write replaces the file and keeps its permissions", "[io]")
{
    TempDir dir;
    const fs::path file = dir.path / "map.cjm";
    FileSystem fsys;
    REQUIRE(fsys.writeAtomically(file, "old").ok);
    ::chmod(file.c_str(), 0640);
    REQUIRE(fsys.writeAtomically(file, "new contents").ok);
    CHECK(test::readText(file.string()) == "new contents");
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0640);
    CHECK(dir.fileCount() == 1); // no temporary file left behind
}

TEST_CASE("a new file gets the usual permissions, not the temporary file's 0600", "[io]")
{
    TempDir dir;
    const fs::path file = dir.path / "fresh.cjm";
    const mode_t old = ::umask(022);
    REQUIRE(FileSystem().writeAtomically(file, "x").ok);
    ::umask(old);
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0644);
}

TEST_CASE("any failure while saving leaves the old file intact and says why", "[io]")
{
    using Fault = FaultyFileSystem::Fault;
    const auto [fault, words] = GENERATE(table<Fault, std::string>({
        {Fault::DiskFullMidWrite, "the disk is full"},
        {Fault::SyncFails, "could not be reached"},
        {Fault::RenameFails, "read-only"},
        {Fault::NoPermission, "no permission to write"},
        {Fault::DriveRemoved, "was it removed or disconnected?"},
    }));
    TempDir dir;
    const fs::path file = dir.path / "map.cjm";
    REQUIRE(FileSystem().writeAtomically(file, "the team's weeks of work").ok);
    FaultyFileSystem faulty;
    faulty.fault = fault;
    auto result = faulty.writeAtomically(file, std::string(100000, 'x'));
    CHECK_FALSE(result.ok);
    CHECK(result.error.find(words) != std::string::npos);
    CHECK(test::readText(file.string()) == "the team's weeks of work");
    CHECK(dir.fileCount() == 1);
}

TEST_CASE("saving into a folder that vanished fails with a message naming it", "[io]")
{
    TempDir dir;
    const fs::path file = dir.path / "gone" / "map.cjm";
    auto result = FileSystem().writeAtomically(file, "x");
    CHECK_FALSE(result.ok);
    CHECK(result.error.find("does not exist any more") != std::string::npos);
    CHECK(result.error.find((dir.path / "gone").string()) != std::string::npos);
}

TEST_CASE("reading refuses folders and files over the limit", "[io]")
{
    TempDir dir;
    std::string bytes;
    CHECK_FALSE(FileSystem().readAll(dir.path, bytes, 100).ok);
    const fs::path file = dir.path / "big.cjm";
    REQUIRE(FileSystem().writeAtomically(file, std::string(5000, ' ')).ok);
    auto result = FileSystem().readAll(file, bytes, 1000);
    CHECK_FALSE(result.ok);
    CHECK(result.error.find("larger than") != std::string::npos);
    REQUIRE(FileSystem().readAll(file, bytes, 10000).ok);
    CHECK(bytes.size() == 5000);
}

namespace {

bool isValidUtf8(const std::string &text)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        i += length;
    }
    return true;
}

// Sets a file's modification time `age` into the past.
void makeOld(const fs::path &file, std::chrono::seconds age)
{
    const std::time_t then = std::time(nullptr) - static_cast<std::time_t>(age.count());
    struct utimbuf times {
        then, then
    };
    REQUIRE(::utime(file.c_str(), &times) == 0);
}

} // namespace

TEST_CASE("saving through a symbolic link writes the file it points at, and the link stays a link", "[io][symlink]")
{
    TempDir dir;
    fs::create_directories(dir.path / "shared");
    fs::create_directories(dir.path / "mine");
    const fs::path target = dir.path / "shared" / "team.cjm";
    const fs::path link = dir.path / "mine" / "link.cjm";
    REQUIRE(FileSystem().writeAtomically(target, "the team's map").ok);
    ::chmod(target.c_str(), 0640);
    fs::create_symlink("../shared/team.cjm", link);

    REQUIRE(FileSystem().writeAtomically(link, "my edit").ok);
    CHECK(fs::is_symlink(link));
    CHECK(fs::read_symlink(link) == "../shared/team.cjm");
    CHECK(test::readText(target.string()) == "my edit");
    struct stat info {};
    REQUIRE(::stat(target.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0640); // the real file's permissions kept
    // No temporary left in either folder.
    CHECK(std::distance(fs::directory_iterator(dir.path / "mine"), fs::directory_iterator()) == 1);
    CHECK(std::distance(fs::directory_iterator(dir.path / "shared"), fs::directory_iterator()) == 1);

    // Both names are one file.
    fs::path viaLink, direct;
    REQUIRE(resolveFilePath(link, viaLink).ok);
    REQUIRE(resolveFilePath(target, direct).ok);
    CHECK(viaLink == direct);
    CHECK(viaLink.is_absolute());
}

TEST_CASE("a save through a dangling link creates its target; a link loop is named", "[io][symlink]")
{
    TempDir dir;
    fs::create_directories(dir.path / "shared");
    const fs::path link = dir.path / "new.cjm";
    fs::create_symlink("shared/not-yet.cjm", link);
    REQUIRE(FileSystem().writeAtomically(link, "first version").ok);
    CHECK(fs::is_symlink(link));
    CHECK(test::readText((dir.path / "shared" / "not-yet.cjm").string()) == "first version");

    fs::create_symlink("b.cjm", dir.path / "a.cjm");
    fs::create_symlink("a.cjm", dir.path / "b.cjm");
    const fs::path loop = dir.path / "a.cjm";
    auto written = FileSystem().writeAtomically(loop, "x");
    CHECK_FALSE(written.ok);
    CHECK(written.error == "the symbolic links of " + loop.string() + " lead in a circle (a link loop)");
    std::string bytes;
    auto read = FileSystem().readAll(loop, bytes, 1000);
    CHECK_FALSE(read.ok);
    CHECK(read.error.find("lead in a circle") != std::string::npos);
    CHECK(fs::is_symlink(loop)); // untouched
}

TEST_CASE("reading refuses a named pipe at once, without waiting for a writer", "[io][special]")
{
    TempDir dir;
    const fs::path fifo = dir.path / "x.cjm";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);

    // A bound, should reading ever block in open() again: this thread then
    // opens the pipe's other end so the reader returns, and the test fails
    // on `rescued` instead of hanging. A correct read never needs it.
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    std::atomic<bool> rescued{false};
    std::thread watchdog([&] {
        std::unique_lock<std::mutex> lock(mutex);
        while (!finished.wait_for(lock, std::chrono::seconds(10), [&] { return done; })) {
            const int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            if (writer >= 0) {
                rescued = true;
                ::close(writer);
            }
        }
    });
    std::string bytes;
    const IoResult result = FileSystem().readAll(fifo, bytes, 1000);
    {
        std::lock_guard<std::mutex> lock(mutex);
        done = true;
    }
    finished.notify_one();
    watchdog.join();

    CHECK_FALSE(rescued);
    CHECK_FALSE(result.ok);
    CHECK(result.error == fifo.string() + " is a named pipe, not a file");
}

TEST_CASE("reading refuses folders, devices and sockets with what they are", "[io][special]")
{
    TempDir dir;
    std::string bytes;
    auto folder = FileSystem().readAll(dir.path, bytes, 100);
    CHECK_FALSE(folder.ok);
    CHECK(folder.error == dir.path.string() + " is a folder, not a file");

    auto device = FileSystem().readAll("/dev/null", bytes, 100);
    CHECK_FALSE(device.ok);
    CHECK(device.error == "/dev/null is a device, not a file");

    const fs::path socketPath = dir.path / "s.cjm";
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(sock >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    REQUIRE(socketPath.string().size() < sizeof address.sun_path);
    std::strcpy(address.sun_path, socketPath.c_str());
    REQUIRE(::bind(sock, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
    auto socket = FileSystem().readAll(socketPath, bytes, 100);
    ::close(sock);
    CHECK_FALSE(socket.ok);
    CHECK(socket.error == socketPath.string() + " is a socket, not a file");
}

TEST_CASE("a read that fails says what failed, not that a drive is gone", "[io][special]")
{
    // /proc/self/mem is a regular file whose first page cannot be read (EIO).
    std::string bytes;
    auto result = FileSystem().readAll("/proc/self/mem", bytes, 1000);
    CHECK_FALSE(result.ok);
    CHECK(result.error == std::string("could not read /proc/self/mem: ") + std::strerror(EIO));
}

TEST_CASE("names beside a file stay within NAME_MAX, deterministic and distinct", "[io][names]")
{
    const std::string shortName = "map.cjm";
    CHECK(siblingFileName(shortName, ".~", ".lock") == ".~map.cjm.lock");
    CHECK(siblingFileName(shortName, "", ".bak") == "map.cjm.bak");

    const std::string name252 = std::string(248, 'n') + ".cjm";
    const std::string name255 = std::string(251, 'n') + ".cjm";
    for (const std::string &name : {name252, name255}) {
        INFO(name.size());
        const std::string lock = siblingFileName(name, ".~", ".lock");
        CHECK(lock.size() <= kMaxFileNameBytes);
        CHECK(lock.rfind(".~nnnn", 0) == 0);
        CHECK(lock.substr(lock.size() - 5) == ".lock");
        CHECK(lock == siblingFileName(name, ".~", ".lock"));
        CHECK(backupPathFor(fs::path("/x") / name).filename().string().size() <= kMaxFileNameBytes);
    }
    CHECK(siblingFileName(name252, ".~", ".lock") != siblingFileName(name255, ".~", ".lock"));

    // Cut between characters, never inside one.
    std::string chinese;
    while (chinese.size() < 250)
        chinese += "旅程";
    chinese += ".cjm";
    const std::string backup = siblingFileName(chinese, "", ".bak");
    CHECK(backup.size() <= kMaxFileNameBytes);
    CHECK(isValidUtf8(backup));
}

TEST_CASE("a 252- or 255-byte file name saves, and its backup and temporaries fit", "[io][names]")
{
    TempDir dir;
    for (const std::size_t size : {std::size_t(252), std::size_t(255)}) {
        INFO(size);
        const fs::path file = dir.path / (std::string(size - 4, 'm') + ".cjm");
        REQUIRE(FileSystem().writeAtomically(file, "first").ok);
        REQUIRE(FileSystem().writeAtomically(file, "second").ok);
        CHECK(test::readText(file.string()) == "second");
        const fs::path backup = backupPathFor(file);
        REQUIRE(FileSystem().writeAtomically(backup, "first").ok);
        CHECK(test::readText(backup.string()) == "first");
    }
    CHECK(dir.fileCount() == 4); // two maps, two backups, no temporary
}

TEST_CASE("a temporary left by a killed save goes at the next save; a live writer's stays", "[io][leftovers]")
{
    TempDir dir;
    const fs::path file = dir.path / "map.cjm";
    REQUIRE(FileSystem().writeAtomically(file, "map").ok);
    auto touch = [&](const std::string &name) {
        REQUIRE(FileSystem().writeAtomically(dir.path / name, "half a save").ok);
        return dir.path / name;
    };
    const fs::path killed = touch(".map.cjm.Ab3dE9");     // old, nobody holds it: left by a kill
    const fs::path live = touch(".map.cjm.Zz09ab");       // old, but its writer still holds it (a slow disk)
    const fs::path fresh = touch(".map.cjm.Fr35h0");      // just written: maybe a save on another computer
    const fs::path otherMap = touch(".other.cjm.Ab3dE9"); // another map's
    const fs::path notOurs = touch(".map.cjm.Ab3dE9x");   // not our pattern
    const fs::path mine = touch("map.cjm.Ab3dE9");        // not hidden: a user's file
    for (const fs::path &old : {killed, live, otherMap, notOurs, mine})
        makeOld(old, std::chrono::hours(1));
    const int liveWriter = ::open(live.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(liveWriter >= 0);
    REQUIRE(::flock(liveWriter, LOCK_EX | LOCK_NB) == 0);

    REQUIRE(FileSystem().writeAtomically(file, "saved again").ok);
    ::close(liveWriter);

    CHECK_FALSE(fs::exists(killed));
    CHECK(fs::exists(live));
    CHECK(fs::exists(fresh));
    CHECK(fs::exists(otherMap));
    CHECK(fs::exists(notOurs));
    CHECK(fs::exists(mine));
    CHECK(test::readText(file.string()) == "saved again");

    // Once its writer is gone, the old one goes too (here asked for directly,
    // as the editor does when it opens a map).
    CHECK(removeStaleTemporaries(file) == 1);
    CHECK_FALSE(fs::exists(live));
    CHECK(fs::exists(fresh));
}

TEST_CASE("a long name's leftover temporary is found under its shortened name", "[io][leftovers][names]")
{
    TempDir dir;
    const fs::path file = dir.path / (std::string(248, 'n') + ".cjm");
    REQUIRE(FileSystem().writeAtomically(file, "map").ok);
    const std::string stem = siblingFileName(file.filename().string(), ".", ".XXXXXX");
    const fs::path leftover = dir.path / (stem.substr(0, stem.size() - 6) + "q1W2e3");
    REQUIRE(leftover.filename().string().size() <= kMaxFileNameBytes);
    REQUIRE(FileSystem().writeAtomically(leftover, "half a save").ok);
    makeOld(leftover, std::chrono::hours(1));
    CHECK(removeStaleTemporaries(file) == 1);
    CHECK(dir.fileCount() == 1);
}
