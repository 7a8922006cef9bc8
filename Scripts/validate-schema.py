#!/usr/bin/env python3
"""Validates the sample catalogs' item files against `zhinan schema`.

Usage: Scripts/validate-schema.py ZHINAN   (the built binary, e.g. .build/debug/zhinan)
       Scripts/validate-schema.py --schema SCHEMA.json ITEM.yaml...

The second form validates the given item files against a schema written by `zhinan schema`
and prints, as one JSON object, each file's errors ("json path: message"; none when the
file is valid). Tests/zhinanTests/SchemaAgreementTests.swift uses it.

For every catalogs/<name>/, runs `ZHINAN schema catalogs/<name>` (the schema of the
standards that catalog follows) and validates each catalogs/<name>/items/**/*.yaml with
jsonschema's Draft 2020-12 validator, printing every error with its file and JSON path.
Then checks that the schema rejects a few bad items (an unknown element, a value outside a
code set, a malformed 时限 …) and accepts a few good variants (a synonym, a traditional
spelling), so that this check can fail; and that a skeleton written by `zhinan new item`
breaks the schema only where a 【待填写】 placeholder stands. Exits 1 on any error.

YAML is read the way zhinan reads it, by the YAML 1.2 core schema: `no`, `on` and
`2024-01-01` stay text, as they do for zhinan and for editors. Patterns are matched as
JSON Schema says, as ECMA-262 regular expressions, in which `$` is the end of the text
(Python's `$` also matches before a final line break).
"""

import copy
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types only."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_int)


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.load(f, Loader=CoreLoader)


def ecma_pattern(pattern):
    """`pattern` with each `$` outside a character class made `\\Z`, Python's end of text."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "$":
            c = r"\Z"
        out.append(c)
        i += 1
    return "".join(out)


def ecma_pattern_keyword(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not re.search(ecma_pattern(pattern), instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": ecma_pattern_keyword})


def validator_of(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return Validator(schema)


def schema_for(zhinan, catalog):
    out = subprocess.run([zhinan, "schema", catalog, "--lang", "en"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"schema: `{zhinan} schema {catalog}` failed ({out.returncode}):\n{out.stderr}")
    return validator_of(json.loads(out.stdout))


def validate_files(schema_path, paths):
    """Each file's errors against the schema in `schema_path`, as a JSON object."""
    with open(schema_path, encoding="utf-8") as f:
        validator = validator_of(json.load(f))
    result = {}
    for path in paths:
        try:
            errors = [f"{e.json_path}: {e.message}" for e in errors_of(validator, load(path))]
        except yaml.YAMLError as e:
            errors = [f"not YAML: {e}"]
        result[path] = errors
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


def errors_of(validator, instance):
    return sorted(validator.iter_errors(instance), key=lambda e: (e.json_path, e.message))


def bad_variants(item):
    """(what, item) pairs the schema must reject."""
    out = []

    def variant(what, change):
        v = copy.deepcopy(item)
        change(v)
        out.append((what, v))

    variant("an unknown element", lambda v: v.__setitem__("办理时间限制", "5个工作日"))
    variant("a 事项类型 outside its code set", lambda v: v.__setitem__("事项类型", "行政审批"))
    variant("a 时限 in words", lambda v: v["办理时限"].__setitem__("法定", "三十日"))
    variant("a 时限 of 0 days", lambda v: v["办理时限"].__setitem__("承诺", "0个工作日"))
    variant("a missing required element", lambda v: v.pop("受理范围"))
    variant("an element under two names", lambda v: v.__setitem__("审批时间", v["办理时限"]))
    variant("a malformed 事项编码", lambda v: v.__setitem__("事项编码", "XK-12"))
    variant("a 份数 of 0", lambda v: v["申请材料"][0].__setitem__("份数", 0))
    variant("a material with neither 材料 nor 材料库", lambda v: v["申请材料"].append({"形式": "原件"}))
    variant("an unknown field in a step", lambda v: v["办理流程"][0].__setitem__("期限", "1日"))
    variant("a 电话 that is no number", lambda v: v["咨询"].__setitem__("电话", "请拨打热线"))
    variant("a 网址 that is not http(s)", lambda v: v["咨询"].__setitem__("网址", "ftp://example.invalid"))
    variant("审批收费 as other text", lambda v: v.__setitem__("审批收费", "收费"))
    return out


def good_variants(item):
    """(what, item) pairs the schema must accept."""
    out = []

    def rename(old, new):
        v = {}
        for k, value in item.items():
            v[new if k == old else k] = value
        return v

    out.append(("办理时限 written as 审批时间 (DB44/T 1148)", rename("办理时限", "审批时间")))
    out.append(("申请材料 in traditional characters", rename("申请材料", "申請材料")))
    v = copy.deepcopy(item)
    v["咨询"]["电话"] = 12345
    out.append(("a service number written as a number", v))
    v = copy.deepcopy(item)
    v["办理流程"][1]["计时"] = False
    out.append(("计时 written as a boolean", v))
    return out


def skeleton_problems(zhinan, catalog, validator):
    """Writes a skeleton with `zhinan new item` into a copy of `catalog`; the schema must
    object to its placeholders only (any other error means skeleton and schema disagree)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "catalog")
        shutil.copytree(catalog, copy)
        out = subprocess.run([zhinan, "new", "item", copy, "--code", "440000-XK-99999-001", "--lang", "en"],
                             capture_output=True, text=True)
        if out.returncode != 0:
            return [f"`zhinan new item` failed ({out.returncode}): {out.stderr.strip()}"]
        path = out.stdout.strip()
        for e in errors_of(validator, load(path)):
            if not (isinstance(e.instance, str) and e.instance.startswith("【待填写】")):
                problems.append(f"skeleton of {catalog}: {e.json_path}: {e.message}")
    return problems


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--schema":
        return validate_files(sys.argv[2], sys.argv[3:])
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    zhinan = os.path.abspath(sys.argv[1])
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

    passed = failed = 0
    sample = None
    for catalog in sorted(glob.glob("catalogs/*/")):
        catalog = catalog.rstrip("/")
        validator = schema_for(zhinan, catalog)
        for path in sorted(glob.glob(f"{catalog}/items/**/*.yaml", recursive=True)):
            item = load(path)
            errors = errors_of(validator, item)
            for e in errors:
                print(f"{path}: {e.json_path}: {e.message}")
            if errors:
                failed += 1
            else:
                passed += 1
                if sample is None:
                    sample = (validator, path, item)

    checks_failed = 0
    first = sorted(glob.glob("catalogs/*/"))[0].rstrip("/")
    for problem in skeleton_problems(zhinan, first, schema_for(zhinan, first)):
        print(f"schema: {problem}")
        checks_failed += 1
    if sample is None:
        print("schema: no valid sample item to derive the rejection checks from")
        checks_failed += 1
    else:
        validator, path, item = sample
        for what, bad in bad_variants(item):
            if not errors_of(validator, bad):
                print(f"schema: accepted {what} (derived from {path}); it must reject it")
                checks_failed += 1
        for what, good in good_variants(item):
            for e in errors_of(validator, good):
                print(f"schema: rejected {what} (derived from {path}): {e.json_path}: {e.message}")
                checks_failed += 1
        print(f"schema: {len(bad_variants(item))} bad variants rejected, {len(good_variants(item))} good variants accepted, "
              "the new-item skeleton differs only in its placeholders"
              if checks_failed == 0 else f"schema: {checks_failed} checks of rejection, acceptance or the skeleton failed")

    print(f"schema: {passed} passed, {failed} failed")
    return 1 if failed or checks_failed else 0


if __name__ == "__main__":
    sys.exit(main())
