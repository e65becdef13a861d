#pragma once
// A lock beside an open map, so a teammate who opens the same file from a
// shared drive learns who has it open before two people edit one file.
//
// The lock is a QLockFile named ".~NAME.cjm.lock" next to the map (the
// convention office suites use, hidden on Unix), next to the real file when
// the map was named through a symbolic link; a name too long for that is
// shortened with a hash of it (see cjm::siblingFileName). QLockFile records the
// process id, program and host; the user is the lock file's owner. A lock
// left by a process that died on this host is stale and taken over.

#include <QDateTime>
#include <QLockFile>
#include <QString>
#include <memory>

namespace cjm {

struct LockHolder {
    QString user; // the lock file's owner; empty where the file system does not say
    QString host;
    qint64 pid = 0;
    QDateTime since; // when the lock was taken (the file's time)
};

class MapFileLock {
public:
    enum class Outcome {
        Locked,      // ours now
        HeldByOther, // someone else's; see holder()
        NotPossible, // the folder does not allow it (read-only, gone): open without a lock
    };

    MapFileLock();
    ~MapFileLock();
    MapFileLock(const MapFileLock &) = delete;
    MapFileLock &operator=(const MapFileLock &) = delete;

    static QString lockPathFor(const QString &mapPath);

    // Releases any lock held and tries to lock `mapPath` (the file it names:
    // lockedPath() is that file's resolved path).
    Outcome acquire(const QString &mapPath);
    void release();
    bool isLocked() const { return m_lock && m_lock->isLocked(); }
    QString lockedPath() const { return isLocked() ? m_mapPath : QString(); }
    // Who holds the lock, after acquire() returned HeldByOther.
    const LockHolder &holder() const { return m_holder; }
    // "alice on design-pc" for messages.
    static QString describe(const LockHolder &holder);

private:
    std::unique_ptr<QLockFile> m_lock;
    QString m_mapPath;
    LockHolder m_holder;
};

} // namespace cjm
