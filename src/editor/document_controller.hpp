#pragma once
// The document controller: owns the open map (a core Document), its file
// path and the undo stack of commands that wrap core edits. Every change goes
// through apply(); views listen to changed() and never poll.

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUndoStack>
#include <memory>
#include <string>
#include <vector>

#include "cjm/change_set.hpp"
#include "cjm/document.hpp"
#include "cjm/edit.hpp"
#include "cjm/problem.hpp"
#include "team_client.hpp"

namespace cjm {

class MapOperations;

// Commands of one gesture (a drag, typing in one field) merge into one undo
// step: same kind of change, same gesture serial.
struct MergeKey {
    int kind = -1; // -1: never merges
    quint64 gesture = 0;
};

// Kinds of change that merge, one id each (QUndoCommand::id()).
enum MergeKind : int {
    MergeMoveCards = 1,
    MergeEmotionScore,
    MergeField, // one inspector field; the gesture names field and entity
};

class DocumentController : public QObject {
    Q_OBJECT
public:
    explicit DocumentController(QObject *parent = nullptr);
    ~DocumentController() override;

    const Document &document() const { return m_document; }
    // Every change a user makes goes through these (map_operations.hpp).
    MapOperations &operations() { return *m_operations; }
    QUndoStack *undoStack() { return &m_undoStack; }
    QString filePath() const { return m_filePath; }
    // "Untitled" or the file's name, for titles and dialogs.
    QString displayName() const;
    // A map of the team library: its name in titles and dialogs ("id ·
    // title — Team Library"); empty for a file.
    void setTeamName(const QString &name);
    // A map of the team library (setShared) is never "modified": each edit is
    // sent as it is made.
    bool isModified() const { return !m_shared && !m_undoStack.isClean(); }
    // A new, unsaved and unchanged map: a place where Open can load a file
    // instead of opening another window.
    bool isPristine() const { return !m_shared && m_filePath.isEmpty() && !isModified() && m_undoStack.count() == 0; }

    // Pushes `edit` as one undo step named `text`. Returns false (and pushes
    // nothing) when the edit does not fit the document, or the map is
    // read-only (then editRefused() tells the window to say so). What it
    // changed is announced by changed(), as the edit itself tells it.
    bool apply(EditPtr edit, const QString &text, MergeKey merge = {});
    // A fresh serial for one gesture (a drag, a focus on a field).
    quint64 beginGesture() { return ++m_gestureSerial; }

    // Replaces the whole document (new map, open, revert): the undo history
    // starts over and the map is unmodified.
    void resetDocument(Document document, const QString &filePath);
    // Reads a file; on failure the current document is kept and the
    // problems are returned.
    bool load(const QString &filePath, Problems &problems);
    // Saves atomically. On failure the file on disk is untouched, the map
    // stays modified, and `error` says why.
    bool save(const QString &filePath, QString &error);
    // Keep the previous version as NAME.cjm.bak at the first save of a
    // session (setting "backups/enabled", on by default).
    void setBackupsEnabled(bool enabled) { m_backups = enabled; }
    // After restoring a recovery copy: the map differs from the file on disk.
    void markModified()
    {
        m_undoStack.resetClean();
        emit modifiedChanged(true);
    }
    // Whether the file was changed on disk since it was opened or saved here
    // (by a teammate, a sync tool, git): compared by content, not only by time.
    bool changedOnDisk() const;
    // Re-reads the file from disk, dropping the undo history. On failure the
    // open map is kept and the problems are returned.
    bool reload(Problems &problems);
    // After the user chose to keep their version over a change on disk: no
    // further announcements until the file changes again.
    void acknowledgeDiskChange();

    // A map opened read-only (someone else holds its lock): every edit is
    // refused; Save As makes an own copy.
    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);

    // A map of the team library, edited together with others (TeamSession).
    // Then each own edit, undo and redo is also told as the team operations
    // it made (localOperations), changes that arrive from teammates come in
    // through applyRemote() without an undo step, and undo and redo apply
    // the inverse operations to the map as it is now, so they undo only
    // one's own edits and never a teammate's. An undo whose entity a
    // teammate deleted meanwhile is refused (undoRefused) and leaves the stack.
    bool isShared() const { return m_shared; }
    void setShared(bool shared);
    // Replaces the map with `document` as the team's server has it (plus
    // this window's edits not yet sent) and announces `changes` (what differs
    // from the map shown before) through changed(), like any edit: the
    // canvas and panels follow. No undo step; the undo stack keeps the own
    // edits. isApplyingRemote() is true while changed() is emitted.
    void applyRemote(Document document, const ChangeSet &changes);
    bool isApplyingRemote() const { return m_applyingRemote; }
    // A shared map: own offline edits held because a teammate changed the
    // same field meanwhile (team::TeamClient::conflicts). The Conflicts
    // panel lists them; Keep Mine / Keep Theirs ask resolveHeldConflict.
    const std::vector<team::Conflict> &heldConflicts() const { return m_heldConflicts; }
    void setHeldConflicts(std::vector<team::Conflict> conflicts);
    void requestResolve(const team::Conflict &conflict, bool keepMine) { emit resolveHeldConflict(conflict, keepMine); }

    // Called by commands after they apply or revert an edit.
    Document &mutableDocumentForCommands() { return m_document; }
    void notifyChanged(const ChangeSet &changes) { emit changed(changes); }
    void reportApplied(bool applied) { m_lastApplied = applied; }
    void notifyLocalOperations(const std::vector<Json> &operations) { emit localOperations(operations); }
    void notifyUndoRefused(const QString &message) { emit undoRefused(message); }

signals:
    void documentReset();
    // An edit was applied, undone or redone: what it changed (for an undo,
    // the inverse of what the edit did). documentReset() covers the rest.
    void changed(const cjm::ChangeSet &changes);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);
    void readOnlyChanged(bool readOnly);
    void editRefused();
    // A shared map (setShared): what an own edit, undo or redo changed, as
    // team operations (src/team/operations.hpp), in the order applied.
    void localOperations(const std::vector<cjm::Json> &operations);
    // A shared map: an undo or redo could not be done (what it changed was
    // deleted by a teammate); `message` says so, for the message bar.
    void undoRefused(const QString &message);
    void heldConflictsChanged();
    // The Conflicts panel settled a held conflict (TeamSession does it).
    void resolveHeldConflict(const cjm::team::Conflict &conflict, bool keepMine);
    // The file's content on disk differs from what was opened or saved here.
    // Announced once per new content, a moment after the last write to it.
    void fileChangedOnDisk();

private:
    void watch(const QString &path);
    void checkDisk();

    Document m_document;
    QString m_filePath;
    QUndoStack m_undoStack;
    QByteArray m_diskHash;      // of the bytes last read from or written to m_filePath
    QByteArray m_announcedHash; // of the disk content last announced or acknowledged
    QFileSystemWatcher m_watcher;
    QTimer m_diskCheck; // settles bursts of writes (sync tools write in pieces)
    bool m_readOnly = false;
    bool m_shared = false;
    bool m_applyingRemote = false;
    QString m_teamName;
    std::vector<team::Conflict> m_heldConflicts;
    bool m_backups = true;
    QStringList m_backedUp; // files backed up this session
    bool m_lastApplied = false;
    quint64 m_gestureSerial = 0;
    std::unique_ptr<MapOperations> m_operations;
};

} // namespace cjm
