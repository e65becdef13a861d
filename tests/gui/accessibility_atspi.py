#!/usr/bin/env python3
"""Reads cjm-studio's accessible tree over AT-SPI, as a screen reader does.

Run inside a private D-Bus session (accessibility_atspi.sh): starts the
AT-SPI bus, then the app on MAP with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1,
finds the app among the desktop's applications by its process id, walks its
tree and checks that every card of MAP is found by its text; then clicks an
empty spot of a cell and presses Right (xdotool), and checks that the focus
event names the card the arrow key selected; then an arrow key onto a cell
without cards, whose focus event must come from that (empty) table cell.
Every wait is bounded; everything started here is stopped on the way out.

Usage: accessibility_atspi.py CJM_STUDIO MAP WORK_DIR
"""
import json
import os
import signal
import subprocess
import sys
import time

studio, map_path, work = sys.argv[1:4]
DEADLINE = time.monotonic() + 110
started = []


def start(args, log_name, env=None):
    log = open(os.path.join(work, log_name), "wb")
    # Its own process group: the bus launcher's dbus-daemon and registry go with it.
    process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    started.append(process)
    return process


def stop_all():
    for process in reversed(started):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


def walk(root):
    """Names of every object under root (depth first, bounded by the deadline)."""
    names = set()
    stack = [root]
    while stack and time.monotonic() < DEADLINE:
        node = stack.pop()
        try:
            names.add(node.name)
            count = node.childCount
        except Exception:  # an object that went while we walked
            continue
        for index in range(count):
            try:
                child = node.getChildAtIndex(index)
            except Exception:
                continue
            if child is not None:
                stack.append(child)
    return names


def check_focus(pyatspi, card_texts):
    """The keyboard moves the selection on the canvas; the focus event names the card."""
    from gi.repository import GLib

    target = ""
    for _ in range(100):
        if time.monotonic() >= DEADLINE:
            break
        try:
            with open(os.path.join(work, "geometry.txt"), encoding="utf-8") as f:
                for line in f:
                    parts = line.split()
                    if len(parts) >= 4 and parts[0] == "cell" and parts[1].startswith("0:"):
                        target = parts[2:4]
                        break
        except OSError:
            pass
        if target:
            break
        time.sleep(0.3)
    if not target:
        print("the window did not tell where its cells are")
        return 1
    focused = []

    def on_focus(event):
        if event.detail1 == 1:
            focused.append(event.source.name)

    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    loop = GLib.MainLoop()
    # Click an empty spot of a cell (focus to the canvas, nothing selected),
    # then Right: the first card is selected, and focused.
    # X delivers the two in order, so the key reaches the focused canvas.
    subprocess.run(["xdotool", "mousemove", *target, "click", "1", "key", "Right"], check=True, timeout=10)
    GLib.timeout_add(100, lambda: loop.quit() if any(n in card_texts for n in focused) else True)
    GLib.timeout_add(10000, loop.quit)
    loop.run()
    pyatspi.Registry.deregisterEventListener(on_focus, "object:state-changed:focused")
    if not any(name in card_texts for name in focused):
        print(f"no card took the accessible focus after the arrow key; focus went to: {focused}")
        return 1
    print(f"the arrow key focused the card {next(n for n in focused if n in card_texts)!r}")
    return check_empty_cell_focus(pyatspi)


def empty_cell_path():
    """Keys that take the canvas's focused cell from where the first check
    left it (the first persona's first lane in the second stage, its first
    card selected) to a cell of that persona that holds no card, as a
    keyboard user goes: Right along the lane, then Down (through the cards
    of a cell first, past an emotion lane's faces). Returns (keys, stage
    name) or None."""
    with open(map_path, encoding="utf-8") as f:
        doc = json.load(f)
    persona = doc["personas"][0]["id"]
    stages = doc["stages"]
    lanes = [lane for lane in doc["lanes"] if not lane.get("hidden", False)]
    count = {}
    for c in doc["cards"]:
        if c["persona"] == persona:
            count[(c["stage"], c["lane"])] = count.get((c["stage"], c["lane"]), 0) + 1
    for column in range(1, len(stages)):
        stage = stages[column]
        keys = ["Right"] * (column - 1)
        index = 0 if count.get((stage["id"], lanes[0]["id"])) else -1
        for row in range(1, len(lanes)):
            cards = count.get((stage["id"], lanes[row - 1]["id"]), 0)
            if index >= 0:
                keys += ["Down"] * (cards - 1 - index)  # through the rest of the cell's cards
            keys.append("Down")
            if count.get((stage["id"], lanes[row]["id"]), 0) == 0:
                return keys, stage["name"]
            index = -1 if lanes[row]["kind"] == "emotions" else 0
    return None


def check_empty_cell_focus(pyatspi):
    """An arrow key onto a cell without cards: that cell takes the accessible focus."""
    from gi.repository import GLib

    path = empty_cell_path()
    if path is None:
        print("the sample's first persona has no empty cell")
        return 1
    keys, stage_name = path
    focused = []

    def on_focus(event):
        if event.detail1 == 1:
            try:
                focused.append((event.source.getRole(), event.source.name, event.source.childCount))
            except Exception:
                pass

    def cell_focused():
        return any(role == pyatspi.ROLE_TABLE_CELL and count == 0 and name.endswith(", " + stage_name)
                   for role, name, count in focused)

    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    loop = GLib.MainLoop()
    # No click: the canvas may have scrolled since the window said where its
    # cells are (the focused cell is kept clear of the frozen headers).
    subprocess.run(["xdotool", "key", "--delay", "60", *keys], check=True, timeout=30)
    GLib.timeout_add(100, lambda: loop.quit() if cell_focused() else True)
    GLib.timeout_add(10000, loop.quit)
    loop.run()
    pyatspi.Registry.deregisterEventListener(on_focus, "object:state-changed:focused")
    if not cell_focused():
        print(f"the empty cell in {stage_name!r} did not take the accessible focus after {keys}; focus went to: {focused}")
        return 1
    print(f"{' '.join(keys)} focused the empty cell {next(n for r, n, c in focused if r == pyatspi.ROLE_TABLE_CELL and c == 0)!r}")
    print("2 passed, 0 failed")
    return 0


def main():
    with open(map_path, encoding="utf-8") as f:
        expected = {card["text"] for card in json.load(f)["cards"]}
    start(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], "bus-launcher.log")

    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
    import pyatspi

    # No call may hang the test: 5 s per call, 15 s while the app starts.
    Atspi.set_timeout(5000, 15000)
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
               CJM_STUDIO_GEOMETRY_DUMP=os.path.join(work, "geometry.txt"))
    app_process = start([studio, map_path], "app.log", env=env)

    app = None
    missing = expected
    seen = set()
    while time.monotonic() < DEADLINE:
        if app_process.poll() is not None:
            print(f"cjm-studio exited with {app_process.returncode}")
            return 1
        if app is None:
            desktop = pyatspi.Registry.getDesktop(0)
            for index in range(desktop.childCount):
                candidate = desktop.getChildAtIndex(index)
                try:
                    if candidate is not None and candidate.get_process_id() == app_process.pid:
                        app = candidate
                except Exception:
                    continue
        if app is not None:
            seen = walk(app)
            missing = expected - seen
            if not missing:
                print(f"all {len(expected)} cards found by their text in the accessible tree")
                return check_focus(pyatspi, expected)
        time.sleep(0.5)
    if app is None:
        print("the application never appeared on the accessibility bus")
    else:
        print(f"{len(missing)} of {len(expected)} cards not found among {len(seen)} names in the tree,"
              f" e.g.: {sorted(missing)[:5]}")
    return 1


try:
    status = main()
finally:
    stop_all()
if status != 0:
    for name in ("app.log", "bus-launcher.log", "xvfb.log"):
        path = os.path.join(work, name)
        if os.path.exists(path):
            print(f"--- {name}")
            print(open(path, encoding="utf-8", errors="replace").read()[-4000:])
sys.exit(status)
