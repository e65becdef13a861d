#!/usr/bin/env bash
# The team library against a real PostgreSQL 15: a throwaway cluster in a
# temporary folder (scripts/team-server: initdb as an unprivileged user when
# run as root, a unix socket only), stopped and removed at the end whatever
# happens. Runs the CLI as three teammates and the [server] tests of team_tests.
#
# Usage: team_test.sh CJM TEAM_TESTS SAMPLE.cjm TEAM_SERVER
set -euo pipefail

cjm="$1"
team_tests="$2"
sample="$3"
team_server="$4"
psql_bin=/usr/lib/postgresql/15/bin/psql
source "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"

watch_pid=""
probe_pids=()
cleanup() {
    local status=$?
    if [[ -n "$watch_pid" ]]; then kill "$watch_pid" 2>/dev/null || true; wait "$watch_pid" 2>/dev/null || true; fi
    for pid in "${probe_pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    cluster_stop "$status"
    exit $status
}
trap cleanup EXIT INT TERM
# A command that fails outside fail() says which, before set -e ends the test.
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND" >&2' ERR

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

cluster_start "$team_server" alice bob carol dave
socket="$server/socket"
as() { local who="$1"; shift; "$cjm" team --db "$db user=$who" "$@"; }
sql_as() { "$psql_bin" -X -q -h "$socket" -d cjm -U "$1" -v ON_ERROR_STOP=1 -tA -c "$2"; }
# Runs `command...`, expects exit 1 and `words` in its messages.
expect_failure() {
    local words="$1"; shift
    local status=0
    "$@" >"$work/out" 2>"$work/err" || status=$?
    [[ $status -eq 1 ]] || fail "'$*' exited $status, not 1: $(cat "$work/err")"
    grep -q "$words" "$work/err" || fail "'$*' did not say '$words': $(cat "$work/err")"
}
# Waits up to 15 s for `pattern` in `file`.
wait_for() {
    local pattern="$1" file="$2"
    for _ in $(seq 1 150); do
        grep -q -- "$pattern" "$file" 2>/dev/null && return 0
        sleep 0.1
    done
    fail "'$pattern' never appeared in $file: $(cat "$file")"
}

step "init creates the schema, and again changes nothing"
"$cjm" team --db "$admin" init | grep -q "created (schema version 2)" || fail "init did not create the schema"
"$cjm" team --db "$admin" init | grep -q "up to date" || fail "a second init was not a no-op"
[[ "$(sql_as cjm_admin 'SELECT version FROM cjm_team.schema_version')" == 2 ]] || fail "schema_version is not 2"
sql_as cjm_admin "UPDATE cjm_team.schema_version SET version = 99" >/dev/null
expect_failure "schema version 99, newer than this cjm knows" "$cjm" team --db "$admin" init
sql_as cjm_admin "UPDATE cjm_team.schema_version SET version = 2" >/dev/null

step "init migrates a library of schema version 1 to 2"
sql_as cjm_admin "CREATE DATABASE cjm_v1" >/dev/null
"$team_tests" --schema-at "host=$socket dbname=cjm_v1 user=cjm_admin" 1 >/dev/null
"$cjm" team --db "host=$socket dbname=cjm_v1 user=cjm_admin" init | grep -q "migrated from schema version 1 to 2" || fail "init did not migrate version 1"
"$cjm" team --db "host=$socket dbname=cjm_v1 user=cjm_admin" init | grep -q "up to date (schema version 2)" || fail "a second init after the migration was not a no-op"

step "init forgets the memberships of a dropped role: a new role of that name starts with none"
sql_as cjm_admin "CREATE ROLE zed LOGIN" >/dev/null
zed_map="$(as alice push "$sample" 2>/dev/null)"
as alice grant "$zed_map" zed editor >/dev/null
as zed pull "$zed_map" -o "$work/zed.cjm" 2>/dev/null
sql_as cjm_admin "DROP ROLE zed" >/dev/null
[[ "$(sql_as cjm_admin "SELECT count(*) FROM cjm_team.members WHERE role = 'zed'")" == 1 ]] || fail "DROP ROLE took the membership (this step tests nothing then)"
"$cjm" team --db "$admin" init | grep -q "up to date" || fail "init on an up-to-date library did not say so"
[[ "$(sql_as cjm_admin "SELECT count(*) FROM cjm_team.members WHERE role = 'zed'")" == 0 ]] || fail "init kept the membership of a dropped role"
[[ "$(sql_as cjm_admin "SELECT count(*) FROM cjm_team.members WHERE map_id = '$zed_map' AND role = 'alice'")" == 1 ]] || fail "init took a membership of a role that exists"
sql_as cjm_admin "CREATE ROLE zed LOGIN" >/dev/null
expect_failure "permission denied" as zed pull "$zed_map" -o "$work/zed2.cjm"

step "push then pull is equal by cjm diff"
id="$(as alice push "$sample" 2>/dev/null)"
[[ -n "$id" ]] || fail "push printed no id"
as alice pull "$id" -o "$work/alice.cjm" 2>/dev/null
"$cjm" diff "$sample" "$work/alice.cjm" >/dev/null || fail "the pulled map differs from the pushed one"
as alice list | grep -q "^$id	owner" || fail "alice does not see her map as its owner"
as alice push "$sample" --id team-onboarding >/dev/null 2>&1
as alice pull team-onboarding -o "$work/named.cjm" 2>/dev/null
"$cjm" diff "$sample" "$work/named.cjm" >/dev/null || fail "a map pushed with --id differs"

step "permissions: owners grant, strangers and viewers are refused"
as alice grant "$id" bob editor >/dev/null
as alice grant "$id" carol viewer >/dev/null
expect_failure "permission denied" as bob grant "$id" dave owner
expect_failure "permission denied" as dave pull "$id" -o "$work/dave.cjm"
expect_failure "unknown map" as alice pull no-such-map -o "$work/none.cjm"
expect_failure "cannot reach the team server" "$cjm" team --db "host=$work/no-server dbname=cjm user=alice" list
[[ ! -e "$work/dave.cjm" && ! -e "$work/none.cjm" ]] || fail "a refused pull wrote a file"

step "watch prints a teammate's change in cjm diff's words"
# Run directly, not through as(): $! is then cjm itself, not a subshell the trap would kill instead.
"$cjm" team --db "$db user=carol" watch "$id" >"$work/watch.out" 2>"$work/watch.err" &
watch_pid=$!
wait_for "watching map" "$work/watch.err"
python3 - "$work/alice.cjm" "$work/bob.cjm" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["cards"][0]["text"] = "Bob rewrote this card"
d["journey"]["title"] = "Edited by the team"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
as bob push "$work/bob.cjm" --id "$id" >/dev/null 2>&1
wait_for "bob: card .* text changed .*Bob rewrote this card" "$work/watch.out"
wait_for "bob: journey title changed" "$work/watch.out"
as alice pull "$id" -o "$work/alice2.cjm" 2>/dev/null
"$cjm" diff "$work/bob.cjm" "$work/alice2.cjm" >/dev/null || fail "alice's pull differs from bob's push"

step "a viewer's raw SQL writes fail and change nothing"
before="$(sql_as alice "SELECT count(*) FROM cjm_team.ops WHERE map_id = '$id'")|$(sql_as alice "SELECT string_agg(role || ':' || access, ',' ORDER BY role) FROM cjm_team.members WHERE map_id = '$id'")"
for statement in \
    "INSERT INTO cjm_team.ops (map_id, op) VALUES ('$id', '{\"op\":\"remove\",\"entity\":\"card\",\"id\":\"x\"}')" \
    "SELECT cjm_team.append('$id', '[{\"op\":\"set\",\"entity\":\"journey\",\"field\":\"title\",\"value\":\"carol\"}]')" \
    "UPDATE cjm_team.ops SET op = '{}' WHERE map_id = '$id'" \
    "DELETE FROM cjm_team.ops WHERE map_id = '$id'" \
    "INSERT INTO cjm_team.snapshots (map_id, seq, document) VALUES ('$id', 0, 'x')" \
    "INSERT INTO cjm_team.members (map_id, role, access) VALUES ('$id', 'carol', 'owner')" \
    "UPDATE cjm_team.members SET access = 'owner' WHERE role = 'carol'" \
    "TRUNCATE cjm_team.ops"; do
    if sql_as carol "$statement" >/dev/null 2>"$work/sql.err"; then
        # Row-level security hides rows from an UPDATE or DELETE: no error,
        # and (checked below) nothing changed.
        case "$statement" in UPDATE*|DELETE*) ;; *) fail "carol's '$statement' succeeded" ;; esac
    fi
done
sql_as carol "DELETE FROM cjm_team.maps WHERE id = '$id'" >/dev/null
after="$(sql_as alice "SELECT count(*) FROM cjm_team.ops WHERE map_id = '$id'")|$(sql_as alice "SELECT string_agg(role || ':' || access, ',' ORDER BY role) FROM cjm_team.members WHERE map_id = '$id'")"
[[ "$before" == "$after" ]] || fail "carol's SQL changed the map: $before -> $after"
expect_failure "permission denied" as carol push "$sample" --id "$id"
as carol pull "$id" -o "$work/carol.cjm" 2>/dev/null
"$cjm" diff "$work/bob.cjm" "$work/carol.cjm" >/dev/null || fail "carol's view of the map changed"
[[ "$(sql_as dave "SELECT count(*) FROM cjm_team.ops")" == 0 ]] || fail "dave, no member, can read operations"

step "comments and presence: a viewer's raw SQL writes fail, nobody writes as someone else"
if sql_as bob "INSERT INTO cjm_team.comments (map_id, card_id, text, author) VALUES ('$id', 'card-x', 'as alice', 'alice')" >/dev/null 2>&1; then fail "bob wrote a comment naming its author"; fi
if sql_as bob "INSERT INTO cjm_team.comments (id, map_id, card_id, text) VALUES (999999, '$id', 'card-x', 'my id')" >/dev/null 2>&1; then fail "bob chose a comment's id"; fi
sql_as bob "INSERT INTO cjm_team.comments (map_id, card_id, text) VALUES ('$id', 'card-x', 'from bob')" >/dev/null
[[ "$(sql_as carol "SELECT author FROM cjm_team.comments WHERE map_id = '$id'")" == bob ]] || fail "a comment's author was not the server's current_user"
comments_before="$(sql_as alice "SELECT string_agg(id || ':' || author || ':' || text || ':' || resolved, ',') FROM cjm_team.comments WHERE map_id = '$id'")"
for statement in \
    "INSERT INTO cjm_team.comments (map_id, card_id, text) VALUES ('$id', 'card-x', 'from carol')" \
    "UPDATE cjm_team.comments SET resolved = true WHERE map_id = '$id'" \
    "UPDATE cjm_team.comments SET text = 'carol was here' WHERE map_id = '$id'" \
    "DELETE FROM cjm_team.comments WHERE map_id = '$id'"; do
    if sql_as carol "$statement" >/dev/null 2>"$work/sql.err"; then fail "carol's '$statement' succeeded"; fi
done
for statement in \
    "UPDATE cjm_team.comments SET text = 'bob rewrote it' WHERE map_id = '$id'" \
    "UPDATE cjm_team.comments SET author = 'alice' WHERE map_id = '$id'" \
    "DELETE FROM cjm_team.comments WHERE map_id = '$id'"; do
    if sql_as bob "$statement" >/dev/null 2>"$work/sql.err"; then fail "bob's '$statement' succeeded"; fi
done
[[ "$(sql_as alice "SELECT string_agg(id || ':' || author || ':' || text || ':' || resolved, ',') FROM cjm_team.comments WHERE map_id = '$id'")" == "$comments_before" ]] || fail "raw SQL changed a comment"
if sql_as carol "INSERT INTO cjm_team.presence (map_id, client_id, role) VALUES ('$id', 'carol-psql', 'alice')" >/dev/null 2>&1; then fail "carol named the role of her presence"; fi
sql_as carol "INSERT INTO cjm_team.presence (map_id, client_id) VALUES ('$id', 'carol-psql')" >/dev/null
[[ "$(sql_as alice "SELECT role FROM cjm_team.presence WHERE client_id = 'carol-psql'")" == carol ]] || fail "carol was present as someone else"
if sql_as carol "UPDATE cjm_team.presence SET map_id = 'team-onboarding' WHERE client_id = 'carol-psql'" >/dev/null 2>&1; then fail "carol moved her presence to another map"; fi
sql_as bob "INSERT INTO cjm_team.ops (map_id, op, client) VALUES ('$id', '{\"op\":\"set\",\"entity\":\"journey\",\"field\":\"title\",\"value\":\"Edited by the team\"}', 'c-alice')" >/dev/null
[[ "$(sql_as alice "SELECT client FROM cjm_team.ops WHERE map_id = '$id' ORDER BY seq DESC LIMIT 1")" == "bob/c-alice" ]] || fail "an operation's client was not stamped with its role"
sql_as bob "UPDATE cjm_team.presence SET selection = '[\"x\"]' WHERE client_id = 'carol-psql'" >/dev/null
sql_as bob "DELETE FROM cjm_team.presence WHERE client_id = 'carol-psql'" >/dev/null
[[ "$(sql_as alice "SELECT selection::text FROM cjm_team.presence WHERE client_id = 'carol-psql'")" == "[]" ]] || fail "bob changed carol's presence"
if sql_as dave "INSERT INTO cjm_team.presence (map_id, client_id) VALUES ('$id', 'dave-psql')" >/dev/null 2>&1; then fail "dave, no member, was present"; fi
[[ "$(sql_as dave "SELECT count(*) FROM cjm_team.comments")" == 0 ]] || fail "dave, no member, can read comments"

step "a snapshot an editor spoilt by hand is passed over; none can be slipped under an older version"
if sql_as bob "INSERT INTO cjm_team.snapshots (map_id, seq, document) VALUES ('$id', 1, 'an older version')" >/dev/null 2>&1; then fail "bob stored a snapshot under an older version"; fi
sql_as bob "INSERT INTO cjm_team.snapshots (map_id, seq, document) SELECT '$id', max(seq), 'not a map' FROM cjm_team.ops WHERE map_id = '$id'" >/dev/null
as carol pull "$id" -o "$work/carol2.cjm" 2>/dev/null
"$cjm" diff "$work/bob.cjm" "$work/carol2.cjm" >/dev/null || fail "a spoilt snapshot changed what opens"

step "history lists each change set with its author"
as alice history "$id" | grep -q "	bob	2 set" || fail "history lacks bob's change: $(as alice history "$id")"
as alice history "$id" --json | python3 -c 'import json,sys; v=json.load(sys.stdin); assert v[0]["version"]==0 and v[-1]["author"]=="bob", v'
as carol pull "$id" --version 0 -o "$work/v0.cjm" 2>/dev/null
"$cjm" diff "$sample" "$work/v0.cjm" >/dev/null || fail "version 0 is not the map as first pushed"
expect_failure "has no version 999" as carol pull "$id" --version 999 -o "$work/v999.cjm"

step "kill -9 of the server: watch resyncs after the restart, nothing is lost"
postmaster="$(head -n 1 "$server/data/postmaster.pid")"
kill -9 "$postmaster"
wait_for "retrying" "$work/watch.err"
expect_failure "cannot reach the team server" as bob push "$work/bob.cjm" --id "$id"
"$team_server" --dir "$server" >/dev/null
python3 - "$work/bob.cjm" "$work/bob2.cjm" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["cards"][1]["notes"] = "Written after the crash"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
as bob push "$work/bob2.cjm" --id "$id" >/dev/null 2>&1
wait_for "reconnected" "$work/watch.err"
wait_for "bob: card .* notes .*Written after the crash" "$work/watch.out"
as alice pull "$id" -o "$work/alice3.cjm" 2>/dev/null
"$cjm" diff "$work/bob2.cjm" "$work/alice3.cjm" >/dev/null || fail "the map after the restart differs from bob's"
kill "$watch_pid"; wait "$watch_pid" 2>/dev/null || true; watch_pid=""

step "kill -9 of a client with pending operations (journalled while the server was down): sent at its next start"
journal="$work/probe.journal"
"$team_tests" --journal-open "$db user=bob" "$id" "$journal" >/dev/null || fail "the probe could not open the map"
"$team_server" --dir "$server" --stop >/dev/null
"$team_tests" --journal-writer "$db user=bob" "$id" "$journal" >"$work/writer.out" 2>&1 &
writer_pid=$!
probe_pids+=("$writer_pid")
wait_for "journaled 2 state offline" "$work/writer.out"
kill -9 "$writer_pid"; wait "$writer_pid" 2>/dev/null || true
"$team_server" --dir "$server" >/dev/null
"$team_tests" --journal-send "$db user=bob" "$id" "$journal" >"$work/send.out" 2>&1 || fail "the next start did not send: $(cat "$work/send.out")"
grep -q "sent 2 pending 0 of 2" "$work/send.out" || fail "the next start sent $(cat "$work/send.out")"
as alice pull "$id" -o "$work/after-kill.cjm" 2>/dev/null
grep -q "Written offline, then killed" "$work/after-kill.cjm" || fail "the killed client's edit is not on the server"
grep -q "Killed title" "$work/after-kill.cjm" || fail "the killed client's second edit is not on the server"
"$team_tests" --journal-send "$db user=bob" "$id" "$journal" | grep -q "sent 0 pending 0 of 0" || fail "the journal still held sent operations"

step "kill -9 of a present client: its row stays, and stops counting after the presence timeout"
"$team_tests" --present "$db user=carol" "$id" "$work/present.journal" >"$work/present.out" 2>&1 &
present_pid=$!
probe_pids+=("$present_pid")
wait_for "present " "$work/present.out"
client="$(awk '/^present /{print $2}' "$work/present.out")"
kill -9 "$present_pid"; wait "$present_pid" 2>/dev/null || true
"$team_tests" --presence-check "$db user=alice" "$id" "$client" >"$work/check.out"
grep -q "row yes" "$work/check.out" || fail "the killed client's presence row is gone: $(cat "$work/check.out")"
grep -q "counted-later no" "$work/check.out" || fail "a stale presence row still counts: $(cat "$work/check.out")"

step "kill -9 of the server mid-session: team clients keep editing offline, resync after the restart, lose nothing"
control="$work/control"
mkdir -p "$control"
CJM_TEAM_DB="$db" CJM_TEAM_CONTROL="$control" "$team_tests" "[crash]" >"$work/crash.out" 2>&1 &
crash_pid=$!
probe_pids+=("$crash_pid")
wait_for_file() {
    for _ in $(seq 1 600); do [[ -e "$1" ]] && return 0; sleep 0.1; done
    fail "$1 never appeared: $(cat "$work/crash.out")"
}
wait_for_file "$control/kill-now"
kill -9 "$(head -n 1 "$server/data/postmaster.pid")"
touch "$control/killed"
wait_for_file "$control/restart-now"
"$team_server" --dir "$server" >/dev/null
touch "$control/restarted"
wait "$crash_pid" || fail "team_tests [crash]: $(cat "$work/crash.out")"

step "team_tests [server]: clients converge, conflicts, journals, presence, comments, history, migration"
sql_as cjm_admin "CREATE DATABASE cjm_migrate" >/dev/null
CJM_TEAM_DB="$db" CJM_TEAM_MIGRATE_DB="host=$socket dbname=cjm_migrate user=cjm_admin" "$team_tests" "[server]"

echo "team: all passed"
