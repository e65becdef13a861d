#!/usr/bin/env bash
# Screen readers find the map: under Xvfb and a private D-Bus session, with
# Qt's AT-SPI bridge on (what Orca reads), every card of the English sample
# must be found by its text in the application's accessible tree, and the
# arrow keys on the canvas must move the accessible focus to a card, and to
# a cell that holds no card.
# Usage: accessibility_atspi.sh CJM_STUDIO SAMPLE PYTHON
set -euo pipefail
studio=$1 sample=$2 python=$3
source "$(dirname "${BASH_SOURCE[0]}")/xvfb_session.sh"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
cp "$sample" "$work/map.cjm"
# The session bus and everything started on it (the accessibility bus, the
# registry, the app) belong to this test; the Python side starts, bounds and
# stops them, and dbus-run-session ends the bus when it returns.
timeout --kill-after=10 150 dbus-run-session -- "$python" \
    "$(dirname "${BASH_SOURCE[0]}")/accessibility_atspi.py" "$studio" "$work/map.cjm" "$work"
