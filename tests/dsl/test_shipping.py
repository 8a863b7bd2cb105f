"""Which project modules a task ships, and how much of each (`flowc.dsl.reader.shipping`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc.dsl.reader import read_paths
from flowc.ir.model import PythonTask

LIB = "import json\n\n\ndef clean(s):\n    return s.strip()\n\n\ndef other():\n    return json.dumps(1)\n"
PKG_UTIL = "import lib\n\n\ndef twice(s):\n    return lib.clean(s) * 2\n"


def shipped(tmp_path: Path, body: str, header: str = "") -> dict[str, str]:
    """Module name -> shipped code, for a task `t` whose body is `body` under the module `header`."""
    (tmp_path / "lib.py").write_text(LIB)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("VERSION = 1\n")
    (tmp_path / "pkg" / "util.py").write_text(PKG_UTIL)
    flow = f"from flowc import pipeline, task\nimport numpy\n{header}\n\n@task\ndef t(s: str) -> str:\n{body}\n\n\n@pipeline\ndef p() -> str:\n    return t(s='x')\n"
    (tmp_path / "flow.py").write_text(flow)
    result = read_paths([tmp_path / "flow.py"])
    assert not result.diagnostics, result.diagnostics
    [task] = [t for t in result.program.tasks if isinstance(t, PythonTask)]
    return {m.name: m.code for m in task.code.modules}


@pytest.mark.parametrize(
    ("header", "body"),
    [
        ("from lib import clean", "    return clean(s)"),
        ("import lib", "    return lib.clean(s)"),
        ("import lib as L", "    return L.clean(s)"),
        ("", "    from lib import clean\n    return clean(s)"),
    ],
)
def test_only_what_the_task_uses_of_a_module_is_shipped(tmp_path: Path, header: str, body: str) -> None:
    assert shipped(tmp_path, body, header) == {"lib": "def clean(s):\n    return s.strip()\n"}


def test_a_module_used_as_a_value_is_shipped_whole(tmp_path: Path) -> None:
    code = shipped(tmp_path, "    return getattr(lib, 'clean')(s)", "import lib")
    assert code == {"lib": LIB}


def test_submodules_their_packages_and_what_they_import_are_shipped(tmp_path: Path) -> None:
    code = shipped(tmp_path, "    return pkg.util.twice(s)", "import pkg.util")
    assert code == {
        "pkg": "",  # the package: none of its statements is used
        "pkg.util": PKG_UTIL,
        "lib": "def clean(s):\n    return s.strip()\n",
    }


def test_third_party_imports_stay_import_lines(tmp_path: Path) -> None:
    assert shipped(tmp_path, "    return str(numpy.zeros(1))") == {}
