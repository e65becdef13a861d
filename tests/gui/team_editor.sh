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

source "$(dirname "${BASH_SOURCE[0]}")/../team/cluster.sh"
cleanup() {
    local status=$?
    cluster_stop "$status"
    exit $status
}
trap cleanup EXIT INT TERM

cluster_start "$team_server" alice bob carol
"$cjm" team --db "$admin" init >/dev/null
export CJM_TEAM_DB="$db"
export CJM_TEAM_SERVER="$team_server"
export CJM_TEAM_SERVER_DIR="$server"
export QT_QPA_PLATFORM=offscreen
"$editor_tests" "[.teamsync-server]"
