"""Task code reaches every engine unchanged: no line breaks where Python sees none
(U+2028, NEL, form feed, ...), multi-line f-strings kept on Python 3.12+, and
`from __future__` imports kept first."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from flowc.backends.flyte.code import indent_code
from tests.security.injection_cases import emit_one, load_source

ROOT = Path(__file__).resolve().parents[2]
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
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}


@pytest.mark.parametrize("sep", NOT_LINE_BREAKS, ids=[f"U+{ord(c):04X}" for c in NOT_LINE_BREAKS])
@pytest.mark.parametrize("target", ["flyte", "airflow"])
def test_separators_in_code_keep_their_value(tmp_path: Path, sep: str, target: str) -> None:
    _, text = emit_one(load_source(tmp_path, separators_source(sep)), target)
    tree = ast.parse(text)
    compile(tree, "generated", "exec")
    assert sep in _constants(tree) or any(isinstance(c, str) and ("return x + '" + sep + "'") in c for c in _constants(tree))


F_STRING = 'def f(x):\n    return f"""a\n  {x}\n\tb {x!r:>{4}}\n"""\n'
F_STRING_INDENTED = '    def f(x):\n        return f"""a\n  {x}\n\tb {x!r:>{4}}\n"""'
INTERPRETERS = [sys.executable, *(f"/root/.pyenv/versions/{v}/bin/python" for v in ("3.12.1", "3.13.0"))]


@pytest.mark.parametrize("python", INTERPRETERS, ids=lambda p: "this" if p == sys.executable else p.split("/")[-3])
def test_multiline_f_strings_are_not_reindented(python: str) -> None:
    if not Path(python).exists():
        pytest.skip(f"{python} is not installed here")
    code = (
        "import json, sys\n"
        "from flowc.backends.flyte.code import indent_code\n"
        "print(json.dumps([sys.version_info[:2], indent_code(json.loads(sys.stdin.read()))]))\n"
    )
    done = subprocess.run(
        [python, "-c", code], input=json.dumps(F_STRING), capture_output=True, text=True, timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 0, done.stderr
    version, indented = json.loads(done.stdout)
    assert indented == F_STRING_INDENTED, f"Python {version}"
    namespace: dict[str, object] = {}
    exec(compile("def outer():\n" + indented + "\n    return f\n", "indented", "exec"), namespace)


def test_separators_and_form_feeds_in_indent_code() -> None:
    source = "x = '" + TEXT + "'\n\x0cdef g():\n  \x0c    return x\n"
    namespace: dict[str, object] = {}
    exec(compile("def outer():\n" + indent_code(source) + "\n    return g\n", "indented", "exec"), namespace)
    assert namespace["outer"]()() == TEXT  # type: ignore[operator]
