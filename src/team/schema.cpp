#include "schema.hpp"

namespace cjm::team {

namespace {

// Version 1. Who may do what is decided here, by PostgreSQL, for every
// session, whatever client it uses (psql included):
// - a map's members are database roles (or groups of them) with an access:
//   viewer (read), editor (read, append operations and snapshots), owner
//   (also grant and delete);
// - row-level security hides the maps a role is not a member of and refuses
//   the rows it may not write; the operation log is append-only (no UPDATE or
//   DELETE is granted to anyone but the tables' owner);
// - triggers stamp each operation with the session's role, the server's time
//   and the map's next sequence number, so no client can choose them.
constexpr std::string_view kVersion1 = R"SQL(
CREATE TABLE cjm_team.maps (
    id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
    created_by name NOT NULL DEFAULT current_user,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE cjm_team.members (
    map_id text NOT NULL REFERENCES cjm_team.maps (id) ON DELETE CASCADE,
    role name NOT NULL,
    access text NOT NULL CHECK (access IN ('viewer', 'editor', 'owner')),
    PRIMARY KEY (map_id, role)
);
-- The log: one row per field-level operation, in the map's order (seq).
-- json, not jsonb: an entity's keys keep their order, as in the file.
CREATE TABLE cjm_team.ops (
    map_id text NOT NULL REFERENCES cjm_team.maps (id) ON DELETE CASCADE,
    seq bigint NOT NULL DEFAULT 0,
    change_set bigint NOT NULL DEFAULT 0,
    author name NOT NULL DEFAULT current_user,
    at timestamptz NOT NULL DEFAULT now(),
    op json NOT NULL,
    PRIMARY KEY (map_id, seq)
);
-- The whole map (its .cjm bytes) as it was after operation seq: opening reads
-- the newest snapshot and the operations after it.
CREATE TABLE cjm_team.snapshots (
    map_id text NOT NULL REFERENCES cjm_team.maps (id) ON DELETE CASCADE,
    seq bigint NOT NULL,
    author name NOT NULL DEFAULT current_user,
    at timestamptz NOT NULL DEFAULT now(),
    title text NOT NULL DEFAULT '',
    document bytea NOT NULL,
    PRIMARY KEY (map_id, seq)
);

-- 0 none, 1 viewer, 2 editor, 3 owner: the highest access `who` has to the
-- map, directly or through a group role. SECURITY DEFINER so that the
-- policies on members can ask it without recursing into themselves; it
-- answers for the role it is given, which the policies pass as current_user.
CREATE FUNCTION cjm_team.access_rank(map text, who name) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce(max(CASE m.access WHEN 'owner' THEN 3 WHEN 'editor' THEN 2 ELSE 1 END), 0)
    FROM cjm_team.members m JOIN pg_roles r ON r.rolname = m.role
    WHERE m.map_id = map AND pg_has_role(who, r.oid, 'MEMBER')
$$;

-- Whether a map of that id exists, seen or not: lets a client say
-- "permission denied" rather than "unknown map" to someone not invited.
CREATE FUNCTION cjm_team.map_exists(map text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM cjm_team.maps WHERE id = map)
$$;

CREATE FUNCTION cjm_team.map_created() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO cjm_team.members (map_id, role, access) VALUES (NEW.id, NEW.created_by, 'owner');
    RETURN NULL;
END $$;

CREATE FUNCTION cjm_team.map_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_by := current_user;
    NEW.created_at := now();
    RETURN NEW;
END $$;

-- The map's next sequence number under a lock held to the end of the
-- transaction: appends to one map commit in the order of their numbers, so a
-- reader that has seen seq N never later meets a smaller one.
CREATE FUNCTION cjm_team.op_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(1668246893, hashtext(NEW.map_id));
    NEW.seq := coalesce((SELECT max(seq) FROM cjm_team.ops WHERE map_id = NEW.map_id), 0) + 1;
    NEW.change_set := txid_current();
    NEW.author := current_user;
    NEW.at := now();
    RETURN NEW;
END $$;

-- Listeners hear the map's id once per transaction that changed it.
CREATE FUNCTION cjm_team.op_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('cjm_team', NEW.map_id);
    RETURN NULL;
END $$;

CREATE FUNCTION cjm_team.snapshot_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.seq < 0 OR NEW.seq > coalesce((SELECT max(seq) FROM cjm_team.ops WHERE map_id = NEW.map_id), 0) THEN
        RAISE EXCEPTION 'a snapshot after operation % of map % is ahead of its log', NEW.seq, NEW.map_id
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.author := current_user;
    NEW.at := now();
    RETURN NEW;
END $$;

CREATE TRIGGER map_stamp BEFORE INSERT ON cjm_team.maps FOR EACH ROW EXECUTE FUNCTION cjm_team.map_stamp();
CREATE TRIGGER map_created AFTER INSERT ON cjm_team.maps FOR EACH ROW EXECUTE FUNCTION cjm_team.map_created();
CREATE TRIGGER op_stamp BEFORE INSERT ON cjm_team.ops FOR EACH ROW EXECUTE FUNCTION cjm_team.op_stamp();
CREATE TRIGGER op_notify AFTER INSERT ON cjm_team.ops FOR EACH ROW EXECUTE FUNCTION cjm_team.op_notify();
CREATE TRIGGER snapshot_stamp BEFORE INSERT ON cjm_team.snapshots FOR EACH ROW
    EXECUTE FUNCTION cjm_team.snapshot_stamp();

-- Appends operations (a JSON array) as one change set; returns the last seq.
CREATE FUNCTION cjm_team.append(map text, operations json) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    item json;
    last bigint := 0;
BEGIN
    FOR item IN SELECT value FROM json_array_elements(operations) LOOP
        INSERT INTO cjm_team.ops (map_id, op) VALUES (map, item) RETURNING seq INTO last;
    END LOOP;
    RETURN last;
END $$;

ALTER TABLE cjm_team.maps ENABLE ROW LEVEL SECURITY;
ALTER TABLE cjm_team.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE cjm_team.ops ENABLE ROW LEVEL SECURITY;
ALTER TABLE cjm_team.snapshots ENABLE ROW LEVEL SECURITY;

CREATE POLICY maps_read ON cjm_team.maps FOR SELECT USING (cjm_team.access_rank(id, current_user) >= 1);
CREATE POLICY maps_create ON cjm_team.maps FOR INSERT WITH CHECK (created_by = current_user);
CREATE POLICY maps_delete ON cjm_team.maps FOR DELETE USING (cjm_team.access_rank(id, current_user) >= 3);

CREATE POLICY members_read ON cjm_team.members FOR SELECT
    USING (cjm_team.access_rank(map_id, current_user) >= 1);
CREATE POLICY members_add ON cjm_team.members FOR INSERT
    WITH CHECK (cjm_team.access_rank(map_id, current_user) >= 3);
CREATE POLICY members_change ON cjm_team.members FOR UPDATE
    USING (cjm_team.access_rank(map_id, current_user) >= 3)
    WITH CHECK (cjm_team.access_rank(map_id, current_user) >= 3);
CREATE POLICY members_remove ON cjm_team.members FOR DELETE
    USING (cjm_team.access_rank(map_id, current_user) >= 3);

CREATE POLICY ops_read ON cjm_team.ops FOR SELECT USING (cjm_team.access_rank(map_id, current_user) >= 1);
CREATE POLICY ops_append ON cjm_team.ops FOR INSERT
    WITH CHECK (cjm_team.access_rank(map_id, current_user) >= 2 AND author = current_user);

CREATE POLICY snapshots_read ON cjm_team.snapshots FOR SELECT
    USING (cjm_team.access_rank(map_id, current_user) >= 1);
CREATE POLICY snapshots_write ON cjm_team.snapshots FOR INSERT
    WITH CHECK (cjm_team.access_rank(map_id, current_user) >= 2 AND author = current_user);

REVOKE ALL ON ALL TABLES IN SCHEMA cjm_team FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cjm_team FROM PUBLIC;
GRANT USAGE ON SCHEMA cjm_team TO PUBLIC;
GRANT SELECT ON cjm_team.schema_version TO PUBLIC;
GRANT SELECT, INSERT, DELETE ON cjm_team.maps TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON cjm_team.members TO PUBLIC;
GRANT SELECT, INSERT ON cjm_team.ops, cjm_team.snapshots TO PUBLIC;
GRANT EXECUTE ON FUNCTION cjm_team.access_rank(text, name), cjm_team.map_exists(text),
    cjm_team.append(text, json) TO PUBLIC;
)SQL";

// Version 2: what the editor needs to work as a team on one map.
// - ops.client / ops.client_op: which client (one per journal) sent an
//   operation, and the operation's own id there. append_from() keeps each
//   client operation once, so a client killed after sending, sending again
//   from its journal, adds nothing twice; and a client knows which changes
//   were another client's (conflicts of offline edits).
// - presence: who has the map open and their selection, one row per client,
//   refreshed by a heartbeat; a row not refreshed lately does not count
//   (clients filter on seen_at). Any member may be present (viewers too);
//   nobody writes a row as someone else: the server sets role and seen_at.
// - comments: threads on cards. Viewers read them; editors and owners write
//   and resolve; the server sets author and time; nobody changes a comment's
//   text or author (only `resolved` may be updated), nobody deletes one.
// - NOTIFY on cjm_team_presence and cjm_team_comments (payload: the map id)
//   so open clients see them live.
constexpr std::string_view kVersion2 = R"SQL(
ALTER TABLE cjm_team.ops ADD COLUMN client text, ADD COLUMN client_op text;
CREATE UNIQUE INDEX ops_client_op ON cjm_team.ops (map_id, client_op) WHERE client_op IS NOT NULL;

-- As in version 1, and the client is stamped with the session's role
-- ("alice/c7x..."), so nobody can pass an operation off as another's client.
CREATE OR REPLACE FUNCTION cjm_team.op_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(1668246893, hashtext(NEW.map_id));
    NEW.seq := coalesce((SELECT max(seq) FROM cjm_team.ops WHERE map_id = NEW.map_id), 0) + 1;
    NEW.change_set := txid_current();
    NEW.author := current_user;
    NEW.at := now();
    IF NEW.client IS NOT NULL THEN
        NEW.client := current_user || '/' || NEW.client;
    END IF;
    RETURN NEW;
END $$;

-- Appends [{"cid": "...", "op": {...}}, ...] from one client as one change
-- set, skipping operations (by cid) the map has already; returns the last seq
-- appended (0 when every one was there).
CREATE FUNCTION cjm_team.append_from(map text, client text, operations json) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    item json;
    last bigint := 0;
BEGIN
    FOR item IN SELECT value FROM json_array_elements(operations) LOOP
        IF item->>'cid' IS NOT NULL AND EXISTS (
            SELECT 1 FROM cjm_team.ops o WHERE o.map_id = map AND o.client_op = item->>'cid') THEN
            CONTINUE;
        END IF;
        INSERT INTO cjm_team.ops (map_id, op, client, client_op) VALUES (map, item->'op', client, item->>'cid')
            RETURNING seq INTO last;
    END LOOP;
    RETURN last;
END $$;

-- A snapshot is stored only for the newest operation: nobody (an editor's
-- raw SQL included) can slip a different map under an older version, which
-- history and restore read.
CREATE OR REPLACE FUNCTION cjm_team.snapshot_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.seq <> coalesce((SELECT max(seq) FROM cjm_team.ops WHERE map_id = NEW.map_id), 0) THEN
        RAISE EXCEPTION 'a snapshot of map % is stored only after its newest operation, not after %',
            NEW.map_id, NEW.seq USING ERRCODE = 'check_violation';
    END IF;
    NEW.author := current_user;
    NEW.at := now();
    RETURN NEW;
END $$;

CREATE TABLE cjm_team.presence (
    map_id text NOT NULL REFERENCES cjm_team.maps (id) ON DELETE CASCADE,
    client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 64),
    role name NOT NULL DEFAULT current_user,
    selection json NOT NULL DEFAULT '[]',
    seen_at timestamptz NOT NULL DEFAULT now(),
    -- With the role: nobody can take another person's client id first.
    PRIMARY KEY (map_id, role, client_id)
);

CREATE FUNCTION cjm_team.presence_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.role := current_user;
    NEW.seen_at := clock_timestamp();
    RETURN NEW;
END $$;

-- Arrivals, departures and changed selections; not every heartbeat.
CREATE FUNCTION cjm_team.presence_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.selection::text = OLD.selection::text
       AND OLD.seen_at > NEW.seen_at - interval '5 seconds' THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify('cjm_team_presence', CASE WHEN TG_OP = 'DELETE' THEN OLD.map_id ELSE NEW.map_id END);
    RETURN NULL;
END $$;

CREATE TRIGGER presence_stamp BEFORE INSERT OR UPDATE ON cjm_team.presence FOR EACH ROW
    EXECUTE FUNCTION cjm_team.presence_stamp();
CREATE TRIGGER presence_notify AFTER INSERT OR UPDATE OR DELETE ON cjm_team.presence FOR EACH ROW
    EXECUTE FUNCTION cjm_team.presence_notify();

CREATE TABLE cjm_team.comments (
    id bigserial PRIMARY KEY,
    map_id text NOT NULL REFERENCES cjm_team.maps (id) ON DELETE CASCADE,
    card_id text NOT NULL CHECK (length(card_id) BETWEEN 1 AND 256),
    parent_id bigint REFERENCES cjm_team.comments (id) ON DELETE CASCADE,
    author name NOT NULL DEFAULT current_user,
    at timestamptz NOT NULL DEFAULT now(),
    text text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
    resolved boolean NOT NULL DEFAULT false,
    resolved_by name,
    resolved_at timestamptz
);
CREATE INDEX comments_map ON cjm_team.comments (map_id, id);

CREATE FUNCTION cjm_team.comment_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.author := current_user;
        NEW.at := now();
        NEW.resolved := false;
        NEW.resolved_by := NULL;
        NEW.resolved_at := NULL;
        IF NEW.parent_id IS NOT NULL THEN
            SELECT map_id, card_id INTO parent FROM cjm_team.comments WHERE id = NEW.parent_id;
            IF NOT FOUND OR parent.map_id <> NEW.map_id THEN
                RAISE EXCEPTION 'comment % is not a comment on map %', NEW.parent_id, NEW.map_id
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
            NEW.card_id := parent.card_id;
        END IF;
    ELSIF NEW.resolved IS DISTINCT FROM OLD.resolved THEN
        NEW.resolved_by := CASE WHEN NEW.resolved THEN current_user END;
        NEW.resolved_at := CASE WHEN NEW.resolved THEN now() END;
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION cjm_team.comment_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('cjm_team_comments', NEW.map_id);
    RETURN NULL;
END $$;

CREATE TRIGGER comment_stamp BEFORE INSERT OR UPDATE ON cjm_team.comments FOR EACH ROW
    EXECUTE FUNCTION cjm_team.comment_stamp();
CREATE TRIGGER comment_notify AFTER INSERT OR UPDATE ON cjm_team.comments FOR EACH ROW
    EXECUTE FUNCTION cjm_team.comment_notify();

ALTER TABLE cjm_team.presence ENABLE ROW LEVEL SECURITY;
ALTER TABLE cjm_team.comments ENABLE ROW LEVEL SECURITY;

CREATE POLICY presence_read ON cjm_team.presence FOR SELECT
    USING (cjm_team.access_rank(map_id, current_user) >= 1);
CREATE POLICY presence_arrive ON cjm_team.presence FOR INSERT
    WITH CHECK (cjm_team.access_rank(map_id, current_user) >= 1 AND role = current_user);
CREATE POLICY presence_beat ON cjm_team.presence FOR UPDATE
    USING (role = current_user)
    WITH CHECK (role = current_user AND cjm_team.access_rank(map_id, current_user) >= 1);
CREATE POLICY presence_leave ON cjm_team.presence FOR DELETE USING (role = current_user);

CREATE POLICY comments_read ON cjm_team.comments FOR SELECT
    USING (cjm_team.access_rank(map_id, current_user) >= 1);
CREATE POLICY comments_write ON cjm_team.comments FOR INSERT
    WITH CHECK (cjm_team.access_rank(map_id, current_user) >= 2 AND author = current_user);
-- A viewer's UPDATE sees the rows and then fails (rather than finding none).
CREATE POLICY comments_resolve ON cjm_team.comments FOR UPDATE
    USING (cjm_team.access_rank(map_id, current_user) >= 1)
    WITH CHECK (cjm_team.access_rank(map_id, current_user) >= 2);

REVOKE ALL ON cjm_team.presence, cjm_team.comments FROM PUBLIC;
REVOKE ALL ON FUNCTION cjm_team.append_from(text, text, json) FROM PUBLIC;
GRANT SELECT, INSERT (map_id, client_id, selection), DELETE ON cjm_team.presence TO PUBLIC;
GRANT UPDATE (selection) ON cjm_team.presence TO PUBLIC;
GRANT SELECT ON cjm_team.comments TO PUBLIC;
GRANT INSERT (map_id, card_id, parent_id, text) ON cjm_team.comments TO PUBLIC;
GRANT UPDATE (resolved) ON cjm_team.comments TO PUBLIC;
GRANT USAGE ON SEQUENCE cjm_team.comments_id_seq TO PUBLIC;
GRANT EXECUTE ON FUNCTION cjm_team.append_from(text, text, json) TO PUBLIC;
)SQL";

} // namespace

const std::vector<std::string_view> &migrations()
{
    static const std::vector<std::string_view> all{kVersion1, kVersion2};
    return all;
}

} // namespace cjm::team
