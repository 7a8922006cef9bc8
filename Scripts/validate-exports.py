#!/usr/bin/env python3
"""Validates zhinan's catalog.json exports against catalog.schema.json (JSON Schema 2020-12).

Usage:
  validate-exports.py                       build every catalogs/*/ with the built zhinan
                                            (.build/debug/zhinan, or $ZHINAN) and validate
                                            its public/ and internal/ catalog.json
  validate-exports.py PATH... [--schema S]  validate the given files; a folder is a build
                                            output (OUT/public/catalog.json and
                                            OUT/internal/catalog.json)

Without --schema, a file is checked against the catalog.schema.json beside it, or for
OUT/internal/catalog.json the one in OUT/public/. Prints each failure with its JSON path,
then `exports: N passed, N failed`. Exit status: 0 when all passed, 1 when one failed,
2 for a usage error (no schema, zhinan missing, a build that failed).

Needs python3 and the jsonschema package (pip install jsonschema).
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("validate-exports: the jsonschema package is missing (pip install jsonschema)", file=sys.stderr)
    sys.exit(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_ERRORS_SHOWN = 20


def usage_error(message):
    print(f"validate-exports: {message}", file=sys.stderr)
    sys.exit(2)


def files_of(path):
    """(catalog.json, schema guess) pairs for a file or a build output folder."""
    if os.path.isdir(path):
        public = os.path.join(path, "public")
        schema = os.path.join(public, "catalog.schema.json")
        pairs = [(os.path.join(public, "catalog.json"), schema)]
        internal = os.path.join(path, "internal", "catalog.json")
        if os.path.exists(internal):
            pairs.append((internal, schema))
        return pairs
    beside = os.path.join(os.path.dirname(path), "catalog.schema.json")
    if not os.path.exists(beside):
        beside = os.path.join(os.path.dirname(os.path.dirname(path)), "public", "catalog.schema.json")
    return [(path, beside)]


def build_samples(workdir):
    zhinan = os.environ.get("ZHINAN") or os.path.join(ROOT, ".build", "debug", "zhinan")
    if not os.access(zhinan, os.X_OK):
        usage_error(f"no zhinan binary at {zhinan}; run swift build first or set ZHINAN")
    outputs = []
    for catalog in sorted(glob.glob(os.path.join(ROOT, "catalogs", "*", "catalog.yaml"))):
        folder = os.path.dirname(catalog)
        out = os.path.join(workdir, os.path.basename(folder))
        run = subprocess.run([zhinan, "build", folder, "-o", out, "--lang", "en"], capture_output=True, text=True)
        if run.returncode != 0:
            sys.stderr.write(run.stdout + run.stderr)
            usage_error(f"zhinan build {folder} exited {run.returncode}")
        outputs.append(out)
    if not outputs:
        usage_error(f"no catalogs under {os.path.join(ROOT, 'catalogs')}")
    return outputs


validators = {}


def validator_for(schema_path):
    if schema_path not in validators:
        try:
            with open(schema_path, encoding="utf-8") as f:
                schema = json.load(f)
        except (OSError, ValueError) as e:
            usage_error(f"cannot read the schema {schema_path}: {e}")
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            usage_error(f"{schema_path} is not a valid JSON Schema 2020-12: {e.message}")
        # "format": "date" is checked (a real calendar date), not only noted.
        validators[schema_path] = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return validators[schema_path]


def validate(path, schema_path):
    """Prints the problems of one file; True when it has none."""
    validator = validator_for(schema_path)
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as e:
        print(f"FAIL {path}: {e}")
        return False
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        print(f"ok   {path}")
        return True
    print(f"FAIL {path}: {len(errors)} error(s)")
    for e in errors[:MAX_ERRORS_SHOWN]:
        location = "/" + "/".join(str(p) for p in e.absolute_path)
        print(f"  {location}: {e.message}")
    if len(errors) > MAX_ERRORS_SHOWN:
        print(f"  … and {len(errors) - MAX_ERRORS_SHOWN} more")
    return False


def main():
    parser = argparse.ArgumentParser(description="Validate zhinan catalog.json exports against catalog.schema.json.")
    parser.add_argument("paths", nargs="*", help="catalog.json files or zhinan build output folders")
    parser.add_argument("--schema", help="the catalog.schema.json to validate against")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="zhinan-validate-") as workdir:
        paths = args.paths or build_samples(workdir)
        pairs = []
        for path in paths:
            if not os.path.exists(path):
                usage_error(f"no such file or folder: {path}")
            pairs += [(f, args.schema or s) for f, s in files_of(path)]
        passed = failed = 0
        for path, schema in pairs:
            if not os.path.exists(schema):
                usage_error(f"no schema for {path}; give one with --schema")
            if validate(path, schema):
                passed += 1
            else:
                failed += 1
        print(f"exports: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
