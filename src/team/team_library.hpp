#pragma once
// A shared team library of maps on PostgreSQL (docs/team.md), through libpq.
// A map there is a snapshot plus an append-only log of field-level operations
// (operations.hpp), each stamped by the server with its author (the database
// role), its time and the map's next sequence number. Who may read, edit or
// grant is decided by the server (row-level security), never here.
//
// The connection string goes to libpq as it is: host, port, dbname, user,
// sslmode, service (pg_service.conf) and the password from ~/.pgpass or
// PGPASSFILE. Nothing here stores a credential.
//
// Every failure is a TeamError that says which: the server cannot be
// reached, permission denied, an unknown map, a library never initialised.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cjm/diff.hpp"
#include "cjm/document.hpp"

namespace cjm::team {

enum class Access { Viewer, Editor, Owner };
std::string_view toString(Access access);
std::optional<Access> accessFromString(std::string_view text);

class TeamError : public std::runtime_error {
public:
    enum class Kind { Unreachable, PermissionDenied, UnknownMap, NotInitialized, Invalid, Server };
    TeamError(Kind kind, const std::string &message) : std::runtime_error(message), m_kind(kind) {}
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

// A map id: a letter or digit, then letters, digits, '.', '_' or '-', at most 128.
bool isValidMapId(std::string_view id);

// Why libpq cannot read `conninfo` as a connection string ("missing \"=\"
// after \"x\" in connection info string"); empty when it can. Nothing is
// connected.
std::string conninfoProblem(const std::string &conninfo);

struct MapSummary {
    std::string id;
    std::string title;  // the journey's title now
    std::string access; // viewer, editor or owner: the caller's (administrator: owns the tables, no member)
    std::int64_t seq = 0;
};

struct StoredOperation {
    std::int64_t seq = 0;
    std::int64_t changeSet = 0; // the transaction that appended it: one push, one edit
    std::string author;
    std::string time; // UTC, YYYY-MM-DDThh:mm:ssZ
    Json operation;
    std::string client;   // the TeamClient that sent it (empty: the CLI, raw SQL)
    std::string clientOp; // its id at that client
};

// One operation a TeamClient sends: its id there (kept once by the server).
struct ClientOperation {
    std::string id;
    Json operation;
};

// A row of cjm_team.presence (who has the map open).
struct PresenceRow {
    std::string clientId;
    std::string role;
    Json selection;
    std::string seenAt;
};

// A row of cjm_team.comments.
struct CommentRow {
    std::int64_t id = 0;
    std::string cardId;
    std::optional<std::int64_t> parent;
    std::string author;
    std::string time;
    std::string text;
    bool resolved = false;
    std::string resolvedBy;
};

// A notification heard on LISTEN: "cjm_team" (operations),
// "cjm_team_presence" or "cjm_team_comments", and the map it is about.
struct Notification {
    std::string channel;
    std::string mapId;
};

// One change set of a map's history; version 0 is the map as first pushed.
struct Version {
    std::int64_t version = 0; // the seq the map reached with it
    std::string author;
    std::string time;
    std::size_t operations = 0;
    std::string summary; // "2 set, 1 add"
};

struct Snapshot {
    std::int64_t seq = 0;
    Document document;
};

class Connection;

class TeamLibrary {
public:
    // Connects; throws TeamError (Unreachable) when it cannot.
    explicit TeamLibrary(std::string conninfo);
    // Without connecting (connected() false until reconnect() works). With
    // connectTimeoutSeconds > 0, libpq's connect_timeout unless the string
    // sets one.
    struct Deferred {
        int connectTimeoutSeconds = 0;
    };
    TeamLibrary(std::string conninfo, Deferred deferred);
    ~TeamLibrary();
    TeamLibrary(const TeamLibrary &) = delete;
    TeamLibrary &operator=(const TeamLibrary &) = delete;

    // Drops the connection and makes a new one (after the server restarted).
    void reconnect();
    void disconnect();
    bool connected() const;
    // The database role this session acts as (the author of what it writes).
    std::string role();

    // Creates the schema or migrates it to the latest version; returns the
    // version the database was at before (0: it had none). Then forgets the
    // memberships and presence rows of roles that no longer exist (DROP ROLE
    // keeps them: a new role of that name would inherit the access) and
    // presence rows not heard of for a day.
    int init();
    // The same up to `version` only (tests of the migrations).
    int migrateTo(int version);
    // The maps the caller can see, by id.
    std::vector<MapSummary> list();

    // A new map holding `document` (its version 0); the caller becomes its
    // owner. Without an id, one is made up. Returns the id.
    std::string create(const Document &document, std::optional<std::string> id = std::nullopt);
    // Whether the caller can see the map. Throws UnknownMap when no map has
    // that id, PermissionDenied when it exists but the caller is no member.
    void requireMap(const std::string &id);

    // The newest snapshot (at or before version `upTo`), and the operations
    // after `seq` (up to `upTo`).
    Snapshot latestSnapshot(const std::string &id, std::optional<std::int64_t> upTo = std::nullopt);
    std::vector<StoredOperation> operationsAfter(const std::string &id, std::int64_t seq,
                                                 std::optional<std::int64_t> upTo = std::nullopt);
    // Appends operations as one change set; returns the seq of the last one.
    std::int64_t append(const std::string &id, const std::vector<Json> &operations);
    // The same for a TeamClient: operations the map has already (by their id)
    // are skipped. Returns the last seq appended (0: all were there).
    std::int64_t appendFrom(const std::string &id, const std::string &client,
                            const std::vector<ClientOperation> &operations);
    // The seq of the newest snapshot (compaction).
    std::int64_t latestSnapshotSeq(const std::string &id);
    // Stores the map as it is after operation `seq` (compaction). False when
    // the caller may not (a viewer), `seq` is not the newest operation any
    // more, or a snapshot of that seq is there already.
    bool writeSnapshot(const std::string &id, std::int64_t seq, const Document &document);

    std::vector<Version> history(const std::string &id);
    void grant(const std::string &id, const std::string &role, Access access);

    // LISTEN for changes to any map; then waitForChange() returns the ids of
    // the maps that changed, or nothing after `timeoutMs`.
    void listen();
    std::vector<std::string> waitForChange(int timeoutMs);
    // Every notification (operations, presence, comments) but those of this
    // session's own writes; listen() first.
    std::vector<Notification> waitForNotifications(int timeoutMs);
    int socket() const; // -1 when not connected

    // Presence: this session's row for `client` (insert or heartbeat), its
    // removal, and the rows seen within `staleAfter` of the server's clock
    // moved on by `clockShift` (tests look ahead instead of sleeping).
    void beat(const std::string &id, const std::string &client, const Json &selection);
    void leave(const std::string &id, const std::string &client);
    std::vector<PresenceRow> presence(const std::string &id, std::chrono::milliseconds staleAfter,
                                      std::chrono::milliseconds clockShift = std::chrono::milliseconds(0));

    // Comments on a map's cards.
    std::int64_t addComment(const std::string &id, const std::string &cardId, const std::string &text,
                            std::optional<std::int64_t> parent = std::nullopt);
    void resolveComment(const std::string &id, std::int64_t comment, bool resolved);
    std::vector<CommentRow> comments(const std::string &id);

private:
    Connection &connection(); // throws Unreachable when not connected
    // A PermissionDenied the server gave for map `id`, thrown again in the
    // library's words ("permission denied: " + refusal()), or as unknown map /
    // not a member when that is the reason. Any other error is thrown as it is.
    [[noreturn]] void rethrowRefusal(const TeamError &error, const std::string &id,
                                     const std::function<std::string()> &refusal);

    std::string m_conninfo;
    int m_connectTimeout = 0;
    std::unique_ptr<Connection> m_connection;
};

// What one change set did to the map, in `cjm diff`'s words.
struct AppliedChange {
    std::int64_t seq = 0; // the last operation's
    std::string author;
    std::string time;
    std::vector<Change> changes;
    std::vector<std::string> dropped; // operations that no longer fit the map, and why
};

// One map as the server orders it: the newest snapshot with every operation
// after it applied in sequence. Every client that has reached the same seq
// holds the same document; for one field the last operation wins.
class TeamMap {
public:
    // How long a tail of operations a writer lets grow before it stores a
    // new snapshot, so that opening stays one snapshot and a short tail.
    static constexpr std::int64_t kSnapshotEvery = 200;

    // Opens the map: its newest snapshot and the operations after it. With
    // `version`, the map as it was at that version of its history (then
    // read-only: sync and send refuse).
    TeamMap(TeamLibrary &library, std::string id, std::optional<std::int64_t> version = std::nullopt);

    const std::string &id() const { return m_id; }
    const Document &document() const { return m_document; }
    std::int64_t seq() const { return m_seq; }
    // How many operations opening applied on top of the snapshot.
    std::int64_t openedTail() const { return m_openedTail; }

    // Applies the operations others appended since seq(). With `describe`,
    // each change set comes back as the changes it made.
    std::vector<AppliedChange> sync(bool describe = false);
    // Appends `operations` (one change set), then syncs: the document then
    // holds them as the server ordered them among the others'.
    std::vector<AppliedChange> send(const std::vector<Json> &operations, bool describe = false);
    // Makes the server's map equal to `target`: the operations from the
    // document as it is now to `target`. Returns how many were sent. Throws
    // (Invalid), sending nothing, when they would not make `target`.
    std::size_t sendDocument(const Document &target);

private:
    std::vector<AppliedChange> apply(std::vector<StoredOperation> operations, bool describe);
    void compactIfLong();

    TeamLibrary &m_library;
    std::string m_id;
    Document m_document;
    std::int64_t m_seq = 0;
    std::int64_t m_snapshotSeq = 0;
    std::int64_t m_openedTail = 0;
    bool m_pinned = false; // opened at a version of the history
};

} // namespace cjm::team
