#!/usr/bin/env python3
"""Brings the .ts files up to date with the source code.

    python3 resources/translations/update_translations.py [path/to/lupdate]

Runs lupdate over src/core, src/editor, src/app, src/render and src/cli for every
cjm_*.ts here (English: plural forms only). New texts come out as
type="unfinished": translate them (Qt Linguist, or by hand) until
tests/editor/translation_tests.cpp passes.

Some texts are translated through helper functions with a fixed context
(QCoreApplication::translate("PaletteDrop", text) and the like) that lupdate
cannot follow: it files those texts under the namespace ("cjm") instead, where
the running program never looks. Their entries are kept by hand in the
contexts below; lupdate would drop them, so this script puts them back.
"""

import pathlib
import re
import subprocess
import sys

HAND_KEPT_CONTEXTS = ["SelectTool"]

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ["src/core", "src/editor", "src/app", "src/render", "src/cli"]


def hand_kept(text):
    kept = []
    for match in re.finditer(r"<context>\s*<name>([^<]*)</name>.*?</context>\n", text, flags=re.S):
        if match.group(1) in HAND_KEPT_CONTEXTS:
            kept.append(match.group(0))
    return kept


def main():
    lupdate = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/qt6/bin/lupdate"
    for ts in sorted(HERE.glob("cjm_*.ts")):
        language = ts.stem[len("cjm_"):]
        before = ts.read_text(encoding="utf-8")
        kept = hand_kept(before)
        args = [lupdate, *SOURCES, "-locations", "none", "-no-obsolete", "-target-language", language]
        if language == "en":
            args.append("-pluralonly")
        subprocess.run([*args, "-ts", str(ts)], cwd=ROOT, check=True)
        after = ts.read_text(encoding="utf-8")
        for block in kept:
            name = re.search(r"<name>([^<]*)</name>", block).group(1)
            if f"<name>{name}</name>" in after:
                continue  # lupdate found this context itself now
            after = after.replace("</TS>", block + "</TS>", 1)
        ts.write_text(after, encoding="utf-8")
        unfinished = after.count('type="unfinished"')
        print(f"{ts.name}: {unfinished} unfinished", file=sys.stderr)


if __name__ == "__main__":
    main()
