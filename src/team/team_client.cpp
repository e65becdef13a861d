#include "team_client.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "cjm/document_io.hpp"
#include "cjm/problem.hpp"
#include "operations.hpp"

namespace cjm::team {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds kFirstRetry{500};
constexpr milliseconds kLongestRetry{30000};
constexpr milliseconds kCacheEvery{5000};

std::string randomId(std::size_t length)
{
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
    static thread_local std::mt19937_64 random(std::random_device{}() ^
                                               static_cast<std::uint64_t>(Clock::now().time_since_epoch().count()));
    std::string id;
    for (std::size_t i = 0; i < length; ++i)
        id += kAlphabet[random() % (sizeof kAlphabet - 1)];
    return id;
}

std::string text(const Json &op, const char *key)
{
    const auto found = op.find(key);
    return found != op.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// A move sets a card's place (persona, stage, lane, order) as one field:
// two people moving one card conflict like two people typing into one field.
constexpr const char *kPlaceField = "place";

// The field an operation sets: entity, id, field ("place" for a move); empty
// for operations that add, remove or reorder.
std::string fieldKey(const Json &op)
{
    if (!op.is_object())
        return {};
    const std::string kind = text(op, "op");
    if (kind == "set")
        return text(op, "entity") + '\x1f' + text(op, "id") + '\x1f' + text(op, "field");
    if (kind == "move")
        return text(op, "entity") + '\x1f' + text(op, "id") + '\x1f' + kPlaceField;
    return {};
}

std::string fieldOf(const Json &op) { return text(op, "op") == "move" ? std::string(kPlaceField) : text(op, "field"); }

// The value an operation gives its field: a move's is the place it moves to.
std::optional<Json> valueOf(const Json &op)
{
    if (text(op, "op") == "move") {
        Json place = Json::object();
        for (const char *key : {"persona", "stage", "lane", "order"})
            if (const auto found = op.find(key); found != op.end())
                place[key] = *found;
        return place;
    }
    const auto found = op.find("value");
    if (found == op.end())
        return std::nullopt;
    return *found;
}

TeamError journalError(const std::string &path, const std::string &what)
{
    return TeamError(TeamError::Kind::Invalid, "the team journal " + path + ": " + what);
}

void writeAll(int fd, const std::string &bytes, const std::string &path)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw journalError(path, std::string("could not write: ") + std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
}

void syncFolderOf(const std::string &path)
{
    std::string folder = std::filesystem::path(path).parent_path().string();
    if (folder.empty())
        folder = ".";
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Write, fsync, rename over `path`, fsync the folder: after a crash the file
// is either the old or the new one, whole.
void writeDurably(const std::string &path, const std::string &bytes)
{
    const std::string temporary = path + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw journalError(path, std::string("could not write: ") + std::strerror(errno));
    try {
        writeAll(fd, bytes, path);
        if (::fsync(fd) != 0)
            throw journalError(path, std::string("could not write: ") + std::strerror(errno));
    } catch (...) {
        ::close(fd);
        ::unlink(temporary.c_str());
        throw;
    }
    ::close(fd);
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temporary.c_str());
        throw journalError(path, "could not write: " + why);
    }
    syncFolderOf(path);
}

std::optional<std::string> readWhole(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return bytes;
}

std::optional<Json> parseLine(std::string_view line)
{
    Problem problem;
    return parseJsonValue(line, problem);
}

Json entryJson(std::int64_t number, std::int64_t base, const Json &operations)
{
    return Json{{"entry", number}, {"base", base}, {"ops", operations}};
}

} // namespace

// ---- TeamJournal ----------------------------------------------------------

TeamJournal::~TeamJournal() { close(); }

void TeamJournal::appendLine(const std::string &line)
{
    if (closed)
        throw journalError(path, "is closed: the map's window was closed");
    // A write that fails half-way (a full disk) is cut off again, so the
    // next entry does not start inside it.
    const off_t size = ::lseek(fd, 0, SEEK_END);
    try {
        writeAll(fd, line, path);
        if (::fsync(fd) != 0)
            throw journalError(path, std::string("could not write: ") + std::strerror(errno));
    } catch (const TeamError &) {
        if (size >= 0 && ::ftruncate(fd, size) == 0)
            ::fsync(fd);
        throw;
    }
}

void TeamJournal::reopen()
{
    if (fd >= 0)
        ::close(fd);
    fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0)
        throw journalError(path, std::string("cannot be opened: ") + std::strerror(errno));
}

TeamJournal::Entry TeamJournal::append(const std::vector<Json> &operations)
{
    const std::lock_guard lock(mutex);
    Entry entry;
    entry.number = nextEntry;
    entry.base = base;
    Json list = Json::array();
    for (const Json &op : operations) {
        entry.operations.emplace_back(clientId + "." + randomId(12), op);
        list.push_back(Json{{"cid", entry.operations.back().first}, {"op", op}});
    }
    appendLine(entryJson(entry.number, entry.base, list).dump() + '\n');
    ++nextEntry;
    outstanding.push_back(entry);
    return entry;
}

void TeamJournal::close()
{
    const std::lock_guard lock(mutex);
    closed = true;
    if (fd >= 0)
        ::close(fd);
    fd = -1;
    if (lockFd >= 0)
        ::close(lockFd); // releases the lock
    lockFd = -1;
}

bool TeamJournal::isClosed() const
{
    const std::lock_guard lock(mutex);
    return closed;
}

std::string journalFileName(const std::string &conninfo, const std::string &mapId)
{
    std::uint64_t hash = 14695981039346656037ull; // FNV-1a: stable across runs and builds
    for (const unsigned char c : conninfo) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string name = isValidMapId(mapId) ? mapId : std::string("map");
    name += '-';
    for (int shift = 60; shift >= 0; shift -= 4)
        name += kHex[(hash >> shift) & 0xf];
    return name + ".journal";
}

struct TeamClient::Impl {
    struct Pending {
        std::string cid;
        std::int64_t entry = 0;
        std::int64_t base = 0;
        Json op;
        bool checked = false;  // looked at for conflicts (or resolved: keep mine)
        bool held = false;     // part of a conflict
        bool resolved = false; // the user said "keep mine": never held again
        ChangeSet applied;     // what it changed in the last build of the view
    };

    explicit Impl(ClientOptions o)
        : options(std::move(o)), library(options.conninfo, TeamLibrary::Deferred{options.connectTimeoutSeconds})
    {
    }

    ClientOptions options;
    TeamLibrary library;
    std::string clientId;
    std::string roleName;
    // The journal's file, shared with the thread that makes the edits.
    std::shared_ptr<TeamJournal> journal{new TeamJournal};

    std::vector<Pending> pending;
    Document confirmedDocument;
    std::int64_t confirmedSeq = 0;
    bool haveDocument = false;
    std::int64_t snapshotSeq = 0;
    Document view;

    std::vector<Conflict> conflictList;
    std::vector<std::vector<std::string>> conflictOps; // the cids each conflict holds

    std::vector<Presence> presenceList;
    std::vector<Comment> commentList;
    Json selection = Json::array();
    bool selectionDirty = true;
    Clock::time_point lastBeat{};
    bool presenceHeard = true;
    bool commentsHeard = true;
    bool operationsHeard = false;
    bool commentsUnreported = false;

    bool connected = false;
    bool opened = false; // the map was read from the server since connecting
    int failures = 0;
    Clock::time_point lastFailure{};
    std::vector<DroppedOperation> unreported;

    std::int64_t cacheSeq = -1;
    Clock::time_point lastCache{};

    std::string cachePath() const { return options.journalPath + ".confirmed"; }
    // ops.client as the server stamps it: "role/client id".
    std::string stamped() const { return roleName + '/' + clientId; }

    // ---- the journal ------------------------------------------------------

    static Json entryJson(const std::vector<const Pending *> &ops)
    {
        Json list = Json::array();
        for (const Pending *p : ops)
            list.push_back(Json{{"cid", p->cid}, {"op", p->op}});
        return team::entryJson(ops.front()->entry, ops.front()->base, list);
    }

    std::string header() const
    {
        return Json{{"cjm-team-journal", 1}, {"map", options.mapId}, {"client", clientId}}.dump() + '\n';
    }

    void openJournal()
    {
        const std::string &path = options.journalPath;
        int &lockFd = journal->lockFd;
        journal->path = path;
        lockFd = ::open((path + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (lockFd < 0)
            throw journalError(path, std::string("cannot be opened: ") + std::strerror(errno));
        if (::flock(lockFd, LOCK_EX | LOCK_NB) != 0)
            throw journalError(path, "is in use: this map is open in another window or program");
        std::int64_t nextEntry = 1;
        bool rewrite = false;
        const std::optional<std::string> bytes = readWhole(path);
        std::size_t at = 0;
        bool first = true;
        while (bytes && at < bytes->size()) {
            std::size_t end = bytes->find('\n', at);
            const bool complete = end != std::string::npos;
            if (!complete)
                end = bytes->size();
            const std::string_view line(bytes->data() + at, end - at);
            at = end + 1;
            const std::optional<Json> json = complete ? parseLine(line) : std::nullopt;
            if (!json || !json->is_object()) {
                // A line cut short by a kill during submit(): that submit
                // never returned, so nothing it held was promised.
                rewrite = true;
                continue;
            }
            if (first) {
                first = false;
                if (!json->contains("cjm-team-journal"))
                    throw journalError(path, "is not a team journal");
                if (text(*json, "map") != options.mapId)
                    throw journalError(path, "belongs to map " + text(*json, "map") + ", not " + options.mapId);
                clientId = text(*json, "client");
                continue;
            }
            const std::int64_t entry = json->value("entry", std::int64_t(0));
            const std::int64_t base = json->value("base", std::int64_t(0));
            nextEntry = std::max(nextEntry, entry + 1);
            if (!json->contains("ops") || !(*json)["ops"].is_array())
                continue;
            for (const Json &item : (*json)["ops"]) {
                if (!item.is_object() || text(item, "cid").empty() || !item.contains("op"))
                    continue;
                Pending p;
                p.cid = text(item, "cid");
                p.entry = entry;
                p.base = base;
                p.op = item["op"];
                // Read back after a restart: looked at again for conflicts
                // unless the user already said "keep mine".
                p.resolved = item.value("resolved", false);
                p.checked = p.resolved;
                pending.push_back(std::move(p));
            }
        }
        if (clientId.empty()) {
            clientId = "c" + randomId(15);
            rewrite = true;
        }
        {
            const std::lock_guard lock(journal->mutex);
            journal->nextEntry = nextEntry;
            journal->clientId = clientId;
            journal->header = header();
        }
        if (rewrite || !bytes) {
            rewriteJournal();
        } else {
            const std::lock_guard lock(journal->mutex);
            journal->reopen();
        }
    }

    // The pending operations, and the entries journalled by another thread
    // and not taken in yet, written anew. Nothing once the journal is closed
    // (its window closed: another client may have it now).
    void rewriteJournal()
    {
        const std::lock_guard lock(journal->mutex);
        if (journal->closed)
            return;
        std::vector<std::pair<std::int64_t, std::string>> lines; // (entry, line)
        for (std::size_t i = 0; i < pending.size();) {
            std::vector<const Pending *> entry;
            std::size_t j = i;
            while (j < pending.size() && pending[j].entry == pending[i].entry)
                entry.push_back(&pending[j++]);
            Json json = entryJson(entry);
            for (std::size_t k = 0; k < entry.size(); ++k)
                if (entry[k]->resolved)
                    json["ops"][k]["resolved"] = true;
            lines.emplace_back(pending[i].entry, json.dump() + '\n');
            i = j;
        }
        // Each before the first later entry: the order they were made in.
        for (const TeamJournal::Entry &entry : journal->outstanding) {
            Json list = Json::array();
            for (const auto &[cid, op] : entry.operations)
                list.push_back(Json{{"cid", cid}, {"op", op}});
            const auto later =
                std::find_if(lines.begin(), lines.end(), [&](const auto &line) { return line.first > entry.number; });
            lines.emplace(later, entry.number, team::entryJson(entry.number, entry.base, list).dump() + '\n');
        }
        std::string bytes = journal->header;
        for (const auto &[number, line] : lines)
            bytes += line;
        writeDurably(options.journalPath, bytes);
        journal->reopen();
    }

    void appendEntry(const std::vector<const Pending *> &entry)
    {
        const std::lock_guard lock(journal->mutex);
        journal->appendLine(entryJson(entry).dump() + '\n');
    }

    std::int64_t newEntryNumber()
    {
        const std::lock_guard lock(journal->mutex);
        return journal->nextEntry++;
    }

    // The version edits are made on from now (for entries journalled by another thread).
    void noteConfirmedSeq()
    {
        const std::lock_guard lock(journal->mutex);
        journal->base = confirmedSeq;
    }

    // ---- the cache of the confirmed map (opening offline) -----------------

    void readCache()
    {
        const std::optional<std::string> bytes = readWhole(cachePath());
        if (!bytes)
            return;
        const std::size_t end = bytes->find('\n');
        if (end == std::string::npos)
            return;
        const std::optional<Json> head = parseLine(std::string_view(bytes->data(), end));
        if (!head || !head->is_object() || text(*head, "map") != options.mapId)
            return;
        ReadResult read = readDocument(std::string_view(*bytes).substr(end + 1));
        if (!read.ok())
            return;
        confirmedDocument = std::move(*read.document);
        confirmedSeq = cacheSeq = head->value("seq", std::int64_t(0));
        haveDocument = true;
    }

    void writeCache(bool now)
    {
        if (!haveDocument || confirmedSeq == cacheSeq || (!now && Clock::now() - lastCache < kCacheEvery) ||
            journal->isClosed())
            return;
        try {
            writeDurably(cachePath(), Json{{"map", options.mapId}, {"seq", confirmedSeq}}.dump() + '\n' +
                                          writeDocument(confirmedDocument));
            cacheSeq = confirmedSeq;
            lastCache = Clock::now();
        } catch (const TeamError &) {
            // Only a convenience for opening offline; the journal is what counts.
        }
    }

    // ---- the view: confirmed + pending ------------------------------------

    // Builds document() again. With `drops`, pending operations that no
    // longer fit (the confirmed map being up to date) are dropped for good.
    void rebuild(ChangeSet &changes, std::vector<DroppedOperation> *drops)
    {
        for (const Pending &p : pending)
            changes.append(p.applied);
        view = confirmedDocument;
        bool removed = false;
        for (Pending &p : pending) {
            p.applied = ChangeSet();
            if (p.held)
                continue;
            std::string why;
            if (applyOperation(view, p.op, why, &p.applied)) {
                changes.append(p.applied);
            } else if (drops) {
                drops->push_back({p.op, why});
                p.cid.clear(); // marked for removal
                removed = true;
            }
        }
        if (removed) {
            std::erase_if(pending, [](const Pending &p) { return p.cid.empty(); });
            rewriteJournal();
        }
    }

    // ---- talking to the server --------------------------------------------

    void goOffline(const std::string &why, SyncResult *result)
    {
        library.disconnect();
        connected = false;
        opened = false;
        ++failures;
        lastFailure = Clock::now();
        for (Pending &p : pending)
            p.checked = p.resolved; // waited across a lost connection: look again
        if (!presenceList.empty() && result)
            result->presenceChanged = true;
        presenceList.clear();
        if (result) {
            result->reachedServer = false;
            result->error = why;
        }
    }

    void connect()
    {
        if (connected && library.connected())
            return;
        connected = false;
        library.reconnect();
        library.listen();
        roleName = library.role();
        connected = true;
        presenceHeard = commentsHeard = true;
    }

    void takeNotifications(int timeoutMs, bool *forThisMap)
    {
        for (const Notification &n : library.waitForNotifications(timeoutMs)) {
            if (n.mapId != options.mapId)
                continue;
            if (forThisMap)
                *forThisMap = true;
            if (n.channel == "cjm_team_presence")
                presenceHeard = true;
            else if (n.channel == "cjm_team_comments")
                commentsHeard = true;
            else
                operationsHeard = true;
        }
    }

    // Reads the server's operations since what this client knows (and since
    // the oldest unchecked pending operation's base, for conflicts), applies
    // them to the confirmed map, acknowledges own ones, holds conflicting
    // offline edits, and builds the view again when it changed.
    void receive(SyncResult &result, bool describeAuthors)
    {
        bool fresh = false;
        if (!opened) {
            library.requireMap(options.mapId);
            if (!haveDocument) {
                Snapshot snapshot = library.latestSnapshot(options.mapId);
                confirmedDocument = std::move(snapshot.document);
                confirmedSeq = snapshot.seq;
                haveDocument = true;
                result.changes.noteEverything();
                fresh = true;
            }
            snapshotSeq = library.latestSnapshotSeq(options.mapId);
            opened = true;
        }
        std::int64_t from = confirmedSeq;
        for (const Pending &p : pending)
            if (!p.checked && !p.held)
                from = std::min(from, p.base);
        const std::vector<StoredOperation> operations = library.operationsAfter(options.mapId, from);

        // Acknowledged: own operations the server has (sent by this run or,
        // before a kill, by an earlier one).
        const std::string me = stamped();
        std::unordered_set<std::string> mine;
        for (const StoredOperation &op : operations)
            if (op.client == me && !op.clientOp.empty())
                mine.insert(op.clientOp);
        std::vector<std::string> acknowledgedInOrder;
        for (const StoredOperation &op : operations)
            if (op.seq > confirmedSeq && op.client == me)
                acknowledgedInOrder.push_back(op.clientOp);
        const std::size_t before = pending.size();
        // The non-held pending cids in order, before removing: whether the
        // view stays as it is (own operations came back in the same order,
        // nothing else arrived).
        std::vector<std::string> unheldOrder;
        for (const Pending &p : pending)
            if (!p.held)
                unheldOrder.push_back(p.cid);
        std::erase_if(pending, [&](const Pending &p) { return mine.count(p.cid) > 0; });
        result.sent += before - pending.size();
        bool journalChanged = before != pending.size();

        // Conflicts: an unchecked pending "set" (or a move: a card's place)
        // whose field another client set after the version it was made on.
        std::unordered_map<std::string, const StoredOperation *> lastForeignSet; // field -> last one
        bool foreign = false;
        for (const StoredOperation &op : operations) {
            if (op.client == me)
                continue;
            if (op.seq > confirmedSeq)
                foreign = true;
            if (const std::string key = fieldKey(op.operation); !key.empty())
                lastForeignSet[key] = &op;
        }
        std::size_t conflictsBefore = conflictList.size();
        bool held = false;
        for (Pending &p : pending) {
            if (p.checked || p.held)
                continue;
            const std::string key = fieldKey(p.op);
            const auto found = key.empty() ? lastForeignSet.end() : lastForeignSet.find(key);
            if (found == lastForeignSet.end() || found->second->seq <= p.base) {
                p.checked = true;
                continue;
            }
            // Theirs is the last foreign set of the field after p's base.
            const StoredOperation &theirs = *found->second;
            p.held = true;
            held = true;
            std::size_t index = conflictList.size();
            for (std::size_t i = 0; i < conflictList.size(); ++i)
                if (fieldKey(Json{{"op", "set"},
                                  {"entity", conflictList[i].entity},
                                  {"id", conflictList[i].id},
                                  {"field", conflictList[i].field}}) == key)
                    index = i;
            if (index == conflictList.size()) {
                conflictList.push_back(
                    {text(p.op, "entity"), text(p.op, "id"), fieldOf(p.op), std::nullopt, std::nullopt, "", 0});
                conflictOps.emplace_back();
            }
            Conflict &c = conflictList[index];
            c.mine = valueOf(p.op);
            c.theirs = valueOf(theirs.operation);
            c.theirAuthor = theirs.author;
            c.theirSeq = theirs.seq;
            conflictOps[index].push_back(p.cid);
        }
        result.newConflicts += conflictList.size() - conflictsBefore;

        // The server's operations, in its order, on the confirmed map.
        // Nothing pending: the view is the confirmed map, and follows it
        // operation by operation instead of being copied again (a 10,000-card
        // map watched by someone who is not typing).
        const bool mirror = !fresh && before == 0;
        ChangeSet remote;
        for (const StoredOperation &op : operations) {
            if (op.seq <= confirmedSeq)
                continue;
            std::string why;
            if (!applyOperation(confirmedDocument, op.operation, why, &remote) && op.client == me)
                result.dropped.push_back({op.operation, why});
            if (mirror)
                applyOperation(view, op.operation, why);
            if (op.client != me && describeAuthors &&
                std::find(result.authors.begin(), result.authors.end(), op.author) == result.authors.end())
                result.authors.push_back(op.author);
            confirmedSeq = op.seq;
        }

        const bool sameOrder = acknowledgedInOrder.size() <= unheldOrder.size() &&
                               std::equal(acknowledgedInOrder.begin(), acknowledgedInOrder.end(), unheldOrder.begin());
        if (mirror) {
            result.changes.append(remote);
        } else if (fresh || foreign || held || !sameOrder || !result.dropped.empty()) {
            result.changes.append(remote);
            rebuild(result.changes, &result.dropped);
        }
        noteConfirmedSeq();
        if (journalChanged)
            rewriteJournal();
        if (confirmedSeq - snapshotSeq >= TeamMap::kSnapshotEvery) {
            if (library.writeSnapshot(options.mapId, confirmedSeq, confirmedDocument))
                snapshotSeq = confirmedSeq;
            else
                snapshotSeq = confirmedSeq; // a viewer: not again until the next stretch
        }
    }

    // Sends the pending operations that are not held, one change set per
    // submit. Operations refused for good (a viewer's, a text PostgreSQL
    // cannot store) are dropped.
    bool send(SyncResult &result)
    {
        bool any = false;
        for (std::size_t i = 0; i < pending.size();) {
            std::vector<ClientOperation> group;
            std::size_t j = i;
            while (j < pending.size() && pending[j].entry == pending[i].entry) {
                if (!pending[j].held)
                    group.push_back({pending[j].cid, pending[j].op});
                ++j;
            }
            if (!group.empty()) {
                try {
                    library.appendFrom(options.mapId, clientId, group);
                    any = true;
                } catch (const TeamError &error) {
                    // Refused for good (a viewer's edit, a text the server
                    // cannot store): dropped, with the server's reason;
                    // kept it would block everything after it.
                    if (error.kind() != TeamError::Kind::PermissionDenied && error.kind() != TeamError::Kind::Invalid)
                        throw;
                    for (std::size_t k = i; k < j; ++k)
                        if (!pending[k].held) {
                            result.dropped.push_back({pending[k].op, error.what()});
                            result.changes.append(pending[k].applied); // the view takes it back
                            pending[k].cid.clear();
                        }
                }
            }
            i = j;
        }
        if (std::any_of(pending.begin(), pending.end(), [](const Pending &p) { return p.cid.empty(); })) {
            std::erase_if(pending, [](const Pending &p) { return p.cid.empty(); });
            rewriteJournal();
            rebuild(result.changes, &result.dropped);
        }
        return any;
    }

    void refreshPresence(SyncResult &result)
    {
        const auto beatEvery = options.presenceTimeout / 3;
        const bool due = selectionDirty || Clock::now() - lastBeat >= beatEvery;
        if (due) {
            library.beat(options.mapId, clientId, selection);
            selectionDirty = false;
            lastBeat = Clock::now();
        }
        if (!due && !presenceHeard)
            return;
        presenceHeard = false;
        std::vector<Presence> now;
        for (PresenceRow &row : library.presence(options.mapId, options.presenceTimeout)) {
            Presence p{row.role, row.clientId, {}, row.seenAt, row.clientId == clientId && row.role == roleName};
            if (row.selection.is_array())
                for (const Json &id : row.selection)
                    if (id.is_string())
                        p.selection.push_back(id.get<std::string>());
            now.push_back(std::move(p));
        }
        const auto same = [](const Presence &a, const Presence &b) {
            return a.role == b.role && a.clientId == b.clientId && a.selection == b.selection;
        };
        if (now.size() != presenceList.size() || !std::equal(now.begin(), now.end(), presenceList.begin(), same))
            result.presenceChanged = true;
        presenceList = std::move(now);
    }

    void refreshComments(SyncResult *result)
    {
        if (!commentsHeard) {
            if (result && commentsUnreported) {
                result->commentsChanged = true; // this client's own comment or resolve
                commentsUnreported = false;
            }
            return;
        }
        commentsHeard = false;
        std::vector<Comment> now;
        for (CommentRow &row : library.comments(options.mapId))
            now.push_back({row.id, std::move(row.cardId), row.parent, std::move(row.author), std::move(row.time),
                           std::move(row.text), row.resolved, std::move(row.resolvedBy)});
        const auto same = [](const Comment &a, const Comment &b) {
            return a.id == b.id && a.text == b.text && a.resolved == b.resolved && a.resolvedBy == b.resolvedBy;
        };
        if (now.size() != commentList.size() || !std::equal(now.begin(), now.end(), commentList.begin(), same))
            commentsUnreported = true;
        if (result && commentsUnreported) {
            result->commentsChanged = true;
            commentsUnreported = false;
        }
        commentList = std::move(now);
    }

    void requireOnline()
    {
        try {
            connect();
        } catch (const TeamError &error) {
            if (error.kind() == TeamError::Kind::Unreachable)
                goOffline(error.what(), nullptr);
            throw;
        }
    }
};

TeamClient::TeamClient(ClientOptions options) : m(std::make_unique<Impl>(std::move(options)))
{
    if (!isValidMapId(m->options.mapId))
        throw TeamError(TeamError::Kind::Invalid, "'" + m->options.mapId + "' is not a map id");
    m->openJournal();
    m->readCache();
    m->noteConfirmedSeq();
    ChangeSet ignored;
    if (m->haveDocument)
        m->rebuild(ignored, nullptr);
    try {
        m->connect();
        SyncResult first;
        m->receive(first, false);
        m->unreported = std::move(first.dropped);
        m->failures = 0;
    } catch (const TeamError &error) {
        if (error.kind() != TeamError::Kind::Unreachable)
            throw;
        m->goOffline(error.what(), nullptr);
    }
    m->writeCache(true);
}

TeamClient::~TeamClient()
{
    // The files first, then the network: a server that does not answer
    // keeps neither the journal nor its lock.
    m->writeCache(true);
    m->journal->close();
    try {
        if (m->connected)
            m->library.leave(m->options.mapId, m->clientId);
    } catch (const TeamError &) {
    }
}

std::shared_ptr<TeamJournal> TeamClient::journal() const { return m->journal; }

const std::string &TeamClient::mapId() const { return m->options.mapId; }
const std::string &TeamClient::clientId() const { return m->clientId; }
std::string TeamClient::role() const { return m->roleName; }
bool TeamClient::hasDocument() const { return m->haveDocument; }
const Document &TeamClient::document() const { return m->view; }
const Document &TeamClient::confirmed() const { return m->confirmedDocument; }
std::int64_t TeamClient::confirmedSeq() const { return m->confirmedSeq; }

ChangeSet TeamClient::submit(const std::vector<Json> &operations, std::vector<DroppedOperation> *dropped)
{
    TeamJournal::Entry entry;
    for (const Json &op : operations)
        entry.operations.emplace_back(std::string(), op);
    return submitEntry(entry, false, dropped);
}

ChangeSet TeamClient::submitJournalled(const TeamJournal::Entry &journalled, std::vector<DroppedOperation> *dropped)
{
    return submitEntry(journalled, true, dropped);
}

ChangeSet TeamClient::submitEntry(const TeamJournal::Entry &given, bool journalled,
                                  std::vector<DroppedOperation> *dropped)
{
    std::vector<Json> operations;
    for (const auto &[cid, op] : given.operations)
        operations.push_back(op);
    if (!m->haveDocument)
        throw TeamError(TeamError::Kind::Invalid,
                        "map " + m->options.mapId + " has not been read from the server yet: nothing to edit");
    ChangeSet changes;
    // A new edit of a field in conflict says what the user wants now: the
    // held edits of that field and their conflict go.
    bool superseded = false;
    for (const Json &op : operations) {
        const std::string key = fieldKey(op);
        for (std::size_t i = 0; !key.empty() && i < m->conflictList.size();) {
            const Conflict &c = m->conflictList[i];
            if (fieldKey(Json{{"op", "set"}, {"entity", c.entity}, {"id", c.id}, {"field", c.field}}) != key) {
                ++i;
                continue;
            }
            const std::vector<std::string> cids = m->conflictOps[i];
            std::erase_if(m->pending, [&](const Impl::Pending &p) {
                return std::find(cids.begin(), cids.end(), p.cid) != cids.end();
            });
            m->conflictList.erase(m->conflictList.begin() + static_cast<std::ptrdiff_t>(i));
            m->conflictOps.erase(m->conflictOps.begin() + static_cast<std::ptrdiff_t>(i));
            superseded = true;
        }
    }
    if (superseded)
        m->rewriteJournal(); // keeps a journalled entry: it is not taken in yet
    const std::size_t first = m->pending.size();
    const std::int64_t entry = journalled ? given.number : m->newEntryNumber();
    bool left = false;
    for (const auto &[cid, op] : given.operations) {
        Impl::Pending p;
        std::string why;
        if (!applyOperation(m->view, op, why, &p.applied)) {
            if (dropped)
                dropped->push_back({op, why});
            left = true;
            continue;
        }
        changes.append(p.applied);
        p.cid = journalled ? cid : m->clientId + "." + randomId(12);
        p.entry = entry;
        p.base = journalled ? given.base : m->confirmedSeq;
        p.op = op;
        // Made while connected: sent at the next sync, the server's order
        // decides. Made offline: looked at for conflicts first.
        p.checked = m->connected;
        m->pending.push_back(std::move(p));
    }
    if (journalled) {
        {
            const std::lock_guard lock(m->journal->mutex);
            std::erase_if(m->journal->outstanding,
                          [&](const TeamJournal::Entry &e) { return e.number == given.number; });
        }
        if (left)
            m->rewriteJournal(); // what did not fit goes from the journal too
        return changes;
    }
    if (m->pending.size() == first)
        return changes;
    std::vector<const Impl::Pending *> entryOps;
    for (std::size_t i = first; i < m->pending.size(); ++i)
        entryOps.push_back(&m->pending[i]);
    try {
        m->appendEntry(entryOps);
    } catch (const TeamError &) {
        m->pending.resize(first);
        ChangeSet ignored;
        m->rebuild(ignored, nullptr);
        throw;
    }
    return changes;
}

SyncResult TeamClient::sync(bool describe)
{
    SyncResult result;
    result.dropped = std::move(m->unreported);
    m->unreported.clear();
    std::optional<Document> before;
    if (describe && m->haveDocument)
        before = m->view;
    try {
        m->connect();
        m->takeNotifications(0, nullptr);
        m->operationsHeard = false;
        m->receive(result, true);
        if (m->send(result))
            m->receive(result, true);
        m->refreshPresence(result);
        m->refreshComments(&result);
        // Notifications that came in while this sync's own statements ran
        // were read off the socket with their results: the socket will not
        // wake the caller for them, so they are taken care of now.
        for (int round = 0; round < 3; ++round) {
            m->takeNotifications(0, nullptr);
            if (!m->operationsHeard && !m->presenceHeard && !m->commentsHeard)
                break;
            if (m->operationsHeard) {
                m->operationsHeard = false;
                m->receive(result, true);
            }
            m->refreshPresence(result);
            m->refreshComments(&result);
        }
        result.reachedServer = true;
        m->failures = 0;
    } catch (const TeamError &error) {
        if (error.kind() != TeamError::Kind::Unreachable)
            throw;
        m->goOffline(error.what(), &result);
    }
    if (describe && !result.changes.empty())
        result.described = before ? diffDocuments(*before, m->view) : std::vector<Change>{};
    m->writeCache(false);
    return result;
}

void TeamClient::disconnect()
{
    if (m->connected) {
        try {
            m->library.leave(m->options.mapId, m->clientId);
        } catch (const TeamError &) {
        }
    }
    m->goOffline("disconnected", nullptr);
    m->failures = 0;
}

LinkState TeamClient::state() const
{
    if (!m->connected)
        return LinkState::Offline;
    const bool waiting = std::any_of(m->pending.begin(), m->pending.end(), [](const auto &p) { return !p.held; });
    return waiting ? LinkState::Syncing : LinkState::Online;
}

std::size_t TeamClient::pendingCount() const { return m->pending.size(); }

std::chrono::milliseconds TeamClient::retryDelay() const
{
    if (m->failures == 0)
        return milliseconds(0);
    milliseconds delay = kFirstRetry;
    for (int i = 1; i < m->failures && delay < kLongestRetry; ++i)
        delay *= 2;
    return std::min(delay, kLongestRetry);
}

std::chrono::milliseconds TeamClient::nextWakeup() const
{
    const auto now = Clock::now();
    if (!m->connected) {
        const auto left = std::chrono::duration_cast<milliseconds>(m->lastFailure + retryDelay() - now);
        return std::max(left, milliseconds(0));
    }
    const auto left = std::chrono::duration_cast<milliseconds>(m->lastBeat + m->options.presenceTimeout / 3 - now);
    return std::max(left, milliseconds(0));
}

int TeamClient::listenSocket() const { return m->connected ? m->library.socket() : -1; }

bool TeamClient::waitForNews(int timeoutMs)
{
    if (!m->connected) {
        if (timeoutMs > 0)
            std::this_thread::sleep_for(milliseconds(timeoutMs));
        return true;
    }
    try {
        bool heard = false;
        m->takeNotifications(timeoutMs, &heard);
        return heard;
    } catch (const TeamError &error) {
        if (error.kind() != TeamError::Kind::Unreachable)
            throw;
        m->goOffline(error.what(), nullptr);
        return true;
    }
}

const std::vector<Conflict> &TeamClient::conflicts() const { return m->conflictList; }

ChangeSet TeamClient::resolve(std::size_t conflictIndex, bool keepMine)
{
    ChangeSet changes;
    if (conflictIndex >= m->conflictList.size())
        return changes;
    const std::vector<std::string> cids = m->conflictOps[conflictIndex];
    m->conflictList.erase(m->conflictList.begin() + static_cast<std::ptrdiff_t>(conflictIndex));
    m->conflictOps.erase(m->conflictOps.begin() + static_cast<std::ptrdiff_t>(conflictIndex));
    const auto inConflict = [&](const Impl::Pending &p) {
        return std::find(cids.begin(), cids.end(), p.cid) != cids.end();
    };
    if (keepMine) {
        for (Impl::Pending &p : m->pending)
            if (inConflict(p)) {
                p.held = false;
                p.checked = true;
                p.resolved = true;
            }
    } else {
        for (const Impl::Pending &p : m->pending)
            if (inConflict(p)) {
                // Theirs stays: what the held operation would have changed
                // is what the canvas shows again (nothing, as it was held).
                ChangeSet touched;
                Document scratch = m->view;
                std::string why;
                applyOperation(scratch, p.op, why, &touched);
                changes.append(touched);
            }
        std::erase_if(m->pending, inConflict);
    }
    m->rewriteJournal();
    m->rebuild(changes, nullptr);
    return changes;
}

void TeamClient::setPresence(const std::vector<std::string> &selectedCardIds)
{
    Json list = Json::array();
    for (const std::string &id : selectedCardIds)
        list.push_back(id);
    if (list != m->selection) {
        m->selection = std::move(list);
        m->selectionDirty = true;
    }
}

const std::vector<Presence> &TeamClient::presence() const { return m->presenceList; }

std::int64_t TeamClient::addComment(const std::string &cardId, const std::string &text,
                                    std::optional<std::int64_t> replyTo)
{
    m->requireOnline();
    try {
        const std::int64_t id = m->library.addComment(m->options.mapId, cardId, text, replyTo);
        m->commentsHeard = true;
        m->refreshComments(nullptr);
        return id;
    } catch (const TeamError &error) {
        if (error.kind() == TeamError::Kind::Unreachable)
            m->goOffline(error.what(), nullptr);
        throw;
    }
}

void TeamClient::resolveComment(std::int64_t commentId, bool resolved)
{
    m->requireOnline();
    try {
        m->library.resolveComment(m->options.mapId, commentId, resolved);
        m->commentsHeard = true;
        m->refreshComments(nullptr);
    } catch (const TeamError &error) {
        if (error.kind() == TeamError::Kind::Unreachable)
            m->goOffline(error.what(), nullptr);
        throw;
    }
}

const std::vector<Comment> &TeamClient::comments() const { return m->commentList; }

std::vector<Version> TeamClient::history()
{
    m->requireOnline();
    try {
        return m->library.history(m->options.mapId);
    } catch (const TeamError &error) {
        if (error.kind() == TeamError::Kind::Unreachable)
            m->goOffline(error.what(), nullptr);
        throw;
    }
}

Document TeamClient::documentAt(std::int64_t version)
{
    m->requireOnline();
    try {
        TeamMap map(m->library, m->options.mapId, version);
        return map.document();
    } catch (const TeamError &error) {
        if (error.kind() == TeamError::Kind::Unreachable)
            m->goOffline(error.what(), nullptr);
        throw;
    }
}

std::int64_t TeamClient::restore(std::int64_t version)
{
    const Document target = documentAt(version);
    SyncResult first = sync();
    if (!first.reachedServer)
        throw TeamError(TeamError::Kind::Unreachable, first.error);
    m->unreported.insert(m->unreported.end(), first.dropped.begin(), first.dropped.end());
    const std::vector<Json> operations = operationsBetween(m->view, target);
    if (operations.empty())
        return m->confirmedSeq;
    // Tried first, as TeamMap::sendDocument does: all or nothing.
    Document tried = m->view;
    for (const Json &op : operations) {
        std::string why;
        if (!applyOperation(tried, op, why))
            throw TeamError(TeamError::Kind::Invalid, "nothing restored: the change " + op.dump() +
                                                          " cannot be applied to map " + m->options.mapId + ": " + why);
    }
    if (const std::vector<Change> left = diffDocuments(tried, target); !left.empty())
        throw TeamError(TeamError::Kind::Invalid,
                        "nothing restored: the operations cannot carry this change: " + left.front().description);
    submit(operations);
    SyncResult sent = sync();
    m->unreported.insert(m->unreported.end(), sent.dropped.begin(), sent.dropped.end());
    if (!sent.reachedServer)
        throw TeamError(TeamError::Kind::Unreachable,
                        sent.error + " (the restore is in the journal and is sent when the server is back)");
    return m->confirmedSeq;
}

} // namespace cjm::team
