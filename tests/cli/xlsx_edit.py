#!/usr/bin/env python3
"""Edits a workbook `cjm export` wrote, as a person would in a spreadsheet,
for the update-from-sheet tests: in the Cards sheet, changes one card's
text, deletes one card's row and adds a row without an id. The XML is
rewritten by ElementTree (its own namespace prefixes, inline strings), so
the reader meets a workbook another program saved.

Usage: xlsx_edit.py IN.xlsx OUT.xlsx CHANGED_ID NEW_TEXT DELETED_ID ADDED_TEXT
The added row copies the persona, stage and lane of the changed card's row.
"""

import sys
import xml.etree.ElementTree as ET
import zipfile

M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def q(tag):
    return "{%s}%s" % (M, tag)


def main():
    source, target, changed_id, new_text, deleted_id, added_text = sys.argv[1:7]
    with zipfile.ZipFile(source) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    strings = ["".join(t.text or "" for t in si.iter(q("t")))
               for si in ET.fromstring(parts["xl/sharedStrings.xml"]).findall(q("si"))]
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(parts["xl/_rels/workbook.xml.rels"])}
    book = ET.fromstring(parts["xl/workbook.xml"])
    cards = next(s for s in book.find(q("sheets")) if s.get("name") == "Cards")
    part = "xl/" + rels[cards.get(REL)]
    sheet = ET.fromstring(parts[part])
    data = sheet.find(q("sheetData"))

    def text(cell):
        v = cell.find(q("v"))
        if cell.get("t") == "s":
            return strings[int(v.text)]
        if cell.get("t") == "inlineStr":
            return "".join(t.text or "" for t in cell.iter(q("t")))
        return v.text if v is not None else ""

    def inline(cell, value):
        for child in list(cell):
            cell.remove(child)
        cell.set("t", "inlineStr")
        ET.SubElement(ET.SubElement(cell, q("is")), q("t")).text = value

    rows = data.findall(q("row"))
    header = {text(c): "".join(ch for ch in c.get("r") if ch.isalpha()) for c in rows[0]}
    last = 0
    template = None
    for row in rows[1:]:
        last = max(last, int(row.get("r")))
        cells = {"".join(ch for ch in c.get("r") if ch.isalpha()): c for c in row}
        card_id = text(cells[header["id"]])
        if card_id == deleted_id:
            data.remove(row)
        elif card_id == changed_id:
            inline(cells[header["text"]], new_text)
            template = {name: text(cells[header[name]]) for name in ("persona", "stage", "lane")}
    if template is None:
        sys.exit("no row with the id " + changed_id)
    r = str(last + 1)
    row = ET.SubElement(data, q("row"), {"r": r})
    for name, value in list(template.items()) + [("text", added_text)]:
        inline(ET.SubElement(row, q("c"), {"r": header[name] + r}), value)
    parts[part] = ET.tostring(sheet, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)


if __name__ == "__main__":
    main()
