#!/usr/bin/python3
"""Checks a notebook exported by the lesson (web/src/code/notebook.js).

1. Validates it against the official nbformat 4 JSON schema (Debian's python3-nbformat ships the
   schema files and validates with python3-jsonschema).
2. Runs its code cells in order in one namespace, like "Run all" in Jupyter, and reports per cell
   whether it ran, failed or skipped itself (the PyTorch cells skip when torch is absent), plus
   the largest difference each implementation's check found against the page's numbers.

Prints one JSON object per notebook, one per line. Exit code 0 when every notebook is valid and
every cell ran without an exception (assertion cells raise when the numbers do not match), else 1.
Usage: /usr/bin/python3 scripts/check-notebook.py NOTEBOOK.ipynb [MORE.ipynb ...]
"""
import contextlib
import io
import json
import sys
import traceback

import nbformat


def check(path):
    report = {"path": path, "valid": False, "schema_error": None, "cells": [], "torch": None, "differences": {}}
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        report["valid"] = True
        report["nbformat"] = "%d.%d" % (nb.nbformat, nb.nbformat_minor)
    except Exception as err:  # a schema violation or a file that is not JSON
        report["schema_error"] = str(err).splitlines()[0]
        return report, False

    namespace = {"__name__": "__main__"}
    ok = True
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        role = cell.metadata.get("attention_lesson", {}).get("role", "?")
        out = io.StringIO()
        entry = {"role": role, "ok": True, "error": None}
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(cell.source, "<cell %s>" % role, "exec"), namespace)
        except Exception:
            entry["ok"] = False
            entry["error"] = traceback.format_exc(limit=1).strip().splitlines()[-1]
            ok = False
        entry["stdout"] = out.getvalue()[-2000:]
        report["cells"].append(entry)
    report["torch"] = namespace.get("torch") is not None
    if report["torch"]:
        report["torch_version"] = str(namespace["torch"].__version__)
    for name in ("plain_python", "numpy", "pytorch"):
        value = namespace.get(name + "_difference")
        if value is not None:
            report["differences"][name] = float(value)
    return report, ok


def main(paths):
    all_ok = True
    for path in paths:
        report, ok = check(path)
        all_ok = all_ok and ok
        print(json.dumps(report), flush=True)
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
