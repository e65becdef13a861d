# A throwaway PostgreSQL 15 cluster for the team library's tests
# (scripts/team-server: a unix socket only; initdb as an unprivileged user when
# run as root). Sourced by tests/team/team_test.sh and tests/gui/team_*.sh.
#
# cluster_start TEAM_SERVER ROLE...
#     Makes $work, a temporary folder under /tmp (as root the server runs as
#     nobody, who must reach its folder: a TMPDIR inside /root would not do),
#     starts a cluster in $server ($work/server) with those login roles, and
#     sets $admin (the administrator's connection string) and $db
#     ("host=SOCKET dbname=cjm": add " user=ROLE").
# cluster_stop STATUS
#     Stops the cluster; when STATUS is not 0, shows the end of its log.
#     Removes $work.

cluster_start() {
    cluster_script="$1"
    shift
    work="$(mktemp -d /tmp/cjm-team-test.XXXXXX)"
    chmod 0755 "$work"
    server="$work/server"
    local roles=()
    for role in "$@"; do roles+=(--role "$role"); done
    admin="$("$cluster_script" --dir "$server" "${roles[@]}")"
    db="host=$server/socket dbname=cjm"
}

cluster_stop() {
    local status="$1"
    [[ -n "${cluster_script:-}" && -n "${server:-}" ]] || return 0
    "$cluster_script" --dir "$server" --stop || true
    if [[ $status -ne 0 && -f "$server/server.log" ]]; then
        echo "--- the end of the server's log:" >&2
        tail -n 30 "$server/server.log" >&2 || true
    fi
    rm -rf "$work"
}
