#!/usr/bin/env python3
"""Validates SARIF logs written by `zhinan check --format sarif`.

Usage: Scripts/validate-sarif.py FILE...

Each FILE is checked against SCHEMA below, a subset of the official SARIF 2.1.0 JSON Schema
(OASIS, sarif-schema-2.1.0.json, draft-07): every object zhinan writes (sarifLog, run, tool,
toolComponent, reportingDescriptor, reportingConfiguration, multiformatMessageString,
result, message, location, physicalLocation, artifactLocation, region, fix,
artifactChange, replacement, artifactContent) with the official
schema's types, enums, minimums, required members, anyOf rules and uniqueItems, and the
names of all its other members (accepted, not checked further), so a misspelt member still
fails as `additionalProperties: false` makes it fail there. The official file is not
shipped by any package at hand and cannot be downloaded here, hence the subset; objects
zhinan never writes (codeFlows, graphs, …) are not described.

Then checks what a schema cannot say and what GitHub code scanning relies on: rule ids are
unique; every result's ruleIndex points at the rule of its ruleId; regions end at or after
they start; artifact URIs are URI references (no spaces or non-ASCII left unencoded, no
backslashes), relative ones with a uriBaseId and no `./` or `../` segments; every uriBaseId
used is defined in the run's originalUriBaseIds, whose URIs are absolute and end with `/`
(SARIF 2.1.0, 3.14.14); related locations have distinct ids; every result has
partialFingerprints, and no two results have the same ones (code scanning would take them
for one alert).

Last, it makes broken copies of the first file (a wrong level, a 0 column, a result with no
message, a wrong ruleIndex, …) and checks each is rejected, so that the checks can fail.

Prints every problem, then `sarif: N passed, N failed` (one per check), and exits 1 when any
check failed, 2 when a file cannot be read.
"""

import copy
import json
import re
import sys

import jsonschema

ANY = {}
GUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
LEVEL = {"enum": ["none", "note", "warning", "error"]}
INDEX = {"type": "integer", "minimum": -1}
LANGUAGE = {"type": "string", "pattern": "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}?$"}


def ref(name):
    return {"$ref": "#/definitions/" + name}


def unique_array(items, min_items=0):
    return {"type": "array", "minItems": min_items, "uniqueItems": True, "items": items}


def array(items, min_items=0):
    return {"type": "array", "minItems": min_items, "items": items}


def obj(properties, required=(), others=(), **extra):
    """An object with these checked members, these other official members accepted as
    they are, and nothing else."""
    props = dict(properties)
    for name in others:
        props.setdefault(name, ANY)
    props.setdefault("properties", ref("propertyBag"))
    out = {"type": "object", "additionalProperties": False, "properties": props}
    if required:
        out["required"] = list(required)
    out.update(extra)
    return out


SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "SARIF 2.1.0, the part zhinan writes",
    **obj(
        {
            "$schema": {"type": "string", "format": "uri"},
            "version": {"enum": ["2.1.0"]},
            "runs": array(ref("run")),
        },
        required=["version", "runs"],
        others=["inlineExternalProperties"],
    ),
    "definitions": {
        "propertyBag": {
            "type": "object",
            "additionalProperties": True,
            "properties": {"tags": unique_array({"type": "string"})},
        },
        "run": obj(
            {
                "tool": ref("tool"),
                "language": LANGUAGE,
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "results": array(ref("result")),
                "originalUriBaseIds": {"type": "object", "additionalProperties": ref("artifactLocation")},
                "newlineSequences": unique_array({"type": "string"}, min_items=1),
                "defaultEncoding": {"type": "string"},
                "defaultSourceLanguage": {"type": "string"},
            },
            required=["tool"],
            others=[
                "invocations", "conversion", "versionControlProvenance", "artifacts", "logicalLocations",
                "graphs", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens",
                "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
                "translations", "policies", "webRequests", "webResponses", "specialLocations",
            ],
        ),
        "tool": obj(
            {"driver": ref("toolComponent"), "extensions": unique_array(ref("toolComponent"))},
            required=["driver"],
        ),
        "toolComponent": obj(
            {
                "guid": {"type": "string", "pattern": GUID},
                "name": {"type": "string"},
                "organization": {"type": "string"},
                "product": {"type": "string"},
                "productSuite": {"type": "string"},
                "shortDescription": ref("multiformatMessageString"),
                "fullDescription": ref("multiformatMessageString"),
                "fullName": {"type": "string"},
                "version": {"type": "string"},
                "semanticVersion": {"type": "string"},
                "dottedQuadFileVersion": {"type": "string", "pattern": "[0-9]+(\\.[0-9]+){3}"},
                "releaseDateUtc": {"type": "string"},
                "downloadUri": {"type": "string", "format": "uri"},
                "informationUri": {"type": "string", "format": "uri"},
                "notifications": unique_array(ref("reportingDescriptor")),
                "rules": unique_array(ref("reportingDescriptor")),
                "taxa": unique_array(ref("reportingDescriptor")),
                "language": LANGUAGE,
                "contents": {
                    "type": "array", "uniqueItems": True,
                    "items": {"enum": ["localizedData", "nonLocalizedData"]},
                },
                "isComprehensive": {"type": "boolean"},
                "localizedDataSemanticVersion": {"type": "string"},
                "minimumRequiredLocalizedDataSemanticVersion": {"type": "string"},
            },
            required=["name"],
            others=["globalMessageStrings", "locations", "associatedComponent", "translationMetadata",
                    "supportedTaxonomies"],
        ),
        "reportingDescriptor": obj(
            {
                "id": {"type": "string"},
                "deprecatedIds": unique_array({"type": "string"}),
                "guid": {"type": "string", "pattern": GUID},
                "deprecatedGuids": unique_array({"type": "string", "pattern": GUID}),
                "name": {"type": "string"},
                "deprecatedNames": unique_array({"type": "string"}),
                "shortDescription": ref("multiformatMessageString"),
                "fullDescription": ref("multiformatMessageString"),
                "messageStrings": {"type": "object", "additionalProperties": ref("multiformatMessageString")},
                "defaultConfiguration": ref("reportingConfiguration"),
                "helpUri": {"type": "string", "format": "uri"},
                "help": ref("multiformatMessageString"),
            },
            required=["id"],
            others=["relationships"],
        ),
        "reportingConfiguration": obj(
            {
                "enabled": {"type": "boolean"},
                "level": LEVEL,
                "rank": {"type": "number", "minimum": -1.0, "maximum": 100.0},
                "parameters": ref("propertyBag"),
            },
        ),
        "multiformatMessageString": obj(
            {"text": {"type": "string"}, "markdown": {"type": "string"}},
            required=["text"],
        ),
        "message": obj(
            {
                "text": {"type": "string"},
                "markdown": {"type": "string"},
                "id": {"type": "string"},
                "arguments": array({"type": "string"}),
            },
            anyOf=[{"required": ["text"]}, {"required": ["id"]}],
        ),
        "result": obj(
            {
                "ruleId": {"type": "string"},
                "ruleIndex": INDEX,
                "kind": {"enum": ["notApplicable", "pass", "fail", "review", "open", "informational"]},
                "level": LEVEL,
                "message": ref("message"),
                "analysisTarget": ref("artifactLocation"),
                "locations": array(ref("location")),
                "guid": {"type": "string", "pattern": GUID},
                "correlationGuid": {"type": "string", "pattern": GUID},
                "occurrenceCount": {"type": "integer", "minimum": 1},
                "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                "fingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                "relatedLocations": unique_array(ref("location")),
                "baselineState": {"enum": ["new", "unchanged", "updated", "absent"]},
                "rank": {"type": "number", "minimum": -1.0, "maximum": 100.0},
                "hostedViewerUri": {"type": "string", "format": "uri"},
                "workItemUris": unique_array({"type": "string", "format": "uri"}),
                "fixes": unique_array(ref("fix")),
            },
            required=["message"],
            others=["rule", "stacks", "codeFlows", "graphs", "graphTraversals", "suppressions",
                    "attachments", "provenance", "taxa", "webRequest", "webResponse"],
        ),
        "fix": obj(
            {
                "description": ref("message"),
                "artifactChanges": unique_array(ref("artifactChange"), min_items=1),
            },
            required=["artifactChanges"],
        ),
        "artifactChange": obj(
            {
                "artifactLocation": ref("artifactLocation"),
                "replacements": array(ref("replacement"), min_items=1),
            },
            required=["artifactLocation", "replacements"],
        ),
        "replacement": obj(
            {
                "deletedRegion": ref("region"),
                "insertedContent": ref("artifactContent"),
            },
            required=["deletedRegion"],
        ),
        "artifactContent": obj(
            {
                "text": {"type": "string"},
                "binary": {"type": "string"},
            },
            others=["rendered"],
        ),
        "location": obj(
            {
                "id": {"type": "integer", "minimum": -1},
                "physicalLocation": ref("physicalLocation"),
                "message": ref("message"),
                "annotations": unique_array(ref("region")),
            },
            others=["logicalLocations", "relationships"],
        ),
        "physicalLocation": obj(
            {
                "artifactLocation": ref("artifactLocation"),
                "region": ref("region"),
                "contextRegion": ref("region"),
            },
            others=["address"],
            anyOf=[{"required": ["address"]}, {"required": ["artifactLocation"]}],
        ),
        "artifactLocation": obj(
            {
                "uri": {"type": "string", "format": "uri-reference"},
                "uriBaseId": {"type": "string"},
                "index": INDEX,
                "description": ref("message"),
            },
        ),
        "region": obj(
            {
                "startLine": {"type": "integer", "minimum": 1},
                "startColumn": {"type": "integer", "minimum": 1},
                "endLine": {"type": "integer", "minimum": 1},
                "endColumn": {"type": "integer", "minimum": 1},
                "charOffset": INDEX,
                "charLength": {"type": "integer", "minimum": 0},
                "byteOffset": INDEX,
                "byteLength": {"type": "integer", "minimum": 0},
                "message": ref("message"),
                "sourceLanguage": {"type": "string"},
            },
            others=["snippet"],
        ),
    },
}

# RFC 3986 URI reference, as far as the characters go: unreserved, reserved, and %XX.
URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def schema_errors(log):
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [f"{e.json_path}: {e.message}" for e in sorted(validator.iter_errors(log), key=lambda e: e.json_path)]


def locations_of(result):
    for key in ("locations", "relatedLocations"):
        for i, location in enumerate(result.get(key, [])):
            yield f"{key}[{i}]", location


def semantic_checks(log):
    """(name, problems) for each check beyond the schema."""
    runs = log.get("runs", []) if isinstance(log, dict) else []
    checks = {name: [] for name in ("one run", "rule ids unique", "ruleIndex matches ruleId",
                                    "regions ordered", "artifact uris", "uri base ids", "related location ids",
                                    "partial fingerprints")}
    if len(runs) != 1:
        checks["one run"].append(f"{len(runs)} runs; zhinan writes one")
    for r, run in enumerate(runs):
        bases = run.get("originalUriBaseIds", {})
        for name, base in bases.items():
            uri = base.get("uri") if isinstance(base, dict) else None
            if uri is not None and not (re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", uri) and uri.endswith("/")):
                checks["uri base ids"].append(f"runs[{r}].originalUriBaseIds[{name!r}]: {uri!r} is not an absolute URI ending in /")
        fingerprints = {}
        for n, result in enumerate(run.get("results", [])):
            prints = result.get("partialFingerprints")
            if not prints:
                checks["partial fingerprints"].append(f"runs[{r}].results[{n}]: no partialFingerprints")
                continue
            key = json.dumps(prints, sort_keys=True)
            if key in fingerprints:
                checks["partial fingerprints"].append(f"runs[{r}].results[{n}]: the partialFingerprints of results[{fingerprints[key]}]")
            fingerprints.setdefault(key, n)
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        ids = [rule.get("id") for rule in rules]
        for rule_id in sorted({i for i in ids if ids.count(i) > 1}):
            checks["rule ids unique"].append(f"runs[{r}]: rule {rule_id} listed {ids.count(rule_id)} times")
        for n, result in enumerate(run.get("results", [])):
            where = f"runs[{r}].results[{n}]"
            index, rule_id = result.get("ruleIndex"), result.get("ruleId")
            if rule_id is None or index is None:
                checks["ruleIndex matches ruleId"].append(f"{where}: no ruleId or ruleIndex")
            elif not (0 <= index < len(rules)) or rules[index].get("id") != rule_id:
                checks["ruleIndex matches ruleId"].append(f"{where}: ruleIndex {index} is not the rule {rule_id}")
            ids_seen = set()
            for key, location in locations_of(result):
                if key.startswith("related"):
                    if location.get("id") in ids_seen:
                        checks["related location ids"].append(f"{where}.{key}: id {location.get('id')} repeated")
                    ids_seen.add(location.get("id"))
                physical = location.get("physicalLocation", {})
                region = physical.get("region")
                if region:
                    start = (region.get("startLine", 1), region.get("startColumn", 1))
                    end = (region.get("endLine", start[0]), region.get("endColumn", start[1]))
                    if all(isinstance(v, int) for v in start + end) and end < start:
                        checks["regions ordered"].append(f"{where}.{key}: region ends at {end} before it starts at {start}")
                artifact = physical.get("artifactLocation", {})
                uri = artifact.get("uri")
                if uri is None:
                    continue
                if "uriBaseId" in artifact and artifact["uriBaseId"] not in bases:
                    checks["uri base ids"].append(f"{where}.{key}: uriBaseId {artifact['uriBaseId']!r} is not in originalUriBaseIds")
                if not URI_CHARS.match(uri) or "\\" in uri:
                    checks["artifact uris"].append(f"{where}.{key}: {uri!r} is not a URI reference")
                elif not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", uri):
                    if "uriBaseId" not in artifact:
                        checks["artifact uris"].append(f"{where}.{key}: relative {uri!r} without a uriBaseId")
                    if uri.startswith("/") or any(part in (".", "..") for part in uri.split("/")):
                        checks["artifact uris"].append(f"{where}.{key}: {uri!r} has ./, ../ or a leading /")
    return list(checks.items())


def all_problems(log):
    return schema_errors(log) + [p for _, problems in semantic_checks(log) for p in problems]


def broken_copies(log):
    """(what, broken log) pairs that must be rejected."""
    out = []

    def variant(what, change):
        broken = copy.deepcopy(log)
        try:
            change(broken)
        except (KeyError, IndexError, TypeError):
            return  # the log lacks what this variant breaks
        out.append((what, broken))

    run = lambda b: b["runs"][0]
    first_result = lambda b: run(b)["results"][0]
    first_region = lambda b: first_result(b)["locations"][0]["physicalLocation"]["region"]
    variant("version 2.0.0", lambda b: b.update(version="2.0.0"))
    variant("no tool", lambda b: run(b).pop("tool"))
    variant("a rule without id", lambda b: run(b)["tool"]["driver"]["rules"][0].pop("id"))
    variant("a rule listed twice", lambda b: run(b)["tool"]["driver"]["rules"].append(run(b)["tool"]["driver"]["rules"][0]))
    variant("default level fatal", lambda b: run(b)["tool"]["driver"]["rules"][0]["defaultConfiguration"].update(level="fatal"))
    variant("a misspelt member", lambda b: run(b)["tool"]["driver"].update(rulez=[]))
    variant("columnKind characters", lambda b: run(b).update(columnKind="characters"))
    variant("result level fatal", lambda b: first_result(b).update(level="fatal"))
    variant("result without message", lambda b: first_result(b).pop("message"))
    variant("message without text", lambda b: first_result(b).update(message={"markdown": "x"}))
    variant("ruleIndex of another rule", lambda b: first_result(b).update(ruleIndex=first_result(b)["ruleIndex"] + 1))
    variant("startColumn 0", lambda b: first_region(b).update(startColumn=0))
    variant("line as text", lambda b: first_region(b).update(startLine="3"))
    variant("region ending before it starts", lambda b: first_region(b).update(endLine=first_region(b)["startLine"] - 1 or 0))
    variant("uri with a space", lambda b: first_result(b)["locations"][0]["physicalLocation"]["artifactLocation"].update(uri="items/a b.yaml"))
    variant("uri with ./", lambda b: first_result(b)["locations"][0]["physicalLocation"]["artifactLocation"].update(uri="./items/a.yaml"))
    variant("an undefined uriBaseId", lambda b: first_result(b)["locations"][0]["physicalLocation"]["artifactLocation"].update(uriBaseId="%ELSEWHERE%"))
    def without_bases(b):
        first_result(b)["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"]  # a relative URI to break
        run(b).pop("originalUriBaseIds")

    variant("no originalUriBaseIds", without_bases)
    variant("a base uri without its closing /", lambda b: run(b)["originalUriBaseIds"].update({"%SRCROOT%": {"uri": "file:///work/repo"}}))
    variant("a relative base uri", lambda b: run(b)["originalUriBaseIds"].update({"%SRCROOT%": {"uri": "repo/"}}))
    variant("a result without partialFingerprints", lambda b: first_result(b).pop("partialFingerprints"))
    variant("fingerprints as a list", lambda b: first_result(b).update(partialFingerprints=["x"]))
    variant("two results with one fingerprint", lambda b: run(b)["results"].append(copy.deepcopy(first_result(b))))
    return out


def main(paths):
    if not paths:
        sys.exit(__doc__)
    passed = failed = 0

    def record(ok, what, problems=()):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {what}")
            for p in problems:
                print(f"  {p}")

    jsonschema.Draft7Validator.check_schema(SCHEMA)
    logs = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                log = json.load(f)
        except (OSError, ValueError) as e:
            print(f"sarif: cannot read {path}: {e}", file=sys.stderr)
            sys.exit(2)
        logs.append(log)
        errors = schema_errors(log)
        record(not errors, f"{path}: SARIF 2.1.0 schema", errors)
        for name, problems in semantic_checks(log):
            record(not problems, f"{path}: {name}", problems)
        results = sum(len(r.get("results", [])) for r in log.get("runs", [])) if isinstance(log, dict) else 0
        rules = sum(len(r.get("tool", {}).get("driver", {}).get("rules", [])) for r in log.get("runs", [])) if isinstance(log, dict) else 0
        print(f"{path}: {rules} rules, {results} results")

    for what, broken in broken_copies(logs[0]):
        record(bool(all_problems(broken)), f"a log with {what} is rejected", ["it was accepted"])

    print(f"sarif: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
