#include "recovery_store.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QUuid>
#include <csignal>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <optional>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
const QString kSessionLockPrefix = QStringLiteral("session-");
const QString kSessionLockSuffix = QStringLiteral(".lock");

bool processRuns(qint64 pid)
{
    // Signal 0 checks for existence; EPERM means it runs under another user.
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

QByteArray readSmallFile(const QString &path)
{
    // /proc files report size 0: read until the end instead of by size.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return file.readAll();
}

// The session lock this process holds in one recovery folder, for as long as
// it runs. flock belongs to the open file description: the kernel releases it
// when the process dies however it dies, and O_CLOEXEC keeps programs this
// process starts from inheriting it (they would keep a crashed session "alive").
class SessionLocks {
public:
    SessionLocks() = default;
    SessionLocks(const SessionLocks &) = delete;
    SessionLocks &operator=(const SessionLocks &) = delete;
    // A normal exit takes its lock files along (still holding them, so no
    // other process is deciding about them); after a crash the next start's
    // orphans() clears them. A copy left naming a lock file that is gone is
    // judged by its writer's identity instead.
    ~SessionLocks()
    {
        for (const auto &[folder, lock] : m_locks) {
            ::unlink(QFile::encodeName(folder + QLatin1Char('/') + lock.name).constData());
            ::close(lock.fd);
        }
    }

    // The lock file's name in `folder`, taken on first use; empty if the
    // folder does not allow a lock (the copy is then judged by its identity).
    QString nameFor(const QString &folder)
    {
        const std::lock_guard guard(m_mutex); // autosaves write from worker threads
        auto found = m_locks.find(folder);
        if (found != m_locks.end())
            return found->second.name;
        for (int attempt = 0; attempt < 3; ++attempt)
            if (const Lock lock = tryLock(folder); lock.fd >= 0) {
                m_locks.emplace(folder, lock);
                return lock.name;
            }
        return {};
    }

private:
    struct Lock {
        QString name;
        int fd = -1;
    };

    static Lock tryLock(const QString &folder)
    {
        const QString name = kSessionLockPrefix + QString::number(QCoreApplication::applicationPid()) +
                             QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(12) +
                             kSessionLockSuffix;
        const QByteArray path = QFile::encodeName(folder + QLatin1Char('/') + name);
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return {};
        struct stat opened {};
        struct stat named {};
        // A sweep (orphans()) may unlink the new file before it is locked; a
        // lock on an unlinked file protects nothing, so check it is still there.
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::fstat(fd, &opened) == 0 && ::stat(path.constData(), &named) == 0 &&
            opened.st_dev == named.st_dev && opened.st_ino == named.st_ino)
            return {name, fd}; // the descriptor stays open until the process ends
        ::close(fd);
        return {};
    }

    std::mutex m_mutex;
    std::map<QString, Lock> m_locks;
};

SessionLocks &sessionLocks()
{
    static SessionLocks locks;
    return locks;
}

enum class LockState { Held, Free, Unknown };

// Whether some process holds the session lock `name` in `folder`. With
// `removeIfFree`, a free lock is deleted while this probe holds it, so no
// process can be taking it at that moment.
LockState probeLock(const QString &folder, const QString &name, bool removeIfFree = false)
{
    const QByteArray path = QFile::encodeName(folder + QLatin1Char('/') + name);
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return LockState::Unknown; // gone (or unreadable): the lock cannot tell
    LockState state = LockState::Unknown;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
        state = LockState::Free;
        if (removeIfFree)
            ::unlink(path.constData());
    } else if (errno == EWOULDBLOCK) {
        state = LockState::Held; // by another process, or by this one through its own descriptor
    }
    ::close(fd);
    return state;
}

qint64 ownStartTime()
{
    static const qint64 startTime = processStartTime(QCoreApplication::applicationPid());
    return startTime;
}

struct ProcessStat {
    char state = '?';
    qint64 startTime = -1;
};

std::optional<ProcessStat> readProcessStat(qint64 pid)
{
    if (pid <= 0)
        return std::nullopt;
    const QByteArray line = readSmallFile(QStringLiteral("/proc/%1/stat").arg(pid));
    // "PID (COMM) STATE ..." where COMM may hold spaces and parentheses: the
    // fields are counted from the last ')'. STATE is field 3, starttime field 22.
    const qsizetype commEnd = line.lastIndexOf(')');
    if (commEnd < 0)
        return std::nullopt;
    const QList<QByteArray> fields = line.mid(commEnd + 1).simplified().split(' ');
    bool ok = false;
    const qint64 startTime = fields.size() >= 20 ? fields[19].toLongLong(&ok) : -1;
    if (!ok || fields[0].isEmpty())
        return std::nullopt;
    return ProcessStat{fields[0].at(0), startTime};
}

// Whether the process that wrote `entry` still runs.
bool writerRuns(const RecoveryEntry &entry, const QString &folder)
{
    if (!entry.lockName.isEmpty()) {
        switch (probeLock(folder, entry.lockName)) {
        case LockState::Held: return true;
        case LockState::Free: return false;
        case LockState::Unknown: break; // fall back on the identity below
        }
    }
    if (!processRuns(entry.pid))
        return false;
    const auto stat = readProcessStat(entry.pid);
    if (stat && (stat->state == 'Z' || stat->state == 'X'))
        return false; // killed, not yet reaped by its parent
    if (entry.startTime < 0 && entry.bootId.isEmpty()) {
        // A copy from before the identity was recorded: the pid is all there
        // is. This process has written nothing under its pid before.
        return entry.pid != QCoreApplication::applicationPid();
    }
    // The same pid in another boot, or started at another time, is another process.
    const QString bootId = currentBootId();
    if (!entry.bootId.isEmpty() && !bootId.isEmpty() && entry.bootId != bootId)
        return false;
    if (entry.startTime >= 0 && stat)
        return stat->startTime == entry.startTime;
    return true; // nothing more to tell them apart
}
} // namespace

QString currentBootId()
{
    static const QString bootId =
        QString::fromLatin1(readSmallFile(QStringLiteral("/proc/sys/kernel/random/boot_id")).trimmed());
    return bootId;
}

qint64 processStartTime(qint64 pid)
{
    const auto stat = readProcessStat(pid);
    if (!stat || stat->state == 'Z' || stat->state == 'X')
        return -1;
    return stat->startTime;
}

RecoveryStore::RecoveryStore(QString folder) : m_folder(std::move(folder))
{
    if (m_folder.isEmpty())
        m_folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

bool RecoveryStore::write(const QString &id, const Document &document, const QString &originalPath,
                          QString &error) const
{
    if (!QDir().mkpath(m_folder)) {
        error = QCoreApplication::translate("Recovery", "Cannot create the folder %1").arg(m_folder);
        return false;
    }
    const std::string bytes = writeDocument(document);
    auto written = defaultFileSystem().writeAtomically(
        toStdString(m_folder + QLatin1Char('/') + id + QStringLiteral(".cjm")), bytes);
    if (!written.ok) {
        error = toQString(written.error);
        return false;
    }
    QJsonObject info;
    info[QStringLiteral("original")] = originalPath;
    info[QStringLiteral("title")] = toQString(document.journey().title);
    info[QStringLiteral("time")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    info[QStringLiteral("pid")] = QCoreApplication::applicationPid();
    // Who wrote it, beyond a pid that another process may carry later.
    const QString lockName = sessionLocks().nameFor(m_folder);
    if (!lockName.isEmpty())
        info[QStringLiteral("lock")] = lockName;
    if (!currentBootId().isEmpty())
        info[QStringLiteral("bootId")] = currentBootId();
    if (ownStartTime() >= 0)
        info[QStringLiteral("startTime")] = ownStartTime();
    const QByteArray json = QJsonDocument(info).toJson();
    written =
        defaultFileSystem().writeAtomically(toStdString(m_folder + QLatin1Char('/') + id + QStringLiteral(".json")),
                                            std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
    if (!written.ok) {
        error = toQString(written.error);
        return false;
    }
    return true;
}

void RecoveryStore::remove(const QString &id) const
{
    QFile::remove(m_folder + QLatin1Char('/') + id + QStringLiteral(".cjm"));
    QFile::remove(m_folder + QLatin1Char('/') + id + QStringLiteral(".json"));
}

std::vector<RecoveryEntry> RecoveryStore::all() const
{
    std::vector<RecoveryEntry> entries;
    const QDir dir(m_folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Time)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
        RecoveryEntry entry;
        entry.id = name.chopped(5);
        entry.mapPath = dir.filePath(entry.id + QStringLiteral(".cjm"));
        if (!QFile::exists(entry.mapPath))
            continue;
        entry.originalPath = info.value(QStringLiteral("original")).toString();
        entry.title = info.value(QStringLiteral("title")).toString();
        entry.time = QDateTime::fromString(info.value(QStringLiteral("time")).toString(), Qt::ISODate);
        entry.pid = info.value(QStringLiteral("pid")).toInteger();
        entry.bootId = info.value(QStringLiteral("bootId")).toString();
        entry.startTime = info.value(QStringLiteral("startTime")).toInteger(-1);
        entry.lockName = info.value(QStringLiteral("lock")).toString();
        // Only a plain file name in this folder, whatever the JSON says.
        if (entry.lockName.contains(QLatin1Char('/')) || !entry.lockName.startsWith(kSessionLockPrefix))
            entry.lockName.clear();
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::vector<RecoveryEntry> RecoveryStore::orphans() const
{
    std::vector<RecoveryEntry> entries;
    QSet<QString> namedLocks;
    for (auto &entry : all()) {
        namedLocks.insert(entry.lockName);
        if (!writerRuns(entry, m_folder))
            entries.push_back(std::move(entry));
    }
    // Sessions that ended leave their lock file; once no copy names it, it goes.
    const QDir dir(m_folder);
    for (const QString &name : dir.entryList({kSessionLockPrefix + QLatin1Char('*') + kSessionLockSuffix}, QDir::Files))
        if (!namedLocks.contains(name))
            probeLock(m_folder, name, true);
    return entries;
}

} // namespace cjm
