#!/usr/bin/env bash
# The editor's team library windows (#20) against a real PostgreSQL 15: a
# throwaway cluster in a temporary folder (scripts/team-server, a unix socket
# only), stopped and removed at the end whatever happens. Runs the
# [.teamsync-server] tests of editor_tests (two sessions converge, an edit made
# while the server is down, conflicts, undo, the dialogs); they stop and start
# the server themselves (CJM_TEAM_SERVER, CJM_TEAM_SERVER_DIR).
#
# Usage: team_editor.sh CJM EDITOR_TESTS TEAM_SERVER
set -euo pipefail

cjm="$1"
editor_tests="$2"
team_server="$3"

# Under /tmp: as root the server runs as nobody, who must reach its folder.
work="$(mktemp -d /tmp/cjm-team-editor.XXXXXX)"
chmod 0755 "$work"
server="$work/server"
cleanup() {
    local status=$?
    "$team_server" --dir "$server" --stop || true
    if [[ $status -ne 0 && -f "$server/server.log" ]]; then
        echo "--- the end of the server's log:" >&2
        tail -n 30 "$server/server.log" >&2 || true
    fi
    rm -rf "$work"
    exit $status
}
trap cleanup EXIT INT TERM

admin="$("$team_server" --dir "$server" --role alice --role bob --role carol)"
"$cjm" team --db "$admin" init >/dev/null
export CJM_TEAM_DB="host=$server/socket dbname=cjm"
export CJM_TEAM_SERVER="$team_server"
export CJM_TEAM_SERVER_DIR="$server"
export QT_QPA_PLATFORM=offscreen
"$editor_tests" "[.teamsync-server]"
