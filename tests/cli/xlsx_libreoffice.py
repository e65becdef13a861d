#!/usr/bin/env python3
"""The workbook export as LibreOffice opens it: each map is exported with
`cjm export -o map.xlsx`, LibreOffice Calc (headless, a throwaway profile)
converts every sheet to CSV in UTF-8, and each sheet's cells must be the
ones the workbook holds (read here from its XML with zipfile), Chinese
intact, numbers as the same numbers.

Usage: xlsx_libreoffice.py CJM MAP.cjm...
Exit 0 passed, 1 failed, 77 skipped (LibreOffice missing: scripts/install-deps
--test installs libreoffice-calc-nogui).
"""

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

SKIP = 77
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def run(command, timeout=120, env=None):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, env=env)
    if result.returncode != 0:
        fail("%s exited %d:\n%s%s" % (" ".join(command), result.returncode,
                                        result.stdout.decode(errors="replace"), result.stderr.decode(errors="replace")))


def column_index(reference):
    letters = "".join(ch for ch in reference if ch.isalpha())
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch.upper()) - ord("A") + 1
    return n - 1


def workbook_cells(path):
    """{sheet name: [[cell text...]...]} as the file holds them."""
    with zipfile.ZipFile(path) as z:
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        sheets = {}
        for sheet in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
            target = rels[sheet.get(REL)]
            part = target[1:] if target.startswith("/") else "xl/" + target
            rows = []
            for row in ET.fromstring(z.read(part)).iter("{%s}row" % NS["m"]):
                r = int(row.get("r")) - 1
                while len(rows) <= r:
                    rows.append([])
                for c in row.findall("m:c", NS):
                    col = column_index(c.get("r"))
                    kind = c.get("t")
                    v = c.find("m:v", NS)
                    if kind == "s":
                        text = strings[int(v.text)]
                    elif kind == "inlineStr":
                        text = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                    else:
                        text = v.text if v is not None else ""
                    cells = rows[r]
                    while len(cells) <= col:
                        cells.append("")
                    cells[col] = text
            sheets[sheet.get("name")] = rows
        return sheets


def same_cell(expected, shown):
    if expected == shown:
        return True
    try:  # a number may be shown in another form (1E+20): the same number
        return float(expected) == float(shown)
    except ValueError:
        return False


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("SKIPPED: LibreOffice (soffice) is not installed")
        return SKIP
    cjm = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="cjm-xlsx-lo-") as work:
        profile = "file://" + os.path.join(work, "profile")
        env = dict(os.environ, HOME=work)
        for index, source in enumerate(sys.argv[2:]):
            name = "map%d" % index
            xlsx = os.path.join(work, name + ".xlsx")
            run([cjm, "export", source, "-o", xlsx])
            expected = workbook_cells(xlsx)
            for sheet in ("Cards", "Personas", "Stages", "Lanes", "Journey"):
                if sheet not in expected:
                    fail("%s: the workbook has no sheet %s" % (source, sheet))
            out = os.path.join(work, "csv%d" % index)
            # 44,34,76: comma, double quote, UTF-8; the last -1: every sheet, each to its own file.
            run([soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to",
                 "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                 "--outdir", out, xlsx], env=env)
            for sheet, rows in expected.items():
                shown_path = os.path.join(out, "%s-%s.csv" % (name, sheet))
                if not os.path.exists(shown_path):
                    fail("%s: LibreOffice wrote no CSV for the sheet %s (%s)" % (source, sheet, os.listdir(out)))
                with open(shown_path, newline="", encoding="utf-8") as f:
                    shown = list(csv.reader(f))
                for r, row in enumerate(rows):
                    got = shown[r] if r < len(shown) else []
                    for c, cell in enumerate(row):
                        value = got[c] if c < len(got) else ""
                        if not same_cell(cell, value):
                            fail("%s: %s row %d column %d: the workbook holds %r, LibreOffice shows %r"
                                 % (source, sheet, r + 1, c + 1, cell, value))
                    for c in range(len(row), len(got)):
                        if got[c]:
                            fail("%s: %s row %d column %d: LibreOffice shows %r past the workbook's cells"
                                 % (source, sheet, r + 1, c + 1, got[c]))
            cards = expected["Cards"]
            if source.endswith("zh.cjm") and not any("\u4e00" <= ch <= "\u9fff" for row in cards for cell in row
                                                     for ch in cell):
                fail("%s: no Chinese text in the Cards sheet to compare" % source)
            print("%s: %d sheets, %d card rows, same cells in LibreOffice" % (source, len(expected), len(cards) - 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
