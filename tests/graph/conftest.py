"""Fixtures for the pictures: the real Mermaid parser (installed with npm once per machine)
and a program whose every user string tries to break out of a label."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flowc.ir.model import (
    Branch,
    Compare,
    ConditionNode,
    ConstBinding,
    Input,
    LoopItemBinding,
    LoopNode,
    OutputBinding,
    Parameter,
    ParamBinding,
    Pipeline,
    PipelineNode,
    PipelineResult,
    Program,
    PythonTask,
    TaskCode,
    TaskNode,
)
from flowc.ir.types import STR, ListType

PARSER_DIR = Path(__file__).parent / "mermaid_parser"
PARSER_FILES = ("package.json", "package-lock.json", "check.mjs")

MermaidParser = Callable[[list[str]], list[dict[str, Any]]]

# Each string tries another way out of a label: quotes and brackets ending it, an arrow
# adding an edge, a line break starting a statement, `end`/`}` closing a group, HTML
# and entities, Markdown backticks, DOT's `\N` escapes, non-ASCII and invisible characters.
HOSTILE = (
    'q"] --> n1["x',
    "line\nend\nsubgraph z\r\n%% c",
    "<b>&amp;#quot;</b> | `md` }; digraph {",
    "back\\slash \\N \\G \\n",
    "zürich ✓ 東京 \u200b\u2028 \x07 tab\t",
)


def _task(name: str, members: tuple[str, ...] = ()) -> PythonTask:
    return PythonTask(
        name=name, params=(Parameter(name="v", type=STR),), returns=STR, members=members,
        code=TaskCode(function_name="f", function="def f(v: str) -> str:\n    return v\n"),
    )


@pytest.fixture(scope="session")
def hostile_program() -> Program:
    """A pipeline with a hostile string in every label: task and pipeline names (a sub-pipeline's too),
    a parameter, a loop's items, a condition's literals, a fused step's members."""
    loop = LoopNode(
        id="loop_1", var="x", items=ConstBinding(value=list(HOSTILE)), item_type=STR,
        body=(TaskNode(id="inner", task=HOSTILE[0], inputs=(Input(name="v", binding=LoopItemBinding(loop="loop_1")),)),),
        result=OutputBinding(node="inner"), result_type=ListType(item=STR),
    )
    fused = TaskNode(id="fused", task="+".join(HOSTILE[:2]), label="+".join(HOSTILE[:2]), inputs=(Input(name="v", binding=ParamBinding(name=HOSTILE[1])),))
    arms = tuple(
        Branch(
            condition=Compare(op="==", left=ParamBinding(name=HOSTILE[1]), right=ConstBinding(value=text)),
            body=(TaskNode(id=f"arm_{i}", task=text, inputs=(Input(name="v", binding=OutputBinding(node="fused")),), after=("loop_1",)),),
        )
        for i, text in enumerate(HOSTILE)
    )
    condition = ConditionNode(id="cond_1", branches=(*arms, Branch(condition=None, body=())))
    sub = Pipeline(
        name=HOSTILE[3], params=(Parameter(name="v", type=STR),), returns=STR, entry=False, body=(),
        results=(PipelineResult(name="output", type=STR, binding=ParamBinding(name="v")),),
    )
    call = PipelineNode(id="call", pipeline=HOSTILE[3], inputs=(Input(name="v", binding=OutputBinding(node="fused")),), after=("cond_1",))
    pipeline = Pipeline(
        name=HOSTILE[2], params=(Parameter(name=HOSTILE[1], type=STR),), returns=STR,
        results=(PipelineResult(name="output", type=STR, binding=OutputBinding(node="call")),),
        body=(loop, fused, condition, call),
    )
    tasks = (*(_task(t) for t in HOSTILE), _task("+".join(HOSTILE[:2]), members=HOSTILE[:2]))
    return Program(tasks=tasks, pipelines=(pipeline, sub))


def _cache_dir() -> Path:
    digest = hashlib.sha256(b"".join((PARSER_DIR / f).read_bytes() for f in PARSER_FILES)).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "flowc-tests" / f"mermaid-parser-{digest}"


def _install(target: Path) -> None:
    """`npm ci` of the pinned Mermaid and jsdom into `target` (once; concurrent runs race safely)."""
    if (target / "node_modules" / "mermaid").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("node is installed but npm is not: cannot install the Mermaid parser")
    staging = target.with_name(f"{target.name}.{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name in PARSER_FILES:
        shutil.copy2(PARSER_DIR / name, staging / name)
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=staging, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        pytest.fail(f"npm ci of the Mermaid parser failed:\n{done.stdout}\n{done.stderr}")
    try:
        staging.rename(target)
    except OSError:  # another worker finished first
        shutil.rmtree(staging, ignore_errors=True)


@pytest.fixture(scope="session")
def mermaid_parser() -> MermaidParser:
    """Parse diagrams with Mermaid's own parser (`mermaid_parser/check.mjs`); skipped only without node."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the real Mermaid parser cannot run (the structural test still does)")
    target = _cache_dir()
    _install(target)

    def parse(texts: list[str]) -> list[dict[str, Any]]:
        done = subprocess.run([node, str(target / "check.mjs")], input=json.dumps(texts), capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        results: list[dict[str, Any]] = json.loads(done.stdout)
        return results

    return parse
