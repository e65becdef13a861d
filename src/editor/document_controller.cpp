#include "document_controller.hpp"

#include <QCryptographicHash>
#include <QFileInfo>
#include <algorithm>
#include <spdlog/spdlog.h>

#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "edit_command.hpp"
#include "file_paths.hpp"
#include "map_operations.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
// Through core's one reader: a path that became a named pipe or a device
// meanwhile is refused at once instead of hanging the window.
QByteArray hashOfFile(const QString &path)
{
    std::string bytes;
    if (!defaultFileSystem().readAll(nativePath(path), bytes, ReadLimits{}.maxFileBytes).ok)
        return {};
    return QCryptographicHash::hash(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())),
                                    QCryptographicHash::Sha256);
}
} // namespace

DocumentController::DocumentController(QObject *parent)
    : QObject(parent), m_operations(std::make_unique<MapOperations>(this))
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (!m_shared)
            emit modifiedChanged(!clean);
    });
    m_diskCheck.setSingleShot(true);
    m_diskCheck.setInterval(300);
    connect(&m_diskCheck, &QTimer::timeout, this, &DocumentController::checkDisk);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &) { m_diskCheck.start(); });
    // A save by rename replaces the file: the watcher loses it, and its folder
    // tells us when the new one appears.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &) { m_diskCheck.start(); });
}

DocumentController::~DocumentController()
{
    // Clearing the undo stack on the way out must not announce changes to
    // views that are being destroyed alongside us.
    m_undoStack.blockSignals(true);
    blockSignals(true);
}

QString DocumentController::displayName() const
{
    if (!m_teamName.isEmpty())
        return m_teamName;
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

void DocumentController::setTeamName(const QString &name)
{
    if (m_teamName == name)
        return;
    m_teamName = name;
    emit filePathChanged(m_filePath); // the name shown changed: titles follow
}

void DocumentController::setHeldConflicts(std::vector<team::Conflict> conflicts)
{
    const auto same = [](const team::Conflict &a, const team::Conflict &b) {
        return a.entity == b.entity && a.id == b.id && a.field == b.field && a.mine == b.mine && a.theirs == b.theirs &&
               a.theirAuthor == b.theirAuthor && a.theirSeq == b.theirSeq;
    };
    if (std::equal(conflicts.begin(), conflicts.end(), m_heldConflicts.begin(), m_heldConflicts.end(), same))
        return;
    m_heldConflicts = std::move(conflicts);
    emit heldConflictsChanged();
}

bool DocumentController::apply(EditPtr edit, const QString &text, MergeKey merge)
{
    // push() calls redo(); a command whose edit does not fit marks itself
    // obsolete and the stack discards it. It reports through m_lastApplied
    // because the stack may already have deleted it when push() returns.
    m_lastApplied = false;
    if (!edit)
        return false;
    if (m_readOnly) {
        emit editRefused();
        return false;
    }
    m_undoStack.push(new EditCommand(this, std::move(edit), text, merge));
    return m_lastApplied;
}

void DocumentController::resetDocument(Document document, const QString &filePath)
{
    m_document = std::move(document);
    m_undoStack.clear();
    m_undoStack.setClean();
    // The real file, should `filePath` be a link (a recovery copy's record
    // of a map opened before links were followed).
    const QString resolved = resolvedFilePath(filePath);
    const bool pathChanged = m_filePath != resolved;
    m_filePath = resolved;
    // What is on disk now is what this map will be compared with.
    m_diskHash = m_filePath.isEmpty() ? QByteArray() : hashOfFile(m_filePath);
    m_announcedHash = m_diskHash;
    watch(m_filePath);
    emit documentReset();
    emit modifiedChanged(false);
    if (pathChanged)
        emit filePathChanged(m_filePath);
}

bool DocumentController::changedOnDisk() const
{
    if (m_filePath.isEmpty() || !fileExists(m_filePath))
        return false;
    return hashOfFile(m_filePath) != m_diskHash;
}

bool DocumentController::load(const QString &filePath, Problems &problems)
{
    // Resolved once, here: from now on this map is the file the link pointed
    // at, and saves, the lock and the watch on the disk all go to that file.
    const QString resolved = resolvedFilePath(filePath);
    auto result = readDocumentFile(nativePath(resolved));
    if (!result.ok()) {
        problems = std::move(result.problems);
        spdlog::warn("could not open {}: {} problem(s)", toStdString(filePath), problems.size());
        return false;
    }
    // A save of this map that was killed halfway left its temporary file.
    removeStaleTemporaries(nativePath(resolved));
    resetDocument(std::move(*result.document), resolved);
    spdlog::info("opened {}", toStdString(filePath));
    return true;
}

bool DocumentController::reload(Problems &problems)
{
    if (m_filePath.isEmpty())
        return false;
    return load(m_filePath, problems);
}

void DocumentController::setShared(bool shared)
{
    if (m_shared == shared)
        return;
    // The steps so far were made by reverting edits: they cannot be undone
    // on a map teammates change, and a map made shared starts a new history.
    m_undoStack.clear();
    m_undoStack.setClean();
    m_shared = shared;
    emit modifiedChanged(isModified());
}

void DocumentController::applyRemote(Document document, const ChangeSet &changes)
{
    m_document = std::move(document);
    m_applyingRemote = true;
    emit changed(changes);
    m_applyingRemote = false;
}

void DocumentController::acknowledgeDiskChange() { m_announcedHash = hashOfFile(m_filePath); }

void DocumentController::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    emit readOnlyChanged(readOnly);
}

void DocumentController::watch(const QString &path)
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    if (path.isEmpty())
        return;
    // A name Qt cannot spell (bytes that are not UTF-8) is not watched
    // itself; its folder still tells of a save that replaces it.
    if (qtCanUsePath(path))
        m_watcher.addPath(path);
    const QString folder = fromNativePath(nativePath(path).parent_path());
    if (qtCanUsePath(folder))
        m_watcher.addPath(folder);
}

void DocumentController::checkDisk()
{
    if (m_filePath.isEmpty() || !fileExists(m_filePath))
        return; // moved away or being replaced; a later event says more
    if (qtCanUsePath(m_filePath) && !m_watcher.files().contains(m_filePath))
        m_watcher.addPath(m_filePath); // the replaced file is a new one to watch
    const QByteArray hash = hashOfFile(m_filePath);
    if (hash.isEmpty() || hash == m_diskHash || hash == m_announcedHash)
        return;
    m_announcedHash = hash;
    spdlog::info("{} changed on disk", toStdString(m_filePath));
    emit fileChangedOnDisk();
}

bool DocumentController::save(const QString &filePath, QString &error)
{
    const std::string bytes = writeDocument(m_document);
    // A new name (Save As) may be a link: the map becomes the file it points at.
    const QString absolute = resolvedFilePath(filePath);
    if (m_backups && !m_backedUp.contains(absolute) && fileExists(absolute)) {
        // The version before this session's work, in case the new one is regretted.
        std::string previous;
        auto read = defaultFileSystem().readAll(nativePath(absolute), previous, ReadLimits{}.maxFileBytes);
        if (read.ok) {
            const std::filesystem::path backupPath = backupPathFor(nativePath(absolute));
            auto backup = defaultFileSystem().writeAtomically(backupPath, previous);
            if (!backup.ok)
                spdlog::warn("could not keep a backup of {}: {}", toStdString(absolute), backup.error);
        }
        m_backedUp << absolute;
    }
    auto result = defaultFileSystem().writeAtomically(nativePath(absolute), bytes);
    if (!result.ok) {
        error = toQString(result.error);
        spdlog::error("could not save {}: {}", toStdString(filePath), result.error);
        return false;
    }
    if (m_shared) {
        // A team map stays the team's: Save As writes a copy, and the window
        // goes on editing the shared map.
        spdlog::info("saved a copy of {} as {}", toStdString(m_teamName), toStdString(filePath));
        return true;
    }
    m_diskHash = QCryptographicHash::hash(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())),
                                          QCryptographicHash::Sha256);
    m_announcedHash = m_diskHash;
    if (absolute != m_filePath) {
        m_filePath = absolute;
        watch(m_filePath);
        emit filePathChanged(m_filePath);
    }
    m_undoStack.setClean();
    spdlog::info("saved {}", toStdString(filePath));
    return true;
}

} // namespace cjm
