#!/usr/bin/env python3
"""Checks the output of `zhinan export --format national` against NATIONAL.md's exchange tables.

Usage:
  validate-national.py DIR...     check each export folder
  validate-national.py            export every catalogs/*/ that follows GB/T 39554.2-2020 with the
                                  built zhinan (.build/debug/zhinan, or $ZHINAN) and check it

Checks, independently of zhinan's code: the five tables exist, start with a UTF-8 BOM and the
national header, parse as RFC 4180 CSV with as many cells on every row as in the header; every
NOT NULL field is filled; task_code = dept_code + use_level + catalog_code, and characters 3-4
of catalog_code are task_type; every material, fee and question row links to a basic row; each
basic row has items/<task_code>.json whose basic fields agree with the CSV (a `'` put in front
of a formula-like cell aside). Prints each problem, then `national: N passed, N failed`.
Exit status: 0 when all passed, 1 when one failed, 2 for a usage error.
"""

import csv
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROFILE = "GB/T 39554.2-2020"

TABLES = {
    "task_general_basic": (
        "task_name task_type catalog_code task_code task_handle_item task_version task_state plan_effective_date "
        "plan_cancel_date dept_name dept_code dept_type entrust_name use_level power_source server_type project_type "
        "handle_type limit_scene_num anticipate_day anticipate_type anticipate_explain promise_day promise_type "
        "promise_explain accept_condition by_law handle_flow special_procedure is_fee fee_basis transact_addr "
        "transact_time link_way supervise_way",
        "task_name task_type catalog_code task_code task_version task_state dept_name dept_code dept_type use_level "
        "power_source server_type project_type limit_scene_num is_fee transact_addr transact_time link_way supervise_way",
    ),
    "task_general_extend": (
        "task_code is_online online_handle_depth online_handle_url limit_scene_explain other_dept service_type "
        "result_type result_name result_guid limit_explain handle_area is_entry_center is_express is_pay_online is_schedule",
        "task_code is_online result_type is_entry_center is_express is_pay_online",
    ),
    "task_general_material": (
        "task_code material_name material_type material_format is_need source_type source_explain page_num form_guid "
        "example_guid fill_explain accept_stand by_law order_num",
        "task_code material_name",
    ),
    "task_general_fee_project": ("task_code fee_name fee_stand by_law is_desc desc_explain", "task_code fee_name fee_stand"),
    "task_general_questions": ("task_code question answer", "task_code question answer"),
}


def check(folder):
    problems = []
    rows = {}
    for name, (columns, required) in TABLES.items():
        path = os.path.join(folder, name + ".csv")
        if not os.path.isfile(path):
            problems.append(f"{path}: missing")
            continue
        with open(path, "rb") as f:
            if not f.read(3) == b"\xef\xbb\xbf":
                problems.append(f"{path}: no UTF-8 byte order mark")
        with open(path, newline="", encoding="utf-8-sig") as f:
            table = list(csv.reader(f, strict=True))
        if not table or table[0] != columns.split():
            problems.append(f"{path}: header is not {columns.split()}")
            continue
        for i, row in enumerate(table[1:], start=2):
            if len(row) != len(table[0]):
                problems.append(f"{path}:{i}: {len(row)} cells, not {len(table[0])}")
                continue
            record = dict(zip(table[0], row))
            for field in required.split():
                if record[field] == "":
                    problems.append(f"{path}:{i}: {field} is empty (NOT NULL)")
        rows[name] = [dict(zip(table[0], r)) for r in table[1:] if len(r) == len(table[0])]
    basic = rows.get("task_general_basic", [])
    codes = {r["task_code"] for r in basic}
    for r in basic:
        code = r["task_code"]
        if code != r["dept_code"] + r["use_level"] + r["catalog_code"]:
            problems.append(f"task_code {code} is not dept_code + use_level + catalog_code")
        if r["catalog_code"][2:4] != r["task_type"]:
            problems.append(f"catalog_code {r['catalog_code']}: characters 3-4 are not task_type {r['task_type']}")
        path = os.path.join(folder, "items", code + ".json")
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, ValueError) as e:
            problems.append(f"{path}: {e}")
            continue
        for field, value in r.items():
            exact = document["basic"].get(field)
            exact = "" if exact is None else str(exact)
            if value != exact and value != "'" + exact:
                problems.append(f"{path}: basic.{field} is {exact!r}, the CSV has {value!r}")
    for name in ("task_general_extend", "task_general_material", "task_general_fee_project", "task_general_questions"):
        for r in rows.get(name, []):
            if r["task_code"] not in codes:
                problems.append(f"{name}: task_code {r['task_code']} has no basic row")
    return problems


def export_samples():
    zhinan = os.environ.get("ZHINAN", os.path.join(ROOT, ".build", "debug", "zhinan"))
    if not os.access(zhinan, os.X_OK):
        print(f"validate-national: no zhinan at {zhinan}; build it first", file=sys.stderr)
        sys.exit(2)
    folders = []
    scratch = tempfile.mkdtemp(prefix="zhinan-national-")
    for catalog in sorted(glob.glob(os.path.join(ROOT, "catalogs", "*", "catalog.yaml"))):
        with open(catalog, encoding="utf-8") as f:
            if PROFILE not in f.read():
                continue
        name = os.path.basename(os.path.dirname(catalog))
        out = os.path.join(scratch, name)
        r = subprocess.run([zhinan, "export", os.path.dirname(catalog), "--format", "national", "-o", out, "--lang", "en"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(f"validate-national: exporting {name} failed:\n{r.stderr}", file=sys.stderr)
            sys.exit(2)
        folders.append(out)
    if not folders:
        print(f"validate-national: no sample catalog follows {PROFILE}; nothing to check")
    return folders


def main():
    folders = sys.argv[1:] or export_samples()
    passed = failed = 0
    for folder in folders:
        problems = check(folder)
        for p in problems:
            print(f"{folder}: {p}")
        if problems:
            failed += 1
        else:
            passed += 1
    print(f"national: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
