#!/usr/bin/python3
"""Validates a FollowTheMoney entity file (JSON Lines) against the FtM
schema definitions (one YAML file per schema, as in followthemoney's
followthemoney/schema/):

    ftm_validate.py SCHEMA_DIR FILE

Every line is an object of exactly id, schema and properties; the id is
unique; the schema is known and not abstract; every property is defined by
the schema or one it extends; every value is a list of non-empty strings;
every required property (of the schema and those it extends) is there;
dates are ISO dates, URLs http(s), entity references the id of an entity in
the file whose schema is the property's range or extends it; an edge
schema's source and target are set.  Prints one line per problem (FILE:LINE:
what) and exits 1 when there is one."""
import json
import os
import re
import sys

import yaml


def load(directory):
    schemata = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(directory, name)) as f:
                for schema, spec in (yaml.safe_load(f) or {}).items():
                    if isinstance(spec, dict):
                        schemata[schema] = spec
    return schemata


def lineage(schemata, name):
    """name and every schema it extends, nearest first."""
    out, todo = [], [name]
    while todo:
        s = todo.pop(0)
        if s in out or s not in schemata:
            continue
        out.append(s)
        todo.extend(schemata[s].get("extends") or [])
    return out


DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?$")


def main():
    directory, path = sys.argv[1:3]
    schemata = load(directory)
    if not schemata:
        sys.exit(f"{directory}: no FtM schemas")
    entities, problems = [], []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            where = f"{path}:{number}"
            try:
                e = json.loads(line)
            except ValueError as x:
                problems.append(f"{where}: not JSON: {x}")
                continue
            if not isinstance(e, dict) or set(e) != {"id", "schema", "properties"}:
                problems.append(f"{where}: not an object of id, schema and properties")
                continue
            entities.append((where, e))
    ids = {}
    for where, e in entities:
        if not isinstance(e["id"], str) or not e["id"]:
            problems.append(f"{where}: id {e['id']!r}")
        elif e["id"] in ids:
            problems.append(f"{where}: id {e['id']} also at {ids[e['id']][0]}")
        else:
            ids[e["id"]] = (where, e["schema"])
    for where, e in entities:
        schema = e["schema"]
        if schema not in schemata:
            problems.append(f"{where}: unknown schema {schema!r}")
            continue
        if schemata[schema].get("abstract"):
            problems.append(f"{where}: schema {schema} is abstract")
        chain = lineage(schemata, schema)
        defined = {}
        required = set()
        for s in reversed(chain):
            for prop, spec in (schemata[s].get("properties") or {}).items():
                defined[prop] = spec or {}
            required.update(schemata[s].get("required") or [])
        edge = schemata[schema].get("edge") or {}
        required.update(v for k, v in edge.items() if k in ("source", "target"))
        props = e["properties"]
        if not isinstance(props, dict):
            problems.append(f"{where}: properties is no object")
            continue
        for prop in sorted(required - set(props)):
            problems.append(f"{where}: {schema} lacks the required {prop}")
        for prop, values in props.items():
            spec = defined.get(prop)
            if spec is None:
                problems.append(f"{where}: {schema} has no property {prop}")
                continue
            if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
                problems.append(f"{where}: {prop} is not a list of non-empty strings: {values!r}")
                continue
            kind = spec.get("type", "string")
            for v in values:
                if kind == "date" and not DATE.match(v):
                    problems.append(f"{where}: {prop} {v!r} is no date")
                elif kind == "url" and not re.match(r"^https?://\S+$", v):
                    problems.append(f"{where}: {prop} {v!r} is no http(s) URL")
                elif kind == "entity":
                    target = ids.get(v)
                    if not target:
                        problems.append(f"{where}: {prop} names {v!r}, no entity of the file")
                    elif spec.get("range") and spec["range"] not in lineage(schemata, target[1]):
                        problems.append(f"{where}: {prop} names {v} of schema {target[1]}, not a {spec['range']}")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
