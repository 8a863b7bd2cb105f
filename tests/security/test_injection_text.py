"""Task code reaches every engine unchanged: no line breaks where Python sees none
(U+2028, NEL, form feed, ...), multi-line f-strings kept on Python 3.12+, and
`from __future__` imports kept first."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from flowc.codegen.literals import py_literal
from flowc.codegen.runtime import runtime_source
from flowc.codegen.task_code import shipped_code
from flowc.ir.code_origin import CodeOrigin
from flowc.ir.model import TaskCode
from tests.security.injection_cases import emit_one, load_source

# Characters `str.splitlines()` breaks at but Python's tokenizer does not.
NOT_LINE_BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
TEXT = "a" + "b".join(NOT_LINE_BREAKS) + "c"

SEPARATORS_TASK = """
from flowc import pipeline, task


@task(image='python:3.12-slim')
def spaced(x: str) -> str:
    # comment@SEP@ holding separators
    return x + '@SEP@'


@pipeline
def separated(x: str = 'in@SEP@') -> str:
    return spaced(x=x)
"""


def separators_source(sep: str) -> str:
    return SEPARATORS_TASK.replace("@SEP@", sep)


def _constants(tree: ast.AST) -> set[object]:
    """The constants of `tree`, and of the task programs it holds as text (Airflow's `_FLOWC_CODE`)."""
    found = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
    programs = [c for c in found if isinstance(c, str) and c.startswith("# --- task code ---")]
    return found.union(*(_constants(ast.parse(p)) for p in programs))


@pytest.mark.parametrize("sep", NOT_LINE_BREAKS, ids=[f"U+{ord(c):04X}" for c in NOT_LINE_BREAKS])
@pytest.mark.parametrize("target", ["flyte", "airflow"])
def test_separators_in_code_keep_their_value(tmp_path: Path, sep: str, target: str) -> None:
    _, text = emit_one(load_source(tmp_path, separators_source(sep)), target)
    tree = ast.parse(text)
    compile(tree, "generated", "exec")
    assert sep in _constants(tree) or any(isinstance(c, str) and ("return x + '" + sep + "'") in c for c in _constants(tree))


F_STRING = 'def f(x):\n    return f"""a\n  {x}\n\tb {x!r:>{4}}\n"""\n'
INTERPRETERS = [sys.executable, *(f"/root/.pyenv/versions/{v}/bin/python" for v in ("3.12.1", "3.13.0"))]


def _loaded_program(code: TaskCode, call: str) -> str:
    """A program of the task runtime loading `code` as engines ship it, printing `call`'s value as JSON."""
    shipped = py_literal(shipped_code(code.function_name, code))
    return f"{runtime_source()}\nimport json\nf = load_task_function({shipped}, 'm')\nprint(json.dumps({call}))\n"


@pytest.mark.parametrize("python", INTERPRETERS, ids=lambda p: "this" if p == sys.executable else p.split("/")[-3])
def test_multiline_f_strings_keep_their_value(python: str) -> None:
    """Shipped code is never re-indented or re-tokenized: a multi-line f-string means the same on 3.11-3.13."""
    if not Path(python).exists():
        pytest.skip(f"{python} is not installed here")
    code = TaskCode(function_name="f", function=F_STRING, origin=CodeOrigin(path="t.py", function_line=7))
    done = subprocess.run(
        [python, "-c", _loaded_program(code, "f(1)")], capture_output=True, text=True, timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 0, done.stderr
    namespace: dict[str, Any] = {}
    exec(F_STRING, namespace)
    assert json.loads(done.stdout) == namespace["f"](1)


def test_separators_and_form_feeds_in_shipped_code() -> None:
    source = "x = '" + TEXT + "'\n\x0cdef g():\n  \x0c    return x\n"
    code = TaskCode(function_name="g", function=source, origin=CodeOrigin(path="t.py", function_line=3))
    namespace: dict[str, Any] = {}
    exec(runtime_source(), namespace)
    assert namespace["load_task_function"](shipped_code("g", code), "m")() == TEXT
