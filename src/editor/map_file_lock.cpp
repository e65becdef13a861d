#include "map_file_lock.hpp"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <spdlog/spdlog.h>

#include "cjm/file_io.hpp"
#include "file_paths.hpp"
#include "qt_text.hpp"

namespace cjm {

MapFileLock::MapFileLock() = default;
MapFileLock::~MapFileLock() = default;

QString MapFileLock::lockPathFor(const QString &mapPath)
{
    // Beside the real file, so that a link and its target (or two links to
    // one map) share one lock; a long name is shortened to stay within
    // NAME_MAX (a lock that cannot be created is no lock at all).
    const std::filesystem::path real = nativePath(resolvedFilePath(mapPath));
    std::string name = real.filename().string();
    if (!qtCanUsePath(fromNativePath(name))) {
        // Bytes that are not UTF-8 (QLockFile could not spell them): each
        // becomes "_", and a hash of the real name keeps the lock its own.
        QString readable = fromNativePath(name);
        for (QChar &c : readable)
            if (c.unicode() >= 0xDC80 && c.unicode() <= 0xDCFF)
                c = QLatin1Char('_');
        const QByteArray hash =
            QCryptographicHash::hash(QByteArray::fromStdString(name), QCryptographicHash::Sha256).toHex().left(16);
        name = nativePath(readable).string() + "~" + hash.toStdString();
    }
    return fromNativePath(real.parent_path() / siblingFileName(name, ".~", ".lock"));
}

MapFileLock::Outcome MapFileLock::acquire(const QString &mapPath)
{
    release();
    m_holder = {};
    const QString realPath = resolvedFilePath(mapPath);
    const QString lockPath = lockPathFor(realPath);
    auto lock = std::make_unique<QLockFile>(lockPath);
    // A map may stay open for days: age alone never makes a lock stale, only
    // a holder that is no longer running on this host (QLockFile checks that).
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        m_lock = std::move(lock);
        m_mapPath = realPath;
        return Outcome::Locked;
    }
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, app;
        lock->getLockInfo(&pid, &host, &app);
        const QFileInfo info(lockPath);
        m_holder = {info.owner(), host, pid, info.lastModified()};
        return Outcome::HeldByOther;
    }
    spdlog::info("no lock for {}: the folder does not allow one", toStdString(mapPath));
    return Outcome::NotPossible;
}

void MapFileLock::release()
{
    m_lock.reset(); // QLockFile unlocks (removes the file) when destroyed
    m_mapPath.clear();
}

QString MapFileLock::describe(const LockHolder &holder)
{
    const QString host =
        holder.host.isEmpty() ? QCoreApplication::translate("MapFileLock", "another computer") : holder.host;
    if (holder.user.isEmpty())
        return QCoreApplication::translate("MapFileLock", "someone on %1").arg(host);
    return QCoreApplication::translate("MapFileLock", "%1 on %2").arg(holder.user, host);
}

} // namespace cjm
