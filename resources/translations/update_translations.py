#!/usr/bin/env python3
"""Brings the .ts files up to date with the source code.

    python3 resources/translations/update_translations.py [path/to/lupdate]

Runs lupdate over src/core, src/editor, src/app, src/render and src/cli for every
cjm_*.ts here (English: plural forms only). New texts come out as
type="unfinished": translate them (Qt Linguist, or by hand) until
tests/editor/translation_tests.cpp passes.

Every context comes from the source: classes use tr() (Q_OBJECT or
Q_DECLARE_TR_FUNCTIONS), other texts QT_TRANSLATE_NOOP / translate() with a
literal context that lupdate reads (core's audit criteria in src/core/audit.cpp
included). Nothing is kept by hand: an entry the source no longer has is dropped.
"""

import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ["src/core", "src/editor", "src/app", "src/render", "src/cli"]


def main():
    lupdate = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/qt6/bin/lupdate"
    for ts in sorted(HERE.glob("cjm_*.ts")):
        language = ts.stem[len("cjm_"):]
        args = [lupdate, *SOURCES, "-locations", "none", "-no-obsolete", "-target-language", language]
        if language == "en":
            args.append("-pluralonly")
        subprocess.run([*args, "-ts", str(ts)], cwd=ROOT, check=True)
        after = ts.read_text(encoding="utf-8")
        unfinished = after.count('type="unfinished"')
        print(f"{ts.name}: {unfinished} unfinished", file=sys.stderr)


if __name__ == "__main__":
    main()
