"""Formats every sample and golden input with `cjm fmt` and validates the
result against docs/cjm.schema.json: the writer must only ever produce files
the published schema accepts."""
import json
import pathlib
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator

cjm, schema_path, *folders = sys.argv[1:]
validator = Draft202012Validator(json.loads(pathlib.Path(schema_path).read_text(encoding="utf-8")))
inputs = []
for folder in folders:
    inputs += sorted(pathlib.Path(folder).glob("*.cjm")) + sorted(pathlib.Path(folder).glob("*/input.cjm"))
if not inputs:
    sys.exit("no .cjm files found in " + ", ".join(folders))
failures = 0
with tempfile.TemporaryDirectory() as tmp:
    for source in inputs:
        out = pathlib.Path(tmp) / "out.cjm"
        subprocess.run([cjm, "fmt", str(source), "-o", str(out)], check=True)
        errors = list(validator.iter_errors(json.loads(out.read_text(encoding="utf-8"))))
        for error in errors:
            print(f"{source}: {'/' + '/'.join(map(str, error.path))}: {error.message}")
        failures += bool(errors)
print(f"{len(inputs) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
