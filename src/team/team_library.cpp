#include "team_library.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <regex>

#include "cjm/document_io.hpp"
#include "cjm/problem.hpp"
#include "operations.hpp"
#include "schema.hpp"

namespace cjm::team {

namespace {

// A timestamp column as the CLI prints times: UTC, YYYY-MM-DDThh:mm:ssZ.
std::string utcTime(const std::string &column)
{
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
}

// A title for the snapshots' title column, which only lists maps: PostgreSQL
// text cannot hold U+0000, so it is listed as U+FFFD there. The map itself
// (the snapshot's bytes, the operations' JSON) keeps it as it is.
std::string listedTitle(std::string title)
{
    for (std::size_t at = title.find('\0'); at != std::string::npos; at = title.find('\0', at))
        title.replace(at, 1, "\xEF\xBF\xBD");
    return title;
}

// Whether a string in `json` (a value or a key) holds U+0000.
bool holdsNul(const Json &json)
{
    if (json.is_string())
        return json.get_ref<const std::string &>().find('\0') != std::string::npos;
    if (json.is_object()) {
        for (const auto &[key, value] : json.items())
            if (key.find('\0') != std::string::npos || holdsNul(value))
                return true;
        return false;
    }
    if (json.is_array())
        return std::any_of(json.begin(), json.end(), [](const Json &each) { return holdsNul(each); });
    return false;
}

// Operations go to the server as JSON, where "\u0000" is valid but breaks
// every query that reads a field of that operation (PostgreSQL cannot turn
// it into text): the map's history and everyone's list would fail. Refused
// here, plainly, before anything is sent.
void refuseNul(const std::vector<Json> &operations)
{
    for (const Json &op : operations)
        if (holdsNul(op))
            throw TeamError(TeamError::Kind::Invalid,
                            "a text with the character U+0000 (NUL) cannot be stored in the team library: " +
                                printableText(op.dump()));
}

// libpq's messages end with a line break and may run over several lines.
std::string oneLine(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    std::string out;
    for (const char c : text) {
        if (c == '\t' && !out.empty() && out.back() == ' ')
            continue;
        out += c == '\n' || c == '\t' ? ' ' : c;
    }
    return out;
}

struct ResultDeleter {
    void operator()(PGresult *result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

struct Param {
    std::string value;
    bool binary = false;
};

} // namespace

class Connection {
public:
    explicit Connection(const std::string &conninfo, int connectTimeoutSeconds = 0)
        : m_conn(connect(conninfo, connectTimeoutSeconds))
    {
        if (!m_conn)
            throw TeamError(TeamError::Kind::Unreachable, "cannot reach the team server: out of memory");
        if (PQstatus(m_conn) != CONNECTION_OK) {
            const std::string message = oneLine(PQerrorMessage(m_conn));
            PQfinish(m_conn);
            m_conn = nullptr;
            throw TeamError(TeamError::Kind::Unreachable, "cannot reach the team server: " + message);
        }
        exec("SET TIME ZONE 'UTC'", {});
        // init's "already exists, skipping" notices are not news to anyone.
        exec("SET client_min_messages TO warning", {});
    }
    ~Connection()
    {
        if (m_conn)
            PQfinish(m_conn);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    PGconn *raw() const { return m_conn; }

    // The string as it is, with a connect_timeout first so that the string's
    // own (later) one wins: libpq keeps the last value of a repeated key.
    static PGconn *connect(const std::string &conninfo, int connectTimeoutSeconds)
    {
        if (connectTimeoutSeconds <= 0)
            return PQconnectdb(conninfo.c_str());
        // Also: a link that dies after connecting is noticed in about 10 s
        // (TCP keepalives and a send timeout) instead of the system's minutes.
        const std::string timeout = std::to_string(connectTimeoutSeconds);
        const char *keywords[] = {"connect_timeout",  "keepalives",       "keepalives_idle", "keepalives_interval",
                                  "keepalives_count", "tcp_user_timeout", "dbname",          nullptr};
        const char *values[] = {timeout.c_str(), "1", "5", "2", "3", "10000", conninfo.c_str(), nullptr};
        return PQconnectdbParams(keywords, values, 1);
    }

    // Runs one statement; throws a TeamError that says what went wrong.
    // `tolerant`: a failure is ignored (settings a server may refuse).
    Result exec(const std::string &sql, const std::vector<Param> &params, int resultFormat = 0, bool tolerant = false)
    {
        std::vector<const char *> values;
        std::vector<int> lengths, formats;
        for (const Param &p : params) {
            // libpq reads a text parameter up to its first NUL: the rest
            // would be lost without a word. PostgreSQL's text cannot hold it.
            if (!p.binary && p.value.find('\0') != std::string::npos)
                throw TeamError(TeamError::Kind::Invalid,
                                "a text with the character U+0000 (NUL) cannot be stored in the team library");
            values.push_back(p.value.data());
            lengths.push_back(static_cast<int>(p.value.size()));
            formats.push_back(p.binary ? 1 : 0);
        }
        Result result(PQexecParams(m_conn, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                                   lengths.data(), formats.data(), resultFormat));
        const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || tolerant)
            return result;
        throw errorOf(result.get());
    }

    Result simple(const std::string &sql)
    {
        Result result(PQexec(m_conn, sql.c_str()));
        const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
            return result;
        throw errorOf(result.get());
    }

    TeamError errorOf(const PGresult *result) const
    {
        if (PQstatus(m_conn) != CONNECTION_OK)
            return {TeamError::Kind::Unreachable,
                    "lost the connection to the team server: " + oneLine(PQerrorMessage(m_conn))};
        const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        const std::string code = state ? state : "";
        const std::string message = oneLine(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn));
        if (code == "42501")
            return {TeamError::Kind::PermissionDenied, "permission denied: " + message};
        if (code == "42703")
            return {TeamError::Kind::NotInitialized,
                    "the team library in this database is older than this cjm (run cjm team init to migrate it): " +
                        message};
        if (code == "3F000" || code == "42P01" || code == "42883")
            return {TeamError::Kind::NotInitialized,
                    "this database has no team library (run cjm team init first): " + message};
        if (code.rfind("08", 0) == 0 || code.rfind("57P", 0) == 0)
            return {TeamError::Kind::Unreachable, "lost the connection to the team server: " + message};
        return {TeamError::Kind::Server, "the team server refused: " + message};
    }

private:
    PGconn *m_conn = nullptr;
};

namespace {

std::string value(const Result &result, int row, int column)
{
    return PQgetisnull(result.get(), row, column)
               ? std::string()
               : std::string(PQgetvalue(result.get(), row, column),
                             static_cast<std::size_t>(PQgetlength(result.get(), row, column)));
}

std::int64_t number(const Result &result, int row, int column) { return std::stoll(value(result, row, column)); }

class Transaction {
public:
    explicit Transaction(Connection &connection) : m_connection(connection) { m_connection.simple("BEGIN"); }
    ~Transaction()
    {
        if (!m_done)
            PQclear(PQexec(m_connection.raw(), "ROLLBACK"));
    }
    void commit()
    {
        m_connection.simple("COMMIT");
        m_done = true;
    }

private:
    Connection &m_connection;
    bool m_done = false;
};

std::string madeUpId()
{
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
    std::random_device device;
    std::mt19937_64 random(device() ^
                           static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::string id = "map-";
    for (int i = 0; i < 10; ++i)
        id += kAlphabet[random() % (sizeof kAlphabet - 1)];
    return id;
}

} // namespace

std::string_view toString(Access access)
{
    switch (access) {
    case Access::Viewer: return "viewer";
    case Access::Editor: return "editor";
    case Access::Owner: return "owner";
    }
    return "viewer";
}

std::optional<Access> accessFromString(std::string_view text)
{
    if (text == "viewer")
        return Access::Viewer;
    if (text == "editor")
        return Access::Editor;
    if (text == "owner")
        return Access::Owner;
    return std::nullopt;
}

std::string conninfoProblem(const std::string &conninfo)
{
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.c_str(), &error);
    if (options) {
        PQconninfoFree(options);
        return {};
    }
    const std::string why = error ? oneLine(error) : std::string("out of memory");
    PQfreemem(error);
    return why;
}

bool isValidMapId(std::string_view id)
{
    static const std::regex pattern("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    return std::regex_match(id.begin(), id.end(), pattern);
}

TeamLibrary::TeamLibrary(std::string conninfo)
    : m_conninfo(std::move(conninfo)), m_connection(std::make_unique<Connection>(m_conninfo))
{
}

TeamLibrary::TeamLibrary(std::string conninfo, Deferred deferred)
    : m_conninfo(std::move(conninfo)), m_connectTimeout(deferred.connectTimeoutSeconds)
{
}

TeamLibrary::~TeamLibrary() = default;

void TeamLibrary::reconnect()
{
    m_connection.reset();
    m_connection = std::make_unique<Connection>(m_conninfo, m_connectTimeout);
}

void TeamLibrary::disconnect() { m_connection.reset(); }

bool TeamLibrary::connected() const { return m_connection && PQstatus(m_connection->raw()) == CONNECTION_OK; }

Connection &TeamLibrary::connection()
{
    if (!m_connection)
        throw TeamError(TeamError::Kind::Unreachable, "not connected to the team server");
    return *m_connection;
}

void TeamLibrary::rethrowRefusal(const TeamError &error, const std::string &id,
                                 const std::function<std::string()> &refusal)
{
    if (error.kind() != TeamError::Kind::PermissionDenied)
        throw error;
    requireMap(id); // an unknown map, or a role that is no member at all, is said as such
    throw TeamError(TeamError::Kind::PermissionDenied, "permission denied: " + refusal());
}

std::string TeamLibrary::role() { return value(connection().exec("SELECT current_user", {}), 0, 0); }

int TeamLibrary::init()
{
    const int before = migrateTo(latestSchemaVersion());
    // Rows that nothing else removes. A member is a role *name*: PostgreSQL
    // keeps no link from it to the role, so DROP ROLE leaves the membership
    // behind, and a new role given the same name would inherit the access.
    // Presence rows of clients that never came back (killed, their journal
    // gone) count for nobody after seconds and are kept for nothing.
    Connection &c = connection();
    Transaction transaction(c);
    c.simple("DELETE FROM cjm_team.members m WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = m.role)");
    c.simple("DELETE FROM cjm_team.presence p WHERE p.seen_at < now() - interval '1 day'"
             " OR NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p.role)");
    transaction.commit();
    return before;
}

int TeamLibrary::migrateTo(int target)
{
    Connection &c = connection();
    Transaction transaction(c);
    // Two inits at once: the second waits, then finds the work done.
    c.simple("SELECT pg_advisory_xact_lock(1668246893, 0)");
    c.simple("CREATE SCHEMA IF NOT EXISTS cjm_team");
    c.simple("CREATE TABLE IF NOT EXISTS cjm_team.schema_version (version integer NOT NULL)");
    const Result current = c.simple("SELECT coalesce(max(version), 0) FROM cjm_team.schema_version");
    const int before = static_cast<int>(number(current, 0, 0));
    if (before > latestSchemaVersion())
        throw TeamError(TeamError::Kind::Invalid, "the team library in this database has schema version " +
                                                      std::to_string(before) + ", newer than this cjm knows (" +
                                                      std::to_string(latestSchemaVersion()) + "); use a newer cjm");
    for (int version = before; version < target; ++version)
        c.simple(std::string(migrations()[static_cast<std::size_t>(version)]));
    if (before < target) {
        c.simple("DELETE FROM cjm_team.schema_version");
        c.exec("INSERT INTO cjm_team.schema_version (version) VALUES ($1::integer)", {{std::to_string(target)}});
    }
    transaction.commit();
    return before;
}

std::vector<MapSummary> TeamLibrary::list()
{
    const Result result = connection().exec(
        "SELECT m.id,"
        // The title of the newest snapshot, or a title set after it.
        " coalesce((SELECT o.op->>'value' FROM cjm_team.ops o WHERE o.map_id = m.id"
        "   AND o.op->>'entity' = 'journey' AND o.op->>'field' = 'title'"
        "   AND o.seq > (SELECT max(s.seq) FROM cjm_team.snapshots s WHERE s.map_id = m.id)"
        "   ORDER BY o.seq DESC LIMIT 1),"
        "  (SELECT s.title FROM cjm_team.snapshots s WHERE s.map_id = m.id ORDER BY s.seq DESC LIMIT 1), ''),"
        " CASE cjm_team.access_rank(m.id, current_user) WHEN 3 THEN 'owner' WHEN 2 THEN 'editor' WHEN 1 THEN 'viewer'"
        " ELSE 'administrator' END,"
        " coalesce((SELECT max(o.seq) FROM cjm_team.ops o WHERE o.map_id = m.id), 0)"
        " FROM cjm_team.maps m ORDER BY m.id",
        {});
    std::vector<MapSummary> maps;
    for (int row = 0; row < PQntuples(result.get()); ++row)
        maps.push_back({value(result, row, 0), value(result, row, 1), value(result, row, 2), number(result, row, 3)});
    return maps;
}

std::string TeamLibrary::create(const Document &document, std::optional<std::string> id)
{
    if (id && !isValidMapId(*id))
        throw TeamError(TeamError::Kind::Invalid,
                        "'" + *id +
                            "' is not a map id: a letter or digit, then letters, digits, '.', '_' or '-' "
                            "(at most 128)");
    const std::string bytes = writeDocument(document);
    Connection &c = connection();
    for (int attempt = 0;; ++attempt) {
        const std::string mapId = id ? *id : madeUpId();
        Transaction transaction(c);
        try {
            c.exec("INSERT INTO cjm_team.maps (id) VALUES ($1)", {{mapId}});
        } catch (const TeamError &) {
            // A taken id (by a map the caller may not even see).
            if (!id && attempt < 3)
                continue;
            throw;
        }
        c.exec("INSERT INTO cjm_team.snapshots (map_id, seq, title, document) VALUES ($1, 0, $2, $3)",
               {{mapId}, {listedTitle(document.journey().title)}, {bytes, true}});
        transaction.commit();
        return mapId;
    }
}

void TeamLibrary::requireMap(const std::string &id)
{
    const Result seen = connection().exec("SELECT 1 FROM cjm_team.maps WHERE id = $1", {{id}});
    if (PQntuples(seen.get()) > 0)
        return;
    const Result exists = connection().exec("SELECT cjm_team.map_exists($1)", {{id}});
    if (value(exists, 0, 0) == "t")
        throw TeamError(TeamError::Kind::PermissionDenied,
                        "permission denied: " + role() + " is not a member of map " + id);
    throw TeamError(TeamError::Kind::UnknownMap, "unknown map: no map has the id " + id);
}

Snapshot TeamLibrary::latestSnapshot(const std::string &id, std::optional<std::int64_t> upTo)
{
    // A snapshot that is not a valid map (written by hand by an editor) is
    // passed over for the one before it: opening then applies a longer tail,
    // and the next writer stores a good snapshot again.
    std::int64_t below = upTo.value_or(INT64_MAX);
    std::string firstProblem;
    for (;;) {
        const Result result = connection().exec("SELECT seq::text, document FROM cjm_team.snapshots WHERE map_id = $1"
                                                " AND seq <= $2::bigint ORDER BY seq DESC LIMIT 1",
                                                {{id}, {std::to_string(below)}}, 1);
        if (PQntuples(result.get()) == 0) {
            requireMap(id);
            throw TeamError(TeamError::Kind::Invalid, "map " + id + " has no snapshot that is a valid map" +
                                                          (firstProblem.empty() ? std::string() : ": " + firstProblem));
        }
        // Binary results: the text cast keeps seq readable; bytea comes raw.
        const std::int64_t seq = std::stoll(value(result, 0, 0));
        ReadResult read = readDocument(value(result, 0, 1));
        if (read.ok())
            return {seq, std::move(*read.document)};
        if (firstProblem.empty())
            firstProblem = "the snapshot after operation " + std::to_string(seq) + ": " +
                           (read.problems.empty() ? std::string("not a map") : read.problems.front().toString());
        if (seq == 0)
            below = -1;
        else
            below = seq - 1;
    }
}

std::vector<StoredOperation> TeamLibrary::operationsAfter(const std::string &id, std::int64_t seq,
                                                          std::optional<std::int64_t> upTo)
{
    const Result result =
        connection().exec("SELECT seq, change_set, author, " + utcTime("at") +
                              ", op::text, client, client_op FROM cjm_team.ops WHERE map_id = $1 AND seq > $2::bigint"
                              " AND seq <= $3::bigint ORDER BY seq",
                          {{id}, {std::to_string(seq)}, {std::to_string(upTo.value_or(INT64_MAX))}});
    std::vector<StoredOperation> operations;
    operations.reserve(static_cast<std::size_t>(PQntuples(result.get())));
    for (int row = 0; row < PQntuples(result.get()); ++row) {
        StoredOperation op{number(result, row, 0),
                           number(result, row, 1),
                           value(result, row, 2),
                           value(result, row, 3),
                           Json(),
                           {},
                           {}};
        // The reader's own strict parser and limits: the log is written by
        // other people's clients (or by hand).
        Problem problem;
        if (std::optional<Json> parsed = parseJsonValue(value(result, row, 4), problem))
            op.operation = std::move(*parsed);
        op.client = value(result, row, 5);
        op.clientOp = value(result, row, 6);
        operations.push_back(std::move(op));
    }
    return operations;
}

std::int64_t TeamLibrary::append(const std::string &id, const std::vector<Json> &operations)
{
    refuseNul(operations);
    Json array = Json::array();
    for (const Json &op : operations)
        array.push_back(op);
    try {
        const Result result = connection().exec("SELECT cjm_team.append($1, $2::json)", {{id}, {array.dump()}});
        return number(result, 0, 0);
    } catch (const TeamError &error) {
        rethrowRefusal(error, id, [&] { return role() + " may view map " + id + " but not change it"; });
    }
}

bool TeamLibrary::writeSnapshot(const std::string &id, std::int64_t seq, const Document &document)
{
    try {
        connection().exec(
            "INSERT INTO cjm_team.snapshots (map_id, seq, title, document) VALUES ($1, $2::bigint, "
            "$3, $4) ON CONFLICT DO NOTHING",
            {{id}, {std::to_string(seq)}, {listedTitle(document.journey().title)}, {writeDocument(document), true}});
        return true;
    } catch (const TeamError &error) {
        // A viewer, or the map moved on meanwhile (a snapshot is stored only
        // after the newest operation): the next writer stores one.
        if (error.kind() == TeamError::Kind::PermissionDenied || error.kind() == TeamError::Kind::Server)
            return false;
        throw;
    }
}

std::int64_t TeamLibrary::appendFrom(const std::string &id, const std::string &client,
                                     const std::vector<ClientOperation> &operations)
{
    std::vector<Json> plain;
    for (const ClientOperation &op : operations)
        plain.push_back(op.operation);
    refuseNul(plain);
    Json array = Json::array();
    for (const ClientOperation &op : operations)
        array.push_back(Json{{"cid", op.id}, {"op", op.operation}});
    try {
        const Result result =
            connection().exec("SELECT cjm_team.append_from($1, $2, $3::json)", {{id}, {client}, {array.dump()}});
        return number(result, 0, 0);
    } catch (const TeamError &error) {
        rethrowRefusal(error, id, [&] { return role() + " may view map " + id + " but not change it"; });
    }
}

std::int64_t TeamLibrary::latestSnapshotSeq(const std::string &id)
{
    const Result result =
        connection().exec("SELECT coalesce(max(seq), 0) FROM cjm_team.snapshots WHERE map_id = $1", {{id}});
    return number(result, 0, 0);
}

std::vector<Version> TeamLibrary::history(const std::string &id)
{
    requireMap(id);
    std::vector<Version> versions;
    const Result first = connection().exec(
        "SELECT author, " + utcTime("at") + " FROM cjm_team.snapshots WHERE map_id = $1 AND seq = 0", {{id}});
    if (PQntuples(first.get()) > 0)
        versions.push_back({0, value(first, 0, 0), value(first, 0, 1), 0, "created"});
    const Result result =
        connection().exec("SELECT max(seq), min(author), " + utcTime("min(at)") +
                              ", count(*), string_agg(coalesce(op->>'op', '?'), ' ' ORDER BY seq)"
                              " FROM cjm_team.ops WHERE map_id = $1 GROUP BY change_set ORDER BY max(seq)",
                          {{id}});
    for (int row = 0; row < PQntuples(result.get()); ++row) {
        std::vector<Json> kinds;
        const std::string all = value(result, row, 4);
        for (std::size_t at = 0; at <= all.size();) {
            const std::size_t space = std::min(all.find(' ', at), all.size());
            kinds.push_back(Json{{"op", all.substr(at, space - at)}});
            at = space + 1;
        }
        versions.push_back({number(result, row, 0), value(result, row, 1), value(result, row, 2),
                            static_cast<std::size_t>(number(result, row, 3)), summarizeOperations(kinds)});
    }
    return versions;
}

void TeamLibrary::grant(const std::string &id, const std::string &role, Access access)
{
    requireMap(id);
    const Result known = connection().exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {{role}});
    if (PQntuples(known.get()) == 0)
        throw TeamError(TeamError::Kind::Invalid, "the server has no database role named " + role);
    try {
        connection().exec("INSERT INTO cjm_team.members (map_id, role, access) VALUES ($1, $2, $3)"
                          " ON CONFLICT (map_id, role) DO UPDATE SET access = EXCLUDED.access",
                          {{id}, {role}, {std::string(toString(access))}});
    } catch (const TeamError &error) {
        rethrowRefusal(error, id, [&] { return "only an owner of map " + id + " can grant access to it"; });
    }
}

void TeamLibrary::listen()
{
    connection().simple("LISTEN cjm_team; LISTEN cjm_team_presence; LISTEN cjm_team_comments");
}

std::vector<std::string> TeamLibrary::waitForChange(int timeoutMs)
{
    PGconn *conn = connection().raw();
    std::vector<std::string> changed;
    const auto collect = [&] {
        if (!PQconsumeInput(conn) || PQstatus(conn) != CONNECTION_OK)
            throw TeamError(TeamError::Kind::Unreachable,
                            "lost the connection to the team server: " + oneLine(PQerrorMessage(conn)));
        while (PGnotify *notify = PQnotifies(conn)) {
            if (std::string_view(notify->relname) == "cjm_team" &&
                std::find(changed.begin(), changed.end(), notify->extra) == changed.end())
                changed.emplace_back(notify->extra);
            PQfreemem(notify);
        }
    };
    collect();
    if (!changed.empty())
        return changed;
    pollfd socket{PQsocket(conn), POLLIN, 0};
    if (socket.fd < 0)
        throw TeamError(TeamError::Kind::Unreachable, "lost the connection to the team server");
    if (poll(&socket, 1, timeoutMs) > 0)
        collect();
    return changed;
}

std::vector<Notification> TeamLibrary::waitForNotifications(int timeoutMs)
{
    PGconn *conn = connection().raw();
    std::vector<Notification> heard;
    const auto collect = [&] {
        if (!PQconsumeInput(conn) || PQstatus(conn) != CONNECTION_OK)
            throw TeamError(TeamError::Kind::Unreachable,
                            "lost the connection to the team server: " + oneLine(PQerrorMessage(conn)));
        while (PGnotify *notify = PQnotifies(conn)) {
            Notification one{notify->relname, notify->extra};
            // This session's own writes: the writer knows them already.
            const bool own = notify->be_pid == PQbackendPID(conn);
            PQfreemem(notify);
            if (!own && std::none_of(heard.begin(), heard.end(), [&](const Notification &n) {
                    return n.channel == one.channel && n.mapId == one.mapId;
                }))
                heard.push_back(std::move(one));
        }
    };
    collect();
    if (!heard.empty() || timeoutMs <= 0)
        return heard;
    pollfd socket{PQsocket(conn), POLLIN, 0};
    if (socket.fd < 0)
        throw TeamError(TeamError::Kind::Unreachable, "lost the connection to the team server");
    if (poll(&socket, 1, timeoutMs) > 0)
        collect();
    return heard;
}

int TeamLibrary::socket() const { return m_connection ? PQsocket(m_connection->raw()) : -1; }

void TeamLibrary::beat(const std::string &id, const std::string &client, const Json &selection)
{
    connection().exec("INSERT INTO cjm_team.presence (map_id, client_id, selection) VALUES ($1, $2, $3::json)"
                      " ON CONFLICT (map_id, role, client_id) DO UPDATE SET selection = EXCLUDED.selection",
                      {{id}, {client}, {selection.dump()}});
}

void TeamLibrary::leave(const std::string &id, const std::string &client)
{
    connection().exec("DELETE FROM cjm_team.presence WHERE map_id = $1 AND client_id = $2", {{id}, {client}});
}

std::vector<PresenceRow> TeamLibrary::presence(const std::string &id, std::chrono::milliseconds staleAfter,
                                               std::chrono::milliseconds clockShift)
{
    const Result result =
        connection().exec("SELECT client_id, role, selection::text, " + utcTime("seen_at") +
                              " FROM cjm_team.presence WHERE map_id = $1"
                              " AND seen_at > clock_timestamp() + $2::bigint * interval '1 millisecond'"
                              " - $3::bigint * interval '1 millisecond' ORDER BY role, client_id",
                          {{id}, {std::to_string(clockShift.count())}, {std::to_string(staleAfter.count())}});
    std::vector<PresenceRow> rows;
    for (int row = 0; row < PQntuples(result.get()); ++row) {
        PresenceRow p{value(result, row, 0), value(result, row, 1), Json::array(), value(result, row, 3)};
        Problem problem;
        if (std::optional<Json> parsed = parseJsonValue(value(result, row, 2), problem))
            p.selection = std::move(*parsed);
        rows.push_back(std::move(p));
    }
    return rows;
}

std::int64_t TeamLibrary::addComment(const std::string &id, const std::string &cardId, const std::string &text,
                                     std::optional<std::int64_t> parent)
{
    try {
        const Result result =
            connection().exec("INSERT INTO cjm_team.comments (map_id, card_id, parent_id, text) VALUES ($1, $2, "
                              "NULLIF($3, '')::bigint, $4)"
                              " RETURNING id",
                              {{id}, {cardId}, {parent ? std::to_string(*parent) : std::string()}, {text}});
        return number(result, 0, 0);
    } catch (const TeamError &error) {
        rethrowRefusal(error, id, [&] { return role() + " may read the comments on map " + id + " but not write"; });
    }
}

void TeamLibrary::resolveComment(const std::string &id, std::int64_t comment, bool resolved)
{
    try {
        const Result result = connection().exec(
            "UPDATE cjm_team.comments SET resolved = $3::boolean WHERE map_id = $1 AND id = $2::bigint",
            {{id}, {std::to_string(comment)}, {resolved ? "true" : "false"}});
        if (std::string(PQcmdTuples(result.get())) == "0")
            throw TeamError(TeamError::Kind::Invalid,
                            "map " + id + " has no comment " + std::to_string(comment) + " you can see");
    } catch (const TeamError &error) {
        rethrowRefusal(error, id, [&] { return role() + " may read the comments on map " + id + " but not resolve"; });
    }
}

std::vector<CommentRow> TeamLibrary::comments(const std::string &id)
{
    const Result result = connection().exec("SELECT id, card_id, parent_id, author, " + utcTime("at") +
                                                ", text, resolved, coalesce(resolved_by, '')"
                                                " FROM cjm_team.comments WHERE map_id = $1 ORDER BY id",
                                            {{id}});
    std::vector<CommentRow> rows;
    for (int row = 0; row < PQntuples(result.get()); ++row) {
        CommentRow c;
        c.id = number(result, row, 0);
        c.cardId = value(result, row, 1);
        if (!PQgetisnull(result.get(), row, 2))
            c.parent = number(result, row, 2);
        c.author = value(result, row, 3);
        c.time = value(result, row, 4);
        c.text = value(result, row, 5);
        c.resolved = value(result, row, 6) == "t";
        c.resolvedBy = value(result, row, 7);
        rows.push_back(std::move(c));
    }
    return rows;
}

TeamMap::TeamMap(TeamLibrary &library, std::string id, std::optional<std::int64_t> version)
    : m_library(library), m_id(std::move(id))
{
    if (version && *version < 0)
        throw TeamError(TeamError::Kind::Invalid, "a version is 0 or more (cjm team history lists them)");
    Snapshot snapshot = m_library.latestSnapshot(m_id, version);
    m_document = std::move(snapshot.document);
    m_seq = m_snapshotSeq = snapshot.seq;
    std::vector<StoredOperation> operations = m_library.operationsAfter(m_id, m_seq, version);
    if (version && (operations.empty() ? m_seq : operations.back().seq) != *version)
        throw TeamError(TeamError::Kind::Invalid, "map " + m_id + " has no version " + std::to_string(*version) +
                                                      " (cjm team history lists them)");
    apply(std::move(operations), false);
    m_openedTail = m_seq - m_snapshotSeq;
    m_pinned = version.has_value();
}

std::vector<AppliedChange> TeamMap::sync(bool describe)
{
    if (m_pinned)
        throw TeamError(TeamError::Kind::Invalid, "map " + m_id + " was opened at a version of its history");
    std::vector<AppliedChange> applied = apply(m_library.operationsAfter(m_id, m_seq), describe);
    compactIfLong();
    return applied;
}

std::vector<AppliedChange> TeamMap::apply(std::vector<StoredOperation> operations, bool describe)
{
    std::vector<AppliedChange> applied;
    for (std::size_t at = 0; at < operations.size();) {
        // One change set at a time: what one push or one edit did.
        std::size_t end = at;
        while (end < operations.size() && operations[end].changeSet == operations[at].changeSet)
            ++end;
        AppliedChange change{operations[end - 1].seq, operations[at].author, operations[at].time, {}, {}};
        std::optional<Document> before;
        if (describe)
            before = m_document;
        for (std::size_t i = at; i < end; ++i) {
            std::string why;
            if (!applyOperation(m_document, operations[i].operation, why))
                change.dropped.push_back("operation " + std::to_string(operations[i].seq) + " by " +
                                         operations[i].author + " was dropped: " + why);
        }
        if (before)
            change.changes = diffDocuments(*before, m_document);
        m_seq = change.seq;
        applied.push_back(std::move(change));
        at = end;
    }
    return applied;
}

std::vector<AppliedChange> TeamMap::send(const std::vector<Json> &operations, bool describe)
{
    if (m_pinned)
        throw TeamError(TeamError::Kind::Invalid, "map " + m_id + " was opened at a version of its history");
    if (!operations.empty())
        m_library.append(m_id, operations);
    return sync(describe);
}

std::size_t TeamMap::sendDocument(const Document &target)
{
    const std::vector<Json> operations = operationsBetween(m_document, target);
    // Tried here first: what the operations cannot carry is said, and
    // nothing is sent, rather than a map that is the file in part.
    Document tried = m_document;
    for (const Json &op : operations) {
        std::string why;
        if (!applyOperation(tried, op, why))
            throw TeamError(TeamError::Kind::Invalid,
                            "nothing sent: the change " + op.dump() + " cannot be applied to map " + m_id + ": " + why);
    }
    if (const std::vector<Change> left = diffDocuments(tried, target); !left.empty())
        throw TeamError(TeamError::Kind::Invalid, "nothing sent: the operations cannot carry this change to map " +
                                                      m_id + ": " + left.front().description);
    send(operations);
    return operations.size();
}

void TeamMap::compactIfLong()
{
    if (m_seq - m_snapshotSeq < kSnapshotEvery)
        return;
    // A viewer cannot write one; the next editor to come along will.
    if (m_library.writeSnapshot(m_id, m_seq, m_document))
        m_snapshotSeq = m_seq;
}

} // namespace cjm::team
