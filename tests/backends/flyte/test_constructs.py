"""Constructs beyond the examples, run by flytekit: multi-task loop bodies, branch values, nesting, files."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from flowc import api
from flowc.ir.model import Program
from tests.backends.flyte.local_run import compile_pipeline, counting, flyte_sandbox, import_generated, run_workflow

PROGRAMS = Path(__file__).parent / "programs"

RUNS: list[tuple[str, dict[str, Any], dict[str, Any], dict[str, int]]] = [
    ("chains", {}, {"output": [100, 101, 104]}, {"square": 4, "add": 3, "make": 1}),
    ("chains", {"n": 0}, {"output": []}, {"square": 1, "add": 0}),
    ("branchy", {}, {"output_0": "small-9", "output_1": 9}, {"square": 2, "label": 1, "add": 0}),
    ("branchy", {"x": 9}, {"output_0": "big-81", "output_1": 82}, {"square": 1, "label": 1, "add": 1}),
    ("branchy", {"x": 5}, {"output_0": "small-5", "output_1": 5}, {"square": 0, "label": 1, "add": 1}),
    ("looped_branches", {}, {"output": [2, 3, 4, 5]}, {"note": 3, "is_even": 4, "square": 10, "make": 4}),
    ("files", {}, {"label": "line", "size": 38}, {"count_bytes": 3, "shout": 1, "write": 3}),
    ("uses_files", {"text": "xyz"}, {"output": 38}, {"write": 3, "measure": 1}),
    ("mixed", {}, {"output": "big-3"}, {"square": 0, "label": 1}),
    ("mixed", {"x": 2}, {"output": "small-4"}, {"square": 1, "label": 1}),
]


@pytest.fixture(scope="module")
def program() -> Program:
    loaded = api.load([PROGRAMS / "constructs.py"], root=PROGRAMS)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


@pytest.fixture(scope="module")
def compiled(program: Program, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("constructs")
    compile_pipeline(program, folder)
    return folder


@pytest.mark.engine
@pytest.mark.parametrize(("pipeline", "args", "want", "ran_want"), RUNS, ids=[f"{r[0]}-{i}" for i, r in enumerate(RUNS)])
def test_runs_under_flytekit(pipeline: str, args: dict[str, Any], want: dict[str, Any], ran_want: dict[str, int],
                             program: Program, compiled: Path, tmp_path: Path) -> None:
    with flyte_sandbox(tmp_path):
        module = import_generated(compiled, f"{pipeline}_flyte")
        with counting(module, program) as ran:
            out = run_workflow(module, pipeline, args)
    assert out == want
    assert {k: ran[k] for k in ran_want} == ran_want, ran


def test_loop_shapes(compiled: Path, tmp_path: Path) -> None:
    """One-task bodies are ArrayNodes; other bodies are dynamics calling a body sub-workflow."""
    as_written = api.load([PROGRAMS / "constructs.py"], root=PROGRAMS, optimize=False).program
    compile_pipeline(as_written, tmp_path)
    chains = (tmp_path / "chains_flyte.py").read_text()
    assert "@dynamic\ndef chains_loop_1(" in chains and "@workflow\ndef chains_loop_1_body(" in chains
    fused = (compiled / "chains_flyte.py").read_text()  # optimized, the body's chain is one task: mapped
    assert "loop_1_out = map_task(partial(square_add, b=square_out))(x=make_out)" in fused
    looped = (compiled / "looped_branches_flyte.py").read_text()
    assert "map_task(partial(add, b=1))(a=xs)" in looped
    assert "loop_4_out = map_task(square)(x=make_out)" in looped
    files = (tmp_path / "files_flyte.py").read_text()
    assert "results.append(count_bytes(data=d))" in files  # a container task is not mapped


def test_condition_text(compiled: Path) -> None:
    branchy = (compiled / "branchy_flyte.py").read_text()
    assert ".elif_(x == limit)" in branchy  # `not x != limit`, pushed down
    looped = (compiled / "looped_branches_flyte.py").read_text()
    assert ".if_(is_even_out == True)" in looped  # `if is_even(...)`: a bool, made explicit by the IR
    assert ".else_().then(_flowc_skip())" in looped


def test_multiline_string_in_task_code_is_kept(compiled: Path) -> None:
    """Task code travels as a literal (never re-indented): the string's lines arrive as written."""
    tree = ast.parse((compiled / "files_flyte.py").read_text())
    texts = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert any('BANNER = """line one\n  indented "quoted" line\nend"""' in t for t in texts)


@pytest.mark.engine
def test_every_construct_serializes_with_pyflyte_package(program: Program) -> None:
    from flowc.backends.flyte.backend import FlyteBackend
    from tests.backends.flyte.test_package import decode

    result = FlyteBackend().emit(program, {"package": True})
    assert not result.diagnostics, result.diagnostics
    bundles = {rel: decode(data) for rel, data in result.files.items() if rel.endswith(".tgz")}
    assert sorted(bundles) == sorted(f"{p.name}.tgz" for p in program.pipelines)
    mixed = bundles["mixed.tgz"].workflows["mixed_flyte.mixed"]
    branch = next(n.branch_node for n in mixed.template.nodes if n.WhichOneof("target") == "branch_node")
    assert branch.if_else.case.then_node.WhichOneof("target") == "task_node"
    assert branch.if_else.else_node.WhichOneof("target") == "task_node"  # its two steps are fused into one
    as_written = api.load([PROGRAMS / "constructs.py"], root=PROGRAMS, optimize=False).program
    bundle = decode(FlyteBackend().emit(as_written, {"package": True}).files["mixed.tgz"])
    mixed = bundle.workflows["mixed_flyte.mixed"]
    branch = next(n.branch_node for n in mixed.template.nodes if n.WhichOneof("target") == "branch_node")
    assert branch.if_else.else_node.WhichOneof("target") == "workflow_node"  # an arm of two steps
