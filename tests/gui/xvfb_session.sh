# Sourced by the real-window tests: a private Xvfb (on a display number
# nobody uses, which Xvfb reports itself) and a scratch folder, both removed
# on exit. Sets $work, $DISPLAY, $xvfb_pid; scripts may set $app_pid.
work=$(mktemp -d)
cleanup() {
    [[ -n "${app_pid:-}" ]] && kill -9 "$app_pid" 2>/dev/null || true
    [[ -n "${xvfb_pid:-}" ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
exec 3<> >(:)
# -noreset: by default the server resets when its last client leaves and
# refuses connections meanwhile; a helper that connects and leaves (the
# AT-SPI bus launcher) then made the app fail with "could not connect".
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
display=""
for _ in $(seq 1 100); do
    read -r -t 0.1 display <&3 || true
    [[ -n "$display" ]] && break
done
[[ -n "$display" ]] || { echo "Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }
export DISPLAY=":$display"
unset QT_QPA_PLATFORM # a real window on the X server, not offscreen

# aim GEOMETRY_FILE KEY -> "x y" of a palette entry or cell the window reported
aim() {
    awk -v key="$2" '$1 " " $2 == key { print $3, $4; exit }' "$1"
}
