"""`flowc import` as a whole: it never runs its input, detects the SDK, and its command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import libcst as cst
import pytest

from flowc.importer import detect, import_paths, import_text

SIDE_EFFECTS = '''\
import os
import pathlib
from kfp import dsl

pathlib.Path({marker!r}).write_text("ran")
os.system("touch " + {marker!r})
raise SystemExit("the input was executed")


@dsl.component
def hello(name: str) -> str:
    return "hello " + name


@dsl.pipeline
def greet(name: str = "x") -> str:
    return hello(name=name).output
'''


def test_import_never_runs_the_input(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    source = tmp_path / "side_effects.py"
    source.write_text(SIDE_EFFECTS.format(marker=str(marker)), encoding="utf-8")
    (result,) = import_paths([source])
    assert not marker.exists()
    assert result.sdk == "kfp" and result.text is not None
    assert "@task" in result.text and 'raise SystemExit("the input was executed")' in result.text


@pytest.mark.parametrize(
    ("code", "sdk"),
    [
        ("from kfp import dsl\n", "kfp"),
        ("import kfp.dsl as d\n", "kfp"),
        ("from airflow.sdk import dag, task\n", "airflow"),
        ("from flytekit import task, workflow\n", "flyte"),
        ("import os\n", None),
        ("from kfp import dsl\nfrom flytekit import task\n", None),
    ],
)
def test_detect_from_the_imports(code: str, sdk: str | None) -> None:
    assert detect(cst.parse_module(code)) == sdk


def test_unknown_sdk_and_syntax_errors_are_located_errors() -> None:
    unknown = import_text("plain.py", "x = 1\n")
    assert unknown.text is None and [d.code for d in unknown.diagnostics] == ["FLC901"]
    broken = import_text("broken.py", "from kfp import dsl\ndef f(:\n")
    assert broken.text is None and [(d.code, d.span.line if d.span else 0) for d in broken.diagnostics] == [("FLC002", 2)]


def test_cli_writes_the_translation_and_reports_to_stderr(tmp_path: Path) -> None:
    source = Path(__file__).parent / "golden" / "kfp" / "if_elif_else.in.py"
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "flowc.cli", "import", "--from", "kfp", str(source), "-o", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (out / source.name).read_text(encoding="utf-8") == source.with_name("if_elif_else.out.py").read_text(encoding="utf-8")
    assert f"{source}:19:43: warning[FLC903]" in done.stderr
    assert done.stdout == ""


def test_cli_needs_an_output_folder_for_several_files_and_fails_on_unreadable_input(tmp_path: Path) -> None:
    golden = Path(__file__).parent / "golden" / "kfp"
    several = subprocess.run(
        [sys.executable, "-m", "flowc.cli", "import", str(golden / "after.in.py"), str(golden / "caching.in.py")],
        capture_output=True, text=True, check=False,
    )
    assert several.returncode == 2 and "-o DIR" in several.stderr
    plain = tmp_path / "plain.py"
    plain.write_text("x = 1\n", encoding="utf-8")
    unknown = subprocess.run([sys.executable, "-m", "flowc.cli", "import", str(plain)], capture_output=True, text=True, check=False)
    assert unknown.returncode == 1 and "error[FLC901]" in unknown.stderr and unknown.stdout == ""


def test_commented_out_code_splits_lines_as_python_does() -> None:
    """A U+2028 or form feed inside a string is no line break for Python: the commented-out line stays one line."""
    text = 'import kfp\nclient = kfp.Client(host="a\u2028b\x0cc")\n'
    result = import_text("odd.py", text, "kfp")
    assert result.text is not None
    assert '#     client = kfp.Client(host="a\u2028b\x0cc")' in result.text.split("\n")
    assert [d.code for d in result.diagnostics] == ["FLC905"]
