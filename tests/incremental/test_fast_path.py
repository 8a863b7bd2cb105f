"""An unchanged project's `flowc check` replays its stored output without loading the compiler."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.incremental.project import write_project

PROBE = """
import json, sys
from flowc.cli import main
code = main(sys.argv[2:])
heavy = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("libcst", "pydantic", "kfp", "airflow", "flytekit")})
backends = sorted(m for m in sys.modules if m.startswith("flowc.backends.") or m == "flowc.api" or m.startswith("flowc.dsl.reader.project"))
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "heavy": heavy, "backends": backends}, out)
"""


def _run(tmp_path: Path, *argv: str) -> tuple[dict[str, object], str, str]:
    report = tmp_path / "modules.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE, str(report), "check", *argv], capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    return json.loads(report.read_text()), done.stdout, done.stderr


def test_an_unchanged_check_imports_neither_libcst_nor_pydantic_nor_a_backend(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    first, out, err = _run(tmp_path, "project")
    assert first["code"] == 0 and "libcst" in first["heavy"]  # type: ignore[operator]
    again, out2, err2 = _run(tmp_path, "project")
    assert (again["code"], out2, err2) == (0, out, err)
    assert again["heavy"] == [] and again["backends"] == []
    (project / "p1.py").write_text((project / "p1.py").read_text() + "\ndef broken(:\n")
    changed, _, err3 = _run(tmp_path, "project")
    assert changed["code"] == 1 and "FLC002" in err3
    replayed, _, err4 = _run(tmp_path, "project")
    assert (replayed["code"], err4, replayed["heavy"]) == (1, err3, [])
    (project / "p2.py").write_text((project / "p2.py").read_text() + "\n# edited\n")
    other, _, err5 = _run(tmp_path, "project")
    assert (other["code"], err5) == (1, err3)
    assert "pydantic" not in other["heavy"]  # type: ignore[operator]  # p1's stored diagnostics load without it


def test_no_cache_neither_reads_nor_writes_the_cache(tmp_path: Path) -> None:
    write_project(tmp_path / "project")
    cache = Path(os.environ["FLOWC_CACHE_DIR"])
    before = sorted(cache.glob("*.json")) if cache.exists() else []
    report, _, _ = _run(tmp_path, "project", "--no-cache")
    assert report["code"] == 0 and "libcst" in report["heavy"]  # type: ignore[operator]
    assert (sorted(cache.glob("*.json")) if cache.exists() else []) == before
