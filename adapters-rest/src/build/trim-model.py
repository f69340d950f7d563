#!/usr/bin/env python3
"""Writes the documentation-free copy of the Connect Cases service model that the server reads at run time.

Usage: python3 adapters-rest/src/build/trim-model.py ../shared/api/connectcases-2022-10-03-newest/service-2.json
Run it again whenever the upstream model changes; the server never reads the upstream file itself. The copy in use
is the 47-operation model reconstructed from AWS's newest documentation (its DELTA.md lists the guessed details,
G1-G11); a corrected model file run through this script corrects routing, binding and validation with it.
"""
import json
import os
import sys

SHAPE_KEYS = ("type", "required", "min", "max", "pattern", "enum", "union", "sensitive", "timestampFormat",
              "error", "exception", "fault")
MEMBER_KEYS = ("shape", "location", "locationName", "jsonName", "idempotencyToken")


def trim(model):
    operations = {}
    for name, op in model["operations"].items():
        operations[name] = {
            "http": {"method": op["http"]["method"], "requestUri": op["http"]["requestUri"]},
            "input": op.get("input", {}).get("shape"),
            "output": op.get("output", {}).get("shape"),
            "errors": [e["shape"] for e in op.get("errors", [])],
        }
    shapes = {}
    for name, shape in model["shapes"].items():
        out = {k: shape[k] for k in SHAPE_KEYS if k in shape}
        if "members" in shape:
            out["members"] = {m: {k: v[k] for k in MEMBER_KEYS if k in v} for m, v in shape["members"].items()}
        for part in ("member", "key", "value"):
            if part in shape:
                out[part] = shape[part]["shape"]
        shapes[name] = out
    meta = {k: model["metadata"][k] for k in ("apiVersion", "protocol", "signingName", "serviceId", "uid")}
    return {"metadata": meta, "operations": operations, "shapes": shapes}


if __name__ == "__main__":
    source = sys.argv[1]
    target = os.path.join(os.path.dirname(__file__), "..", "main", "resources", "io", "opencases", "rest",
                          "connectcases-2022-10-03.model.json")
    with open(source) as f:
        trimmed = trim(json.load(f))
    with open(target, "w") as f:
        json.dump(trimmed, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(trimmed['operations'])} operations, {len(trimmed['shapes'])} shapes -> {os.path.normpath(target)}")
