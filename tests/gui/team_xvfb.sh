#!/usr/bin/env bash
# Two real windows on one team map (#20 item 10), under Xvfb with a throwaway
# PostgreSQL 15 cluster (scripts/team-server):
# 0. cjm-studio refuses bad --team-db / --team-map values with exit 2 and a
#    message that names the option;
# 1. two cjm-studio processes, alice's and bob's, open the same map (with
#    --team-db and --team-map, as a user would); xdotool
#    drags a card to another stage in alice's window and bob's window shows it
#    (its map, written by the CJM_STUDIO_TEAM_DUMP test hook after each
#    change) within the wait limit (1 s after alice's window has the move;
#    CJM_TEAM_DRAG_LIMIT to change it);
# 2. kill -9 of a client with pending operations: with the server stopped,
#    alice drags another card (journalled, not sent), her process is killed
#    with SIGKILL, the server comes back, alice starts again and bob's window
#    gets the drag.
# The display is $CJM_XVFB_DISPLAY (a number) when set, else one Xvfb picks.
# Usage: team_xvfb.sh CJM_STUDIO CJM SAMPLE TEAM_SERVER
set -euo pipefail
studio=$1 cli=$2 sample=$3 team_server=$4
source "$(dirname "${BASH_SOURCE[0]}")/../team/cluster.sh"

pids=()
xvfb_pid=""
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
    if [[ $status -ne 0 && -n "${work:-}" ]]; then
        for log in "$work"/*.log; do echo "--- $log" >&2; tail -n 20 "$log" >&2 || true; done
    fi
    cluster_stop "$status"
    exit $status
}
trap cleanup EXIT INT TERM
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

# ---- the server and the map --------------------------------------------------
cluster_start "$team_server" alice bob
"$cli" team --db "$admin" init >/dev/null
map="$("$cli" team --db "$db user=alice" push "$sample" 2>/dev/null)"
"$cli" team --db "$db user=alice" grant "$map" bob editor >/dev/null

# ---- cjm-studio --team-db / --team-map: bad values are refused, naming the option
# refused WORDS ARGS...: cjm-studio ARGS exits with 2 before any window and says WORDS.
refused() {
    local words=$1 status=0
    shift
    QT_QPA_PLATFORM=offscreen "$studio" "$@" >"$work/refused.out" 2>"$work/refused.err" || status=$?
    [[ $status -eq 2 ]] || fail "cjm-studio $* exited $status, not 2: $(cat "$work/refused.err")"
    grep -qF -- "$words" "$work/refused.err" || fail "cjm-studio $* did not say '$words': $(cat "$work/refused.err")"
}
step "cjm-studio refuses bad --team-db / --team-map values, naming the option"
refused "--team-map needs --team-db" --team-map "$map"
refused "--team-db needs --team-map" --team-db "$db user=alice"
refused "--team-map: " --team-db "$db user=alice" --team-map "not a map id"
refused "--team-db: " --team-db "nonsense" --team-map "$map"
refused "--team-db: leave the password out" --team-db "$db user=alice password=secret" --team-map "$map"
QT_QPA_PLATFORM=offscreen "$studio" --help | grep -q -- "--team-map <ID>" || fail "--help does not list --team-map"

# ---- the display -------------------------------------------------------------
if [[ -n "${CJM_XVFB_DISPLAY:-}" ]]; then
    Xvfb ":$CJM_XVFB_DISPLAY" -screen 0 1600x1000x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    export DISPLAY=":$CJM_XVFB_DISPLAY"
    for _ in $(seq 1 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
else
    exec 3<> >(:)
    Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    display=""
    for _ in $(seq 1 100); do
        read -r -t 0.1 display <&3 || true
        [[ -n "$display" ]] && break
    done
    [[ -n "$display" ]] || fail "Xvfb did not start"
    export DISPLAY=":$display"
fi
unset QT_QPA_PLATFORM

# start WHO: a cjm-studio of WHO on the map, its own settings and data folders.
start() {
    local who=$1
    mkdir -p "$work/$who/config/CJM Studio" "$work/$who/data"
    printf '[start]\nshowDialog=false\n' >"$work/$who/config/CJM Studio/CJM Studio.conf"
    XDG_CONFIG_HOME="$work/$who/config" XDG_DATA_HOME="$work/$who/data" \
        CJM_STUDIO_TEAM_DUMP="$work/$who.cjm" CJM_STUDIO_GEOMETRY_DUMP="$work/$who.geometry" \
        "$studio" --team-db "$db user=$who" --team-map "$map" >>"$work/$who.log" 2>&1 &
    pids+=($!)
    eval "${who}_pid=$!"
    disown $! # killed at the end (or on purpose) without the shell's "Killed" line
}
# waits up to $2 seconds for python expression $3 on the map in $1 (doc: the JSON).
wait_map() {
    local file=$1 limit=$2 expression=$3
    python3 - "$file" "$limit" "$expression" <<'PY'
import json, sys, time
path, limit, expression = sys.argv[1], float(sys.argv[2]), sys.argv[3]
end = time.monotonic() + limit
while True:
    try:
        doc = json.load(open(path, encoding="utf-8"))
        if eval(expression, {"doc": doc, "card": lambda i: next((c for c in doc["cards"] if c["id"] == i), None)}):
            sys.exit(0)
    except (OSError, ValueError):
        pass
    if time.monotonic() > end:
        sys.exit(1)
    time.sleep(0.05)
PY
}
# place_window PID X WIDTH: the team window of that process, side by side.
place_window() {
    local pid=$1 x=$2 width=$3
    local window
    window=$(xdotool search --sync --all --onlyvisible --pid "$pid" --name "Team Library" | head -1)
    # The window may still be settling its own size: place it until it stays.
    for _ in $(seq 1 30); do
        xdotool windowmove "$window" "$x" 0
        xdotool windowsize "$window" "$width" 1000
        sleep 0.3
        xdotool getwindowgeometry "$window" | grep -q "Position: $x,0" &&
            xdotool getwindowgeometry "$window" | grep -q "Geometry: ${width}x1000" && return 0
    done
    fail "could not place the window of process $pid: $(xdotool getwindowgeometry "$window")"
}
# The first card alice's window shows whose stage differs from the stage of
# the first cell in view: "CARD_ID X Y STAGE_ID TARGET_X TARGET_Y".
aim_drag() {
    local skip=$1
    python3 - "$work/alice.cjm" "$work/alice.cjm.cards" "$work/alice.geometry" "$skip" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
stages = {s["name"].replace(" ", "_"): s["id"] for s in doc["stages"]}
cards = {c["id"]: c for c in doc["cards"]}
lanes = {l["id"]: l["kind"] for l in doc["lanes"]}
shown = [l.split() for l in open(sys.argv[2]) if l.startswith("card ")]
cells = [l.split() for l in open(sys.argv[3]) if l.startswith("cell ")]
for _, cid, x, y in shown:
    card = cards[cid]
    if cid == sys.argv[4] or lanes.get(card["lane"]) in ("emotions",):
        continue
    for _, where, tx, ty in cells:
        band, stage_name, kind = where.split(":")
        stage = stages.get(stage_name)
        if band == "0" and kind == lanes.get(card["lane"]) and stage and stage != card["stage"] \
                and card["persona"] == doc["personas"][0]["id"]:
            print(cid, x, y, stage, tx, ty)
            sys.exit(0)
sys.exit(1)
PY
}
drag() {
    local fx=$1 fy=$2 tx=$3 ty=$4
    xdotool mousemove "$fx" "$fy" mousedown 1
    for i in 1 2 3 4 5 6 7 8; do
        xdotool mousemove $((fx + (tx - fx) * i / 8)) $((fy + (ty - fy) * i / 8))
        sleep 0.05
    done
    xdotool mousemove "$tx" "$ty"
    sleep 0.2
    xdotool mouseup 1
}

step "two windows open the map $map"
start alice
start bob
for who in alice bob; do
    wait_map "$work/$who.cjm" 60 "len(doc['cards']) > 0" || fail "$who's window did not open the map"
done
place_window "$alice_pid" 0 1000
place_window "$bob_pid" 1000 600
sleep 1
target=""
for _ in $(seq 1 50); do
    target=$(aim_drag "" 2>/dev/null || true)
    [[ -n "$target" ]] && break
    sleep 0.3
done
[[ -n "$target" ]] || fail "no card and cell to drag between: $(cat "$work/alice.cjm.cards" "$work/alice.geometry"; for w in $(xdotool search --onlyvisible --name "Team Library"); do xdotool getwindowname "$w"; xdotool getwindowgeometry "$w"; done)"
read -r card x y stage tx ty <<<"$target"

step "alice drags card $card to stage $stage; bob's window shows it"
drag "$x" "$y" "$tx" "$ty"
wait_map "$work/alice.cjm" 15 "card('$card')['stage'] == '$stage'" || fail "the drag did not move the card in alice's window"
wait_map "$work/bob.cjm" "${CJM_TEAM_DRAG_LIMIT:-1}" "card('$card')['stage'] == '$stage'" ||
    fail "bob's window did not show alice's drag within ${CJM_TEAM_DRAG_LIMIT:-1} s"

step "kill -9 of alice's window with a drag not yet sent; it is sent at her next start"
"$team_server" --dir "$server" --stop
second=""
for _ in $(seq 1 50); do
    second=$(aim_drag "$card" 2>/dev/null || true)
    [[ -n "$second" ]] && break
    sleep 0.3
done
[[ -n "$second" ]] || fail "no second card to drag"
read -r card2 x y stage2 tx ty <<<"$second"
drag "$x" "$y" "$tx" "$ty"
wait_map "$work/alice.cjm" 15 "card('$card2')['stage'] == '$stage2'" || fail "the offline drag did not move the card"
journal=$(ls "$work/alice/data/CJM Studio/CJM Studio/team/"*.journal)
for _ in $(seq 1 100); do grep -q "$stage2" "$journal" && grep -q "$card2" "$journal" && break; sleep 0.1; done
grep -q "$card2" "$journal" || fail "the offline drag is not in alice's journal"
kill -9 "$alice_pid"
for _ in $(seq 1 50); do kill -0 "$alice_pid" 2>/dev/null || break; sleep 0.1; done
"$team_server" --dir "$server" >/dev/null
start alice
wait_map "$work/bob.cjm" 60 "card('$card2')['stage'] == '$stage2'" || fail "bob never got the drag alice's killed window left"
wait_map "$work/alice.cjm" 30 "card('$card2')['stage'] == '$stage2' and card('$card')['stage'] == '$stage'" ||
    fail "alice's restarted window lost her drags"
echo "team_xvfb: all passed"
