"""Step keys (Merkle keys on task nodes): an edit changes its steps' keys and those
downstream, nothing else; keys are the same in every process, hash seed and Python."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flowc import api
from flowc.ir.model import ConditionNode, LoopNode, PipelineNode, Program, TaskNode, iter_nodes
from flowc.dsl.reader import read_paths
from flowc.ir.passes import KEYING, prepare
from flowc.ir.passes.conditions import lower_conditions
from flowc.ir.passes.step_keys import assign_step_keys, in_context
from tests.conftest import ROOT

SOURCE = '''
from flowc import pipeline, task

LIMIT = 3


@task(cache=True)
def load(n: int) -> list[int]:
    return list(range(n))


@task(cache=True)
def double(xs: list[int]) -> list[int]:
    return [x * 2 for x in xs]


@task(cache=True)
def square(x: int) -> int:
    return x * x


@task(cache=True)
def total(xs: list[int]) -> int:
    return sum(xs)


@task(cache=True)
def side(tag: str) -> str:
    return tag.upper()


@task
def report(value: int, note: str) -> str:
    return f"{note}: {value}"


@pipeline
def inner(xs: list[int]) -> int:
    return total(xs=xs)


@pipeline
def keyed(n: int = LIMIT, tag: str = "x") -> str:
    doubled = double(xs=load(n=n))
    squares = [square(x=v) for v in doubled]
    s = total(xs=squares)
    sub = inner(xs=doubled)
    note = side(tag=tag)
    if s > 10:
        out = report(value=s, note=note)
    else:
        out = report(value=sub, note=note)
    return out
'''


def _load(tmp_path: Path, source: str) -> Program:
    """The program as written (no fusion), keyed: step keys hold with and without the optimizer."""
    path = tmp_path / "keyed.py"
    path.write_text(source)
    loaded = api.load([path], root=tmp_path, optimize=False)
    assert loaded.ok, loaded.diagnostics
    return loaded.program


def _unkeyed(tmp_path: Path) -> Program:
    """Read and lowered, no key of any kind yet."""
    path = tmp_path / "keyed.py"
    path.write_text(SOURCE)
    return lower_conditions(read_paths([path], root=tmp_path).program)


def _keys(program: Program) -> dict[str, str]:
    """`pipeline/node id` -> key for every task node and sub-pipeline call."""
    out: dict[str, str] = {}
    for p in program.pipelines:
        for n in iter_nodes(p.body):
            if isinstance(n, (TaskNode, PipelineNode)):
                assert n.cache_key is not None and len(n.cache_key) == 64, n
                out[f"{p.name}/{n.id}"] = n.cache_key
    return out


def _changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    assert before.keys() == after.keys()
    return {k for k in before if before[k] != after[k]}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _keys(_load(tmp_path_factory.mktemp("base"), SOURCE))


def test_the_pass_runs_last_and_keys_every_step(base: dict[str, str]) -> None:
    assert KEYING[-1] is assign_step_keys
    assert {k.split("/")[1] for k in base} >= {"load", "double", "square", "total", "side", "report", "report_2", "inner"}
    assert len(set(base.values())) == len(base)  # no two steps here read the same things


def test_layout_comments_and_docstrings_change_no_step_key(tmp_path: Path, base: dict[str, str]) -> None:
    noisy = SOURCE.replace("    return list(range(n))\n", '    """Numbers."""\n    # below n\n    return list(range( n ))\n')
    assert noisy != SOURCE
    assert _keys(_load(tmp_path, noisy)) == base


def test_an_upstream_edit_changes_exactly_the_steps_downstream(tmp_path: Path, base: dict[str, str]) -> None:
    edited = SOURCE.replace("return [x * 2 for x in xs]", "return [x + x for x in xs]")
    changed = _changed(base, _keys(_load(tmp_path, edited)))
    # double and everything reading it, through the loop, the sub-pipeline call and both arms
    assert changed == {"keyed/double", "keyed/square", "keyed/total", "keyed/inner", "keyed/report", "keyed/report_2"}
    assert "keyed/load" not in changed and "keyed/side" not in changed
    assert "inner/total" not in changed  # inside the callee, keyed by parameter name: the call's key carries it


def test_a_leaf_edit_changes_only_its_own_step_and_its_readers(tmp_path: Path, base: dict[str, str]) -> None:
    edited = SOURCE.replace("return tag.upper()", "return tag.lower()")
    assert _changed(base, _keys(_load(tmp_path, edited))) == {"keyed/side", "keyed/report", "keyed/report_2"}


def test_a_constant_argument_counts(tmp_path: Path, base: dict[str, str]) -> None:
    edited = SOURCE.replace('tag: str = "x"', 'tag: str = "y"')  # a parameter default: read by name, not value
    assert _changed(base, _keys(_load(tmp_path, edited))) == set()
    edited = SOURCE.replace("note = side(tag=tag)", 'note = side(tag="z")')
    assert _changed(base, _keys(_load(tmp_path, edited))) == {"keyed/side", "keyed/report", "keyed/report_2"}


def test_an_edit_in_a_sub_pipeline_reaches_its_callers(tmp_path: Path, base: dict[str, str]) -> None:
    edited = SOURCE.replace("    return total(xs=xs)\n", "    return total(xs=double(xs=xs))\n")
    after = _keys(_load(tmp_path, edited))
    common = after.keys() & base.keys()
    changed = _changed({k: base[k] for k in common}, {k: after[k] for k in common})
    assert changed == {"inner/total", "keyed/inner", "keyed/report_2"}  # report (the other arm) reads no `sub`


def test_a_step_in_a_sub_pipeline_is_keyed_by_its_call() -> None:
    assert in_context(None, "k") == "k"
    assert in_context("call-1", "k") != in_context("call-2", "k") != "k"
    assert in_context("call-1", "k") == in_context("call-1", "k")


def test_every_node_kind_with_a_body_gets_into_the_keys(tmp_path: Path) -> None:
    program = _load(tmp_path, SOURCE)
    kinds = {type(n) for p in program.pipelines for n in iter_nodes(p.body)}
    assert {LoopNode, ConditionNode, PipelineNode, TaskNode} <= kinds


def test_the_pass_alone_computes_missing_task_keys(tmp_path: Path) -> None:
    unkeyed = _unkeyed(tmp_path)
    assert all(t.cache_key is None for t in unkeyed.tasks)
    assert _keys(assign_step_keys(unkeyed)) == _keys(prepare(unkeyed, optimize=False))


def test_fused_programs_are_keyed_too(tmp_path: Path) -> None:
    path = tmp_path / "keyed.py"
    path.write_text(SOURCE)
    fused = api.load([path], root=tmp_path).program
    _keys(fused)  # every task node and call has a key
    assert any(n.label for p in fused.pipelines for n in iter_nodes(p.body) if isinstance(n, TaskNode))


# ------------------------------------------------------------- processes, seeds, versions

_PRINT_KEYS = """
import json, pickle, sys
from flowc.ir.passes import prepare
from flowc.ir.model import PipelineNode, TaskNode, iter_nodes
program = prepare(pickle.loads(sys.stdin.buffer.read()), optimize=sys.argv[1] == "1")
keys = {p.name + "/" + n.id: n.cache_key for p in program.pipelines for n in iter_nodes(p.body)
        if isinstance(n, (TaskNode, PipelineNode))}
keys.update({"task/" + t.name: t.cache_key for t in program.tasks})
print(json.dumps(keys, sort_keys=True))
"""


def _keys_in_process(python: str, program: Program, seed: str, optimize: bool = True) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
    argv = [python, "-c", _PRINT_KEYS, "1" if optimize else "0"]
    done = subprocess.run(argv, input=pickle.dumps(program), capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def unkeyed(tmp_path_factory: pytest.TempPathFactory) -> Program:
    return _unkeyed(tmp_path_factory.mktemp("unkeyed"))


@pytest.mark.parametrize("optimize", [False, True])
def test_keys_are_the_same_across_processes_and_hash_seeds(unkeyed: Program, optimize: bool) -> None:
    first = _keys_in_process(sys.executable, unkeyed, "1", optimize)
    assert first == _keys_in_process(sys.executable, unkeyed, "4242", optimize)
    here = _keys(prepare(unkeyed, optimize=optimize))
    assert {k: first[k] for k in here} == here


def _interpreter(version: str) -> str | None:
    found = shutil.which(f"python{version}")
    candidates = [found] if found else []
    candidates += sorted(str(p) for p in Path("/root/.pyenv/versions").glob(f"{version}.*/bin/python{version}"))
    for candidate in candidates:
        probe = subprocess.run([candidate, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True)
        if probe.returncode == 0 and probe.stdout.strip() == str(tuple(int(x) for x in version.split("."))):
            return candidate
    return None


@pytest.mark.parametrize("version", ["3.12", "3.13"])
def test_keys_are_the_same_on_every_supported_python(version: str, unkeyed: Program) -> None:
    """The IR and its passes import without pydantic or libcst, so another interpreter can key a pickled program."""
    python = _interpreter(version)
    if python is None:
        pytest.skip(f"no python{version} here")
    assert _keys_in_process(python, unkeyed, "7") == _keys_in_process(sys.executable, unkeyed, "7")
