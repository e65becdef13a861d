#pragma once
// The engine behind one open team map (docs/team.md): what every editor window
// of a map from the team library talks to. No Qt; not thread-safe: the editor
// runs one TeamClient on one worker thread.
//
// - document() is the confirmed map (the server's operations in the server's
//   order) with this client's pending operations re-applied on top: what the
//   user sees. After everyone has synced, every client holds the server's map;
//   for one field the server's last writer wins.
// - submit() applies a local edit's operations at once and appends them to a
//   local journal (fsync'd before it returns: they survive kill -9). sync()
//   sends them, as one change set per submit, and receives the others'. The
//   server keeps each operation once, even when a client killed after sending
//   sends it again from its journal.
// - Offline: sync() never throws for a lost or unreachable server; the client
//   is then Offline, keeps every edit in the journal and tries again (the
//   caller waits retryDelay(): 0.5 s doubling to 30 s, back to 0.5 s on
//   success).
// - Conflicts: a pending "set" made while offline (or read back from the
//   journal) on a field that another client changed after the version it was
//   made on is not sent: it becomes a Conflict, held until resolve().
// - Presence (who has the map open, their selection), comments on cards and
//   history (restore an old version as the newest) go through the same
//   connection. Who may do what is the server's decision (row-level
//   security), never this class's.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cjm/change_set.hpp"
#include "cjm/document.hpp"
#include "team_library.hpp"

namespace cjm::team {

struct ClientOptions {
    std::string conninfo;    // libpq connection string, as for TeamLibrary
    std::string mapId;       // the map to open
    std::string journalPath; // this client's journal file (created when missing; its folder must exist).
                             // One journal per map and machine account; "<journalPath>.confirmed" caches
                             // the confirmed map for opening while offline. Locked while open: a second
                             // TeamClient on the same journal throws TeamError (Invalid).
    // A presence row not refreshed for this long does not count (a killed
    // client or a lost connection). The heartbeat is every presenceTimeout / 3,
    // so someone gone is gone from the others' lists within 10 s.
    std::chrono::milliseconds presenceTimeout{6000};
    // libpq connect_timeout in seconds when the connection string has none:
    // an unreachable server costs little.
    int connectTimeoutSeconds = 3;
};

enum class LinkState {
    Online,  // connected, nothing waiting to be sent (held conflicts aside)
    Offline, // not connected (never was, or the last attempt failed); edits go to the journal
    Syncing, // connected, with edits submitted since the last sync
};

// One of this client's operations that was not applied, and why ("it is no
// longer in the map": a teammate deleted the card meanwhile).
struct DroppedOperation {
    Json operation;
    std::string why;
};

// A pending "set" held because another client changed the same field after
// the version this edit was made on.
struct Conflict {
    std::string entity;         // "card", "stage", "persona", "lane", "journey", "map"
    std::string id;             // empty for the journey and the map
    std::string field;          // the file's key, or "place" for where a card is (a move: mine and theirs are
                                // {persona, stage, lane, order})
    std::optional<Json> mine;   // the value this client set (nullopt: the key removed)
    std::optional<Json> theirs; // the value on the server now (nullopt: the key is not set)
    std::string theirAuthor;    // the role that changed it last
    std::int64_t theirSeq = 0;  // the operation that changed it last
};

struct Presence {
    std::string role;                   // the database role (current_user of their session)
    std::string clientId;               // one per journal: a person with two windows on two maps has two
    std::vector<std::string> selection; // the card ids they have selected
    std::string seenAt;                 // last heartbeat, UTC YYYY-MM-DDThh:mm:ssZ
    bool self = false;                  // this client
};

struct Comment {
    std::int64_t id = 0;
    std::string cardId;
    std::optional<std::int64_t> parent; // the comment this replies to; nullopt: starts a thread
    std::string author;                 // set by the server (current_user), never by a client
    std::string time;                   // UTC YYYY-MM-DDThh:mm:ssZ
    std::string text;                   // plain text, as typed: never rich text
    bool resolved = false;
    std::string resolvedBy; // empty unless resolved
};

struct SyncResult {
    bool reachedServer = false; // false: offline (error says why); nothing else below is set
    std::string error;
    // What changed in document() by this sync (others' operations, own
    // operations dropped or held): for the canvas and the panels. Empty when
    // document() is as it was.
    ChangeSet changes;
    std::vector<Change> described;         // the same in cjm diff's words (only with sync(true))
    std::vector<std::string> authors;      // the roles whose change sets arrived, each once
    std::size_t sent = 0;                  // own operations the server acknowledged
    std::vector<DroppedOperation> dropped; // own operations that no longer fit the map (for the message bar)
    std::size_t newConflicts = 0;          // conflicts() grew by this many
    bool presenceChanged = false;
    bool commentsChanged = false;
};

// The writing side of a TeamClient's journal, shared with the thread that
// makes the edits (the editor's UI thread), so that an edit is on disk
// (fsync'd) the moment it is made, never waiting behind a sync that a dead
// link holds up (docs/team.md: Offline). Thread-safe: one mutex, held only
// while the journal file is written, never across the network.
//
// append() writes an entry in the journal's usual format and hands it back;
// TeamClient::submitJournalled(entry) then takes it in (applies it, sends it) without
// writing it again. Until then the client's own rewrites of the journal keep
// it.
class TeamJournal {
public:
    struct Entry {
        std::int64_t number = 0;                              // the journal's entry (one change set)
        std::int64_t base = 0;                                // the confirmed version it was made on
        std::vector<std::pair<std::string, Json>> operations; // (cid, operation)
    };

    // Journals `operations` as one entry, fsync'd before it returns. Throws
    // TeamError (Invalid) when it cannot be written or the journal is closed.
    Entry append(const std::vector<Json> &operations);
    // Closes the journal and releases its lock at once (a window closed
    // while its network thread is still busy): nothing is written to it
    // afterwards, so another client may open it. Everything appended is on
    // disk already.
    void close();
    bool isClosed() const;

    TeamJournal(const TeamJournal &) = delete;
    TeamJournal &operator=(const TeamJournal &) = delete;
    ~TeamJournal();

private:
    friend class TeamClient;
    TeamJournal() = default;
    // The caller holds `mutex`.
    void appendLine(const std::string &line);
    void reopen();

    mutable std::mutex mutex;
    std::string path;
    std::string header;   // the journal's first line
    std::string clientId; // for the cids
    int fd = -1;
    int lockFd = -1;
    bool closed = false;
    std::int64_t nextEntry = 1;
    std::int64_t base = 0;
    std::vector<Entry> outstanding; // appended, not yet taken in by the client
};

class TeamClient {
public:
    // Reads the journal (pending operations from an earlier run, perhaps one
    // killed), then connects and opens the map. An unreachable server is no
    // error: the client starts Offline with the map cached by the last run
    // (hasDocument() false when there is none). Throws TeamError for
    // PermissionDenied / UnknownMap when the server says so, and Invalid for a
    // journal of another map or one in use by another TeamClient.
    explicit TeamClient(ClientOptions options);
    // Removes this client's presence row (others see it gone at once) and
    // keeps the journal and the cache for the next start.
    ~TeamClient();
    TeamClient(const TeamClient &) = delete;
    TeamClient &operator=(const TeamClient &) = delete;

    const std::string &mapId() const;
    const std::string &clientId() const; // stable across runs on the same journal
    std::string role() const;            // the database role (empty until connected once)

    bool hasDocument() const; // false only when started offline with no cache
    // Confirmed + pending re-applied (held conflicts left out): what the user sees.
    const Document &document() const;
    // The server's map as this client last saw it, and its version (seq).
    const Document &confirmed() const;
    std::int64_t confirmedSeq() const;

    // A local edit: its operations (operationsFor / operationsBetween) are
    // applied to document() and journalled (fsync'd) before this returns.
    // Returns what they changed in document(). Operations that do not fit
    // document() are left out and returned in `dropped` (when given). A "set"
    // of a field in conflict ends that conflict (its held edits are dropped:
    // the new edit is what the user wants now).
    ChangeSet submit(const std::vector<Json> &operations, std::vector<DroppedOperation> *dropped = nullptr);
    // The same for an edit already journalled by journal()->append() (on
    // another thread): applied and sent, not written again.
    ChangeSet submitJournalled(const TeamJournal::Entry &journalled, std::vector<DroppedOperation> *dropped = nullptr);
    // The journal, for writing edits from another thread at once (see
    // TeamJournal). Outlives the client when kept.
    std::shared_ptr<TeamJournal> journal() const;

    // Reconnects if needed, sends what is pending (conflicting offline "set"s
    // held back), receives the others' operations, refreshes presence (the
    // heartbeat) and comments when they changed. Never throws for a lost or
    // unreachable server: reachedServer is false and state() Offline. With
    // `describe`, SyncResult::described says what changed in cjm diff's words.
    // Throws TeamError only for what retrying cannot mend (PermissionDenied:
    // access withdrawn).
    SyncResult sync(bool describe = false);
    // Drops the connection (work offline, or a test's lost connection); the
    // next sync() connects again.
    void disconnect();

    LinkState state() const;
    std::size_t pendingCount() const;             // operations not yet acknowledged by the server (held ones included)
    std::chrono::milliseconds retryDelay() const; // wait before the next sync() while Offline
    // How long the worker may wait (on listenSocket()) before calling sync()
    // again: the heartbeat or, offline, retryDelay().
    std::chrono::milliseconds nextWakeup() const;

    // The socket of the connection that LISTENs for this map's operations,
    // presence and comments (-1 while offline): poll it for reading, then
    // call waitForNews(0) and sync(). It changes after a reconnect: read it
    // again after each sync(). Notifications that arrive while sync() runs
    // are handled by that sync() (the socket would not wake anyone for them).
    int listenSocket() const;
    // Waits up to timeoutMs for a notification about this map; true when one
    // came or the connection was lost. Either way call sync() next: on a
    // timeout too, since sync() is also the presence heartbeat. The worker's
    // loop: `client.waitForNews(nextWakeup()); client.sync();` (nextWakeup()
    // is capped by the caller, e.g. at 1 s, to look at its own queue).
    bool waitForNews(int timeoutMs);

    // Conflicts of offline edits, oldest first.
    const std::vector<Conflict> &conflicts() const;
    // keepMine: the held operation is sent at the next sync (last writer:
    // mine). Otherwise it is dropped and the server's value stays. Either way
    // the conflict is gone, the journal updated. Returns what changed in document().
    ChangeSet resolve(std::size_t conflictIndex, bool keepMine);

    // Presence. The selection is sent with the next sync(); the heartbeat is
    // part of sync().
    void setPresence(const std::vector<std::string> &selectedCardIds);
    // Who has the map open (as of the last sync), this client included.
    const std::vector<Presence> &presence() const;

    // Comments: need the server (throw TeamError Unreachable offline, and
    // PermissionDenied for a viewer). The list is refreshed by sync().
    std::int64_t addComment(const std::string &cardId, const std::string &text,
                            std::optional<std::int64_t> replyTo = std::nullopt);
    void resolveComment(std::int64_t commentId, bool resolved = true);
    const std::vector<Comment> &comments() const; // by id (= time order)

    // History (need the server; throw TeamError Unreachable offline).
    std::vector<Version> history();
    Document documentAt(std::int64_t version);
    // Makes the map as it was at `version` the newest version: the operations
    // from the map now to it, as one change set (history shows it). Returns
    // the new version's seq. Throws (Invalid) sending nothing when the
    // operations cannot carry it, Unreachable when offline.
    std::int64_t restore(std::int64_t version);

private:
    ChangeSet submitEntry(const TeamJournal::Entry &entry, bool journalled, std::vector<DroppedOperation> *dropped);

    struct Impl;
    std::unique_ptr<Impl> m;
};

// A file name (no folder) for the journal of `mapId` reached through
// `conninfo`: different servers, databases or users get different journals.
// The editor keeps journals in its data folder (QStandardPaths::AppDataLocation/team).
std::string journalFileName(const std::string &conninfo, const std::string &mapId);

} // namespace cjm::team
