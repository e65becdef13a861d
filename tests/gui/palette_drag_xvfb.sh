#!/usr/bin/env bash
# A person's drag, in a real window: under Xvfb, xdotool drags the palette's
# "Pain points" entry onto the first persona's band, types the card's words,
# saves with Ctrl+S; then the saved file must be valid and hold the card.
# The window tells where its palette entries and cells are on screen
# (CJM_STUDIO_GEOMETRY_DUMP), so the aim survives changes to the docks.
# Usage: palette_drag_xvfb.sh CJM_STUDIO CJM SAMPLE
set -euo pipefail
studio=$1 cli=$2 sample=$3
source "$(dirname "${BASH_SOURCE[0]}")/xvfb_session.sh"

cp "$sample" "$work/map.cjm"
geometry="$work/geometry.txt"
CJM_STUDIO_GEOMETRY_DUMP="$geometry" XDG_CONFIG_HOME="$work/config" "$studio" "$work/map.cjm" >"$work/app.log" 2>&1 &
app_pid=$!
window=$(xdotool search --sync --name "map.cjm" | head -1)
xdotool windowmove "$window" 0 0
xdotool windowsize "$window" 1600 1000
xdotool windowfocus "$window"
# The window writes where things are; wait until it has settled at its size.
from="" to=""
for _ in $(seq 1 100); do
    sleep 0.3
    [[ -s "$geometry" ]] || continue
    from=$(aim "$geometry" "palette card:painPoints")
    to=$(aim "$geometry" "cell 0:Consideration:touchpoints")
    [[ -n "$from" && -n "$to" ]] && break
done
[[ -n "$from" && -n "$to" ]] || { echo "could not find the palette entry or the cell"; cat "$geometry" "$work/app.log"; exit 1; }
read -r fx fy <<<"$from"
read -r tx ty <<<"$to"

# Drag the palette's "Pain points" entry onto the first persona's band in the
# Consideration column (its touchpoints row, in view without scrolling): the card
# must land in that persona's pain-points lane.
xdotool mousemove "$fx" "$fy" mousedown 1
for i in 1 2 3 4 5 6 7 8; do
    xdotool mousemove $((fx + (tx - fx) * i / 8)) $((fy + (ty - fy) * i / 8))
    sleep 0.1
done
xdotool mousemove "$tx" "$ty"
sleep 0.2
xdotool mouseup 1
sleep 2 # the in-place editor opens on the new card (slower in sanitizer builds)
xdotool type --delay 20 "Coupon code rejected at checkout"
xdotool key Return ctrl+s

# Wait (up to 30 s) for the save to reach the disk.
for _ in $(seq 1 150); do
    grep -q "Coupon code rejected at checkout" "$work/map.cjm" && break
    sleep 0.2
done
"$cli" validate "$work/map.cjm"
grep -q "Coupon code rejected at checkout" "$work/map.cjm" || {
    echo "the dropped card is not in the saved file"
    cat "$work/app.log"
    exit 1
}
# Reopen: the card is there, in a pain-points lane, in the Consideration stage.
python3 - "$work/map.cjm" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
lanes = {l["id"]: l["kind"] for l in doc["lanes"]}
stages = {s["id"]: s["name"] for s in doc["stages"]}
cards = [c for c in doc["cards"] if c.get("text") == "Coupon code rejected at checkout"]
assert len(cards) == 1, cards
card = cards[0]
assert lanes[card["lane"]] == "painPoints", card
assert stages[card["stage"]] == "Consideration", card
assert card["persona"] == doc["personas"][0]["id"], card
print("1 passed, 0 failed")
PY
