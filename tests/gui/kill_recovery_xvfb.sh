#!/usr/bin/env bash
# Killing the app loses at most the last autosave interval: in a real window
# under Xvfb a card is typed in, autosave (set to 1 s) keeps a copy, the app
# is killed with SIGKILL, and the next start lists the map for recovery with
# the edit in it.
# Usage: kill_recovery_xvfb.sh CJM_STUDIO SAMPLE
set -euo pipefail
studio=$1 sample=$2
source "$(dirname "${BASH_SOURCE[0]}")/xvfb_session.sh"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$XDG_CONFIG_HOME/CJM Studio"
printf '[autosave]\nseconds=1\n' >"$XDG_CONFIG_HOME/CJM Studio/CJM Studio.conf"

cp "$sample" "$work/map.cjm"
geometry="$work/geometry.txt"
CJM_STUDIO_GEOMETRY_DUMP="$geometry" "$studio" "$work/map.cjm" >"$work/app.log" 2>&1 &
app_pid=$!
window=$(xdotool search --sync --name "map.cjm" | head -1)
xdotool windowmove "$window" 0 0
xdotool windowsize "$window" 1600 1000
xdotool windowfocus "$window"
target=""
for _ in $(seq 1 100); do
    sleep 0.3
    [[ -s "$geometry" ]] && target=$(aim "$geometry" "cell 0:Consideration:touchpoints")
    [[ -n "$target" ]] && break
done
[[ -n "$target" ]] || { echo "could not find the cell"; exit 1; }
read -r x y <<<"$target"
# Double-click below the cards of a cell: a new card, edited in place.
xdotool mousemove "$x" "$y" click --repeat 2 --delay 80 1
sleep 2
xdotool type --delay 20 "Typed just before the crash"
xdotool key Return

recovery="$XDG_DATA_HOME/CJM Studio/CJM Studio/recovery" # AppDataLocation: organisation/application
found=""
for _ in $(seq 1 100); do
    found=$(grep -l "Typed just before the crash" "$recovery"/*.cjm 2>/dev/null | head -1 || true)
    [[ -n "$found" ]] && break
    sleep 0.2
done
[[ -n "$found" ]] || { echo "no recovery copy with the edit was written"; cat "$work/app.log"; exit 1; }
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""

# The next start offers it (listed without opening a window).
listed=$(QT_QPA_PLATFORM=offscreen "$studio" --list-recovered)
echo "$listed"
grep -q "Online store: first purchase" <<<"$listed" || { echo "the next start does not offer the map"; exit 1; }
grep -q "$work/map.cjm" <<<"$listed" || { echo "the recovered map does not name its file"; exit 1; }
recovered=$(awk -F'\t' '{ print $4; exit }' <<<"$listed")
grep -q "Typed just before the crash" "$recovered" || { echo "the recovered map lacks the edit"; exit 1; }
echo "1 passed, 0 failed"
