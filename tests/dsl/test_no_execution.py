"""Reading a file never runs it: top-level side effects do not happen, heavy SDKs are not imported."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from flowc.dsl.reader import read_paths
from tests.conftest import EXAMPLE_FILES, ROOT

HOSTILE = '''
import os
import some_missing_module_xyz
from flowc import pipeline, task

open({marker!r}, "w").write("ran")
os.system("touch " + {marker2!r})
raise SystemExit(3)


@task
def hello(name: str) -> str:
    open({marker!r}, "w").write("task ran")
    return "hi " + name


@pipeline
def greet(name: str = "x") -> str:
    return hello(name=name)


if __name__ == "__main__":
    open({marker!r}, "w").write("main ran")
'''


def test_side_effects_at_top_level_never_run(tmp_path: Path) -> None:
    marker, marker2 = tmp_path / "ran.txt", tmp_path / "ran2.txt"
    source = tmp_path / "hostile.py"
    source.write_text(textwrap.dedent(HOSTILE.format(marker=str(marker), marker2=str(marker2))))
    result = read_paths([source])
    assert not [d for d in result.diagnostics if d.is_error], result.diagnostics
    assert [p.name for p in result.program.pipelines] == ["greet"]
    assert not marker.exists() and not marker2.exists()
    code = result.program.task("hello")
    assert code.kind == "python"
    assert "os.system" not in code.code.preamble and "SystemExit" not in code.code.preamble


def test_check_in_a_subprocess_imports_no_engine_and_runs_nothing(tmp_path: Path) -> None:
    marker, marker2 = tmp_path / "ran.txt", tmp_path / "ran2.txt"
    source = tmp_path / "hostile.py"
    source.write_text(textwrap.dedent(HOSTILE.format(marker=str(marker), marker2=str(marker2))))
    script = (
        "import json, sys\n"
        "from flowc import api\n"
        f"loaded = api.load([{str(source)!r}, {str(EXAMPLE_FILES['churn'])!r}])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('kfp', 'flytekit', 'airflow'))\n"
        "print(json.dumps({'ok': loaded.ok, 'heavy': heavy, 'mod': 'some_missing_module_xyz' in sys.modules}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    assert report == {"ok": True, "heavy": [], "mod": False}
    assert not marker.exists() and not marker2.exists()
