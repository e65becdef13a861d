#!/usr/bin/env python3
"""The PowerPoint export as a reader opens it: LibreOffice Impress converts
each sample's deck to PDF; the PDF must have as many pages as the deck has
slides (and as the PDF slides of the same map), and every card shown on the
slides must be in that PDF as text (pdftotext), which it only is when the
card is a text shape, not a picture. The notes pages LibreOffice prints
must hold every stage's description and every card's notes.

Usage: pptx_libreoffice.py CJM SAMPLE.cjm...
Exit 0 passed, 1 failed, 77 skipped (LibreOffice or poppler-utils missing:
scripts/install-deps --test installs both).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

SKIP = 77


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def run(command, timeout=120):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    if result.returncode != 0:
        fail("%s exited %d:\n%s%s" % (" ".join(command), result.returncode,
                                        result.stdout.decode(errors="replace"), result.stderr.decode(errors="replace")))
    return result.stdout.decode("utf-8", errors="replace")


def pdf_pages(path):
    info = run(["pdfinfo", path])
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if not match:
        fail("pdfinfo gives no page count for " + path)
    return int(match.group(1))


def squeezed(text):
    # Line breaks fall where LibreOffice wraps: compare the words without any
    # white space, and a ligature LibreOffice may set (ﬁ) as its letters.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def shown_cards(data):
    """Every card the default slides show: cards of personas, stages and
    lanes that exist, in lanes that are not hidden."""
    personas = {p["id"] for p in data.get("personas", [])}
    stages = {s["id"] for s in data.get("stages", [])}
    lanes = {l["id"] for l in data.get("lanes", []) if not l.get("hidden", False)}
    return [c for c in data.get("cards", [])
            if c.get("persona") in personas and c.get("stage") in stages and c.get("lane") in lanes]


def convert(deck, out_dir, profile, notes_pages=False):
    os.mkdir(out_dir)
    target = "pdf"
    if notes_pages:
        target = ('pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"},'
                  '"ExportOnlyNotesPages":{"type":"boolean","value":"true"}}')
    run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--norestore",
         "--convert-to", target, "--outdir", out_dir, deck])
    converted = os.path.join(out_dir, os.path.splitext(os.path.basename(deck))[0] + ".pdf")
    if not os.path.exists(converted):
        fail("LibreOffice made no PDF of " + deck)
    return converted


def check(cjm, sample, work):
    name = os.path.splitext(os.path.basename(sample))[0]
    deck = os.path.join(work, name + ".pptx")
    slides_pdf = os.path.join(work, name + "-slides.pdf")
    run([cjm, "export", sample, "-o", deck])
    run([cjm, "export", sample, "--slides", "-o", slides_pdf])
    with zipfile.ZipFile(deck) as z:
        slide_parts = [n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    # A throwaway profile: no first-start dialogs, nothing left in $HOME, no
    # clash with a LibreOffice the user has open.
    profile = "file://" + os.path.join(work, "profile")
    converted = convert(deck, os.path.join(work, name + "-lo"), profile)
    pages = pdf_pages(converted)
    expected = pdf_pages(slides_pdf)
    if not (pages == len(slide_parts) == expected):
        fail("%s: LibreOffice gives %d pages, the deck has %d slides, the PDF slides %d pages"
             % (name, pages, len(slide_parts), expected))
    with open(sample, encoding="utf-8") as f:
        data = json.load(f)
    cards = shown_cards(data)
    text = squeezed(run(["pdftotext", "-enc", "UTF-8", converted, "-"]))
    missing = [c["text"] for c in cards if squeezed(c["text"]) not in text]
    if missing:
        fail("%s: %d card(s) not in LibreOffice's PDF as text, e.g. %r" % (name, len(missing), missing[:3]))
    notes = squeezed(run(["pdftotext", "-enc", "UTF-8", convert(deck, os.path.join(work, name + "-notes"), profile, True), "-"]))
    wanted = [s["description"] for s in data.get("stages", []) if s.get("description")]
    wanted += [c["notes"] for c in cards if c.get("notes")]
    missing = [w for w in wanted if squeezed(w) not in notes]
    if missing:
        fail("%s: %d stage description(s) or card note(s) not in the speaker notes, e.g. %r" % (name, len(missing), missing[:3]))
    print("%s: %d slides, every card's text in LibreOffice's PDF, %d descriptions and notes in its notes pages"
          % (name, pages, len(wanted)))


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    for tool in ("soffice", "pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            print("SKIPPED: %s is not installed (scripts/install-deps --test installs libreoffice-impress-nogui "
                  "and poppler-utils)" % tool)
            return SKIP
    cjm = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="cjm-pptx-") as work:
        for sample in sys.argv[2:]:
            check(cjm, sample, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
