"""Every docstring example in the flowc package holds (sqlglot's rule modules are the model).

The examples run in a process of their own: an in-process Airflow run earlier on the same
xdist worker rewrites what `print` writes, which doctest compares.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

# Modules pasted into artifacts or needing an engine SDK are imported by their own tests;
# `python -m flowc.cli` runs the command when imported.
SKIP = ("flowc.cli.__main__", "flowc.backends.airflow.runtime", "flowc.codegen.runtime", "flowc.backends.airflow.deploy", "flowc.backends.flyte.package")
_RUN = """
import doctest, importlib, json, pkgutil, sys
import flowc
skip = tuple(json.loads(sys.argv[1]))
report = {}
for m in sorted(pkgutil.walk_packages(flowc.__path__, "flowc."), key=lambda m: m.name):
    if not m.name.startswith(skip):
        result = doctest.testmod(importlib.import_module(m.name), optionflags=doctest.ELLIPSIS)
        report[m.name] = [result.attempted, result.failed]
print(json.dumps(report))
"""


def test_docstring_examples() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, json.dumps(SKIP)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, list[int]] = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(report) > 50, sorted(report)
    assert sum(attempted for attempted, _ in report.values()) > 20
    failed = {name: counts for name, counts in report.items() if counts[1]}
    assert failed == {}, done.stdout[-5000:]
