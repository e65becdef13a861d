#include "map_file_lock.hpp"

#include <QCoreApplication>
#include <QFileInfo>
#include <spdlog/spdlog.h>

#include "qt_text.hpp"

namespace cjm {

MapFileLock::MapFileLock() = default;
MapFileLock::~MapFileLock() = default;

QString MapFileLock::lockPathFor(const QString &mapPath)
{
    const QFileInfo info(mapPath);
    return info.absolutePath() + QStringLiteral("/.~") + info.fileName() + QStringLiteral(".lock");
}

MapFileLock::Outcome MapFileLock::acquire(const QString &mapPath)
{
    release();
    m_holder = {};
    const QString lockPath = lockPathFor(mapPath);
    auto lock = std::make_unique<QLockFile>(lockPath);
    // A map may stay open for days: age alone never makes a lock stale, only
    // a holder that is no longer running on this host (QLockFile checks that).
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        m_lock = std::move(lock);
        m_mapPath = QFileInfo(mapPath).absoluteFilePath();
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
    const QString host = holder.host.isEmpty() ? QCoreApplication::translate("MapFileLock", "another computer") : holder.host;
    if (holder.user.isEmpty())
        return QCoreApplication::translate("MapFileLock", "someone on %1").arg(host);
    return QCoreApplication::translate("MapFileLock", "%1 on %2").arg(holder.user, host);
}

} // namespace cjm
