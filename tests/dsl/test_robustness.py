"""Odd and hostile inputs: the reader reports diagnostics and never raises."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from flowc.dsl.reader import read_paths

HEAD = "import flowc\nfrom flowc import *\nfrom flowc import task, pipeline, after, Resources, Dataset\n"

ODD_SOURCES: dict[str, str] = {
    "empty": "",
    "only_comment": "# nothing\n",
    "bom_and_crlf": "\ufefffrom flowc import task\r\n\r\n@task\r\ndef t(x: int) -> int:\r\n    return x\r\n",
    "deep_parens": HEAD + "@pipeline\ndef p() -> int:\n    return " + "(" * 150 + "1" + ")" * 150 + "\n",
    "deep_calls": HEAD + "@task\ndef t(x: int) -> int: ...\n@pipeline\ndef p() -> int:\n    return " + "t(x=" * 60 + "1" + ")" * 60 + "\n",
    "deep_lists": HEAD + "@task\ndef t(x: list) -> int: ...\n@pipeline\ndef p() -> int:\n    return t(x=" + "[" * 80 + "]" * 80 + ")\n",
    "deep_ifs": HEAD + "@task\ndef t() -> None: ...\n@pipeline\ndef p(x: int) -> None:\n"
    + "".join("    " * (i + 1) + "if x > 1:\n" for i in range(40)) + "    " * 41 + "t()\n",
    "star_decorators": HEAD + "ARGS = []\n@task(*ARGS, **{})\ndef t(x: int) -> int: ...\n@pipeline(*ARGS)\ndef p() -> int:\n    return t(1)\n",
    "decorator_odd": HEAD + "@task(lambda: 1)\ndef t(x: int) -> int: ...\n@task.something\ndef u() -> None: ...\n@pipeline()\ndef p() -> int:\n    return t(1)\n",
    "lambdas_and_walrus": HEAD + "@task\ndef t(x: int) -> int: ...\n@pipeline\ndef p(x: int) -> int:\n    f = lambda: t(x=1)\n    if (y := t(x=x)) > 1:\n        pass\n    return t(x=(z := 1))\n",
    "async_everything": HEAD + "@task\nasync def t(x: int) -> int: ...\n@pipeline\nasync def p(x: int) -> int:\n    async for a in x:\n        pass\n    return await t(x=x)\n",
    "match_statement": HEAD + "@pipeline\ndef p(x: int) -> None:\n    match x:\n        case 1:\n            pass\n        case _:\n            pass\n",
    "star_args_everywhere": HEAD + "@task\ndef t(*args: int, **kw: int) -> int: ...\n@pipeline\ndef p(*xs: int) -> int:\n    return t(*xs, **{})\n",
    "weird_targets": HEAD + "@task\ndef t() -> int: ...\n@pipeline\ndef p() -> None:\n    a.b = t()\n    c[0] = t()\n    *d, e = t()\n    (f, g), h = t()\n    i = j = t()\n",
    "nested_defs": HEAD + "@pipeline\ndef p() -> None:\n    @task\n    def inner() -> None: ...\n    class C: ...\n    inner()\n",
    "class_tasks": HEAD + "class K:\n    @task\n    def m(self, x: int) -> int: ...\n@pipeline\ndef p() -> int:\n    return K().m(1)\n",
    "no_annotations": HEAD + "@task\ndef t(x, *, y, **z): ...\n@pipeline\ndef p(a):\n    return t(a, y=a)\n",
    "string_annotations": HEAD + "@task\ndef t(x: 'int') -> 'Dataset': ...\n@pipeline\ndef p() -> 'int':\n    return t(x=1)\n",
    "fstring_and_bytes": HEAD + "@task\ndef t(x: str = b'x', y: str = f'{1}') -> int: ...\n@pipeline\ndef p() -> int:\n    return t(x=b'a', y=f'{2}')\n",
    "huge_int": HEAD + "@task\ndef t(x: int = 10**1000, y: int = 99999999999999999999999999999) -> int: ...\n@pipeline\ndef p() -> int:\n    return t(x=0x1F, y=1_000)\n",
    "unicode_names": HEAD + "@task\ndef tâche(données: str = 'é') -> str: ...\n@pipeline\ndef flux() -> str:\n    return tâche(données='ü')\n",
    "return_outside": "return 1\nyield 2\n",
    "type_statement": "type X = int\nfrom flowc import task\n@task\ndef t[T](x: T) -> T: ...\n",
    "global_in_pipeline": HEAD + "@pipeline\ndef p() -> None:\n    global q\n    nonlocal r\n    del s\n    assert 1\n    raise ValueError\n",
    "after_misuse": HEAD + "@task\ndef t() -> None: ...\n@pipeline\ndef p() -> None:\n    with after():\n        t()\n    with after(1, 'x', [1]), open('f'):\n        t()\n    with flowc.after(t) as x:\n        t()\n",
    "subscript_types": HEAD + "@task\ndef t(a: list, b: dict[str], c: dict[str, int, int], d: list[int][0], e: flowc.Nope) -> int: ...\n",
    "self_import": "from flowc import pipeline, task\nfrom flow import t\n@pipeline\ndef p() -> int:\n    return t()\n",
    "relative_too_far": "from flowc import pipeline\nfrom ....far import t\nfrom . import nothing\n@pipeline\ndef p() -> int:\n    return t()\n",
    "namedtuple_oddities": HEAD + "from typing import NamedTuple\nclass N(NamedTuple):\n    pass\nclass M(NamedTuple):\n    a: int = 1\n    def m(self): ...\n@task\ndef t() -> N: ...\n@task\ndef u() -> M: ...\n@pipeline\ndef p() -> int:\n    return u().a\n",
    "comprehension_oddities": HEAD + "@task\ndef t(x: int) -> int: ...\n@pipeline\ndef p(xs: list[int]) -> list[int]:\n    a = [t(x=x) async for x in xs]\n    b = [[t(x=x) for x in xs] for y in xs][0]\n    return [t(x=x) for x in [y for y in xs]]\n",
    "condition_oddities": HEAD + "@task\ndef t(x: int) -> int: ...\n@pipeline\ndef p(x: int) -> None:\n    if t(x=x):\n        pass\n    if x if x else x:\n        pass\n    if not not x:\n        pass\n    if x < (1, 2):\n        pass\n    if [t(x=1)]:\n        pass\n",
}


@pytest.mark.parametrize("name", sorted(ODD_SOURCES))
def test_odd_source_gives_diagnostics_not_exceptions(tmp_path: Path, name: str) -> None:
    path = tmp_path / "flow.py"
    path.write_text(ODD_SOURCES[name], encoding="utf-8")
    result = read_paths([path])
    assert not [d for d in result.diagnostics if d.code == "FLC009"], result.diagnostics
    for d in result.diagnostics:
        if d.span is not None:
            assert d.span.line >= 1 and d.span.col >= 1


def test_binary_junk_and_random_bytes(tmp_path: Path) -> None:
    rng = random.Random(7)
    for i in range(20):
        path = tmp_path / f"junk{i}.py"
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        if i % 2:
            data = b"from flowc import pipeline\n" + data
        path.write_bytes(data)
        result = read_paths([path])
        assert result.diagnostics, i


def test_mutated_examples_never_raise(tmp_path: Path) -> None:
    """Random line deletions and token swaps in a real example: diagnostics, never exceptions."""
    from tests.conftest import EXAMPLE_FILES

    lines = EXAMPLE_FILES["churn"].read_text().splitlines()
    rng = random.Random(11)
    swaps = ["", "x", "(", ")", "[", "]", ":", "=", "1", "'", "lambda", "if", "for", "*", ",", "."]
    for i in range(40):
        mutated = list(lines)
        for _ in range(3):
            at = rng.randrange(len(mutated))
            if rng.random() < 0.4:
                del mutated[at]
            else:
                line = mutated[at]
                pos = rng.randrange(len(line) + 1)
                mutated[at] = line[:pos] + rng.choice(swaps) + line[pos:]
        path = tmp_path / f"m{i}.py"
        path.write_text("\n".join(mutated) + "\n")
        result = read_paths([path])
        assert not [d for d in result.diagnostics if d.code == "FLC009"], (i, result.diagnostics)


def test_missing_paths_and_empty_directories(tmp_path: Path) -> None:
    result = read_paths([tmp_path / "nope.py", tmp_path])
    assert [d.code for d in result.diagnostics] == ["FLC001"]
    assert result.program.pipelines == ()


def test_file_without_pipelines_warns_only_when_named(tmp_path: Path) -> None:
    (tmp_path / "steps.py").write_text("from flowc import task\n\n@task\ndef t() -> int: ...\n")
    (tmp_path / "unrelated.py").write_text("import os\nraise SystemExit\n")
    named = read_paths([tmp_path / "steps.py"])
    assert [(d.code, d.severity) for d in named.diagnostics] == [("FLC004", "warning")]
    found = read_paths([tmp_path])
    assert found.diagnostics == [] and [t.name for t in found.program.tasks] == ["t"]
    assert str(tmp_path / "unrelated.py") in found.sources  # read like a named file, never run


def test_directory_discovery_skips_hidden_dirs_and_venvs(tmp_path: Path) -> None:
    body = "from flowc import task\n\n@task\ndef {name}() -> int: ...\n"
    for rel, name in (("a.py", "a"), ("sub/b.py", "b"), (".hidden/c.py", "c"), ("venv/d.py", "d"), ("__pycache__/e.py", "e")):
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body.format(name=name))
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr\n")
    result = read_paths([tmp_path])
    assert [t.name for t in result.program.tasks] == ["a", "b"]


# ------------------------------------------------- one behaviour, file or folder


def _codes(paths: list[Path]) -> list[tuple[str, str, int, int]]:
    """Errors as (code, file name, line, col); warnings aside: FLC004 is for named files only."""
    result = read_paths(paths)
    return sorted((d.code, Path(d.span.path).name, d.span.line, d.span.col) if d.span else (d.code, "", 0, 0) for d in result.diagnostics if d.is_error)


PIPELINE_USING_T = "from flowc import pipeline\nfrom steps import t\n\n@pipeline\ndef p() -> int:\n    return t()\n"
FOLDER_CASES: dict[str, dict[str, bytes]] = {
    "latin1_module": {"main.py": b"from flowc import task\n\n# caf\xe9\n@task\ndef t() -> int: ...\n"},
    "reexport_without_the_word": {
        "main.py": PIPELINE_USING_T.encode(),
        "steps.py": b"from impl import t\n",
        "impl.py": b"from flowc import task\n\n@task\ndef t() -> int: ...\n",
    },
    "import_cycle": {"main.py": PIPELINE_USING_T.encode(), "steps.py": b"from other import t\n", "other.py": b"from steps import t\n"},
    "syntax_error_elsewhere": {"main.py": PIPELINE_USING_T.encode(), "steps.py": b"from impl import t\n", "impl.py": b"def (:\n"},
}


@pytest.mark.parametrize("case", sorted(FOLDER_CASES))
def test_a_folder_reads_like_its_files(tmp_path: Path, case: str) -> None:
    for name, data in FOLDER_CASES[case].items():
        (tmp_path / name).write_bytes(data)
    by_file = _codes([tmp_path / "main.py"])
    by_folder = _codes([tmp_path])
    assert by_folder == by_file
    if case == "reexport_without_the_word":
        assert by_file == by_folder == []
    else:
        assert by_folder, case


def test_import_cycle_is_the_same_diagnostic_in_both_modes(tmp_path: Path) -> None:
    for name, data in FOLDER_CASES["import_cycle"].items():
        (tmp_path / name).write_bytes(data)
    assert [c for c, _, _, _ in _codes([tmp_path / "main.py"])] == ["FLC007"]
    assert [c for c, _, _, _ in _codes([tmp_path])] == ["FLC007"]


# --------------------------------------------------------------------- locations


def test_a_3000_term_or_is_a_condition_not_nesting(tmp_path: Path) -> None:
    terms = " or ".join(f"x == {i}" for i in range(3000))
    path = tmp_path / "flow.py"
    path.write_text(f"{HEAD}@task\ndef t() -> None: ...\n@pipeline\ndef p(x: int) -> None:\n    if {terms}:\n        t()\n")
    result = read_paths([path])
    assert [d for d in result.diagnostics if d.is_error] == []
    cond = result.program.pipelines[0].body[0]
    assert len(cond.branches[0].condition.operands) == 3000  # type: ignore[union-attr]


def test_an_elif_chain_past_the_parser_limit_is_located_at_its_if(tmp_path: Path) -> None:
    """20,000 `elif`s: each nests the next `if` in the tree, deeper than any CPython parses."""
    path = tmp_path / "flow.py"
    arms = "".join(f"    elif x == {i}:\n        t(x={i})\n" for i in range(1, 20_000))
    path.write_text(f"{HEAD}@task\ndef t(x: int) -> int: ...\n@pipeline\ndef p(x: int) -> None:\n    if x == 0:\n        t(x=0)\n{arms}")
    result = read_paths([path])
    assert [(d.code, d.span.line, d.span.col) for d in result.diagnostics if d.span] == [("FLC015", 8, 5)]


def test_a_huge_line_is_echoed_as_a_window_around_the_caret(tmp_path: Path) -> None:
    from flowc import api

    path = tmp_path / "flow.py"
    pad = "'" + "x" * 5_000_000 + "'"
    path.write_text(f"{HEAD}@task\ndef t(a: str, b: int) -> None: ...\n@pipeline\ndef p() -> None:\n    t(a={pad}, b='no')\n")
    loaded = api.load([path])
    assert [d.code for d in loaded.diagnostics] == ["FLC201"]
    text = api.render(loaded.diagnostics, loaded.sources)
    assert len(text) < 1000, len(text)
    shown, caret = text.splitlines()[1:3]
    assert shown[caret.index("^") :].startswith("'no'")


def test_rendering_counts_lines_as_python_does(tmp_path: Path) -> None:
    from flowc import api

    path = tmp_path / "flow.py"
    odd = "\u2028 \u2029 \x85 \x0c \x0b \x1c \x1d \x1e"
    path.write_text(f"{HEAD}# {odd}\nX = '{odd}'\n@task\ndef t(a: int) -> None: ...\n@pipeline\ndef p() -> None:\n    t(a='no')\n")
    loaded = api.load([path])
    assert [(d.code, d.span.line if d.span else 0) for d in loaded.diagnostics] == [("FLC201", 10)]
    rendered = api.render(loaded.diagnostics, loaded.sources)
    assert "  10 |     t(a='no')" in rendered, rendered


def test_rendering_never_echoes_terminal_controls(tmp_path: Path) -> None:
    from flowc import api

    path = tmp_path / "flow.py"
    path.write_text(f"{HEAD}@task\ndef t(a: int) -> None: ...\n@pipeline\ndef p() -> None:\n    t(a='no')  # \x1b[2J\u202e\x07\n")
    loaded = api.load([path])
    rendered = api.render(loaded.diagnostics, loaded.sources)
    assert "\x1b" not in rendered and "\u202e" not in rendered and "\x07" not in rendered
    assert "t(a='no')  # \ufffd[2J\ufffd\ufffd" in rendered


def test_a_file_name_with_controls_cannot_forge_output_lines(tmp_path: Path) -> None:
    from flowc import api

    path = tmp_path / "a\x1b[2J\nerror[FLC000]: forged.py"
    path.write_text(f"{HEAD}@task\ndef t(x) -> int: ...\n")
    loaded = api.load([path])
    assert [d.code for d in loaded.diagnostics] == ["FLC004", "FLC203"]
    text = api.render(loaded.diagnostics, loaded.sources)
    assert "\x1b" not in text and not any(line.startswith("error[FLC000]") for line in text.splitlines()), text
    assert "\\x1b[2J\\nerror[FLC000]: forged.py:5:7: error[FLC203]: parameter 'x' has no type annotation\n" in text
