// Atomic save and its failures, through the FileSystem seam: a full disk or
// a vanished folder is simulated, not hoped for.
#include <catch2/catch.hpp>

#include <cerrno>
#include <filesystem>
#include <sys/stat.h>

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
