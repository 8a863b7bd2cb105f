"""Helpers for reader tests: write sources to a temp dir and read them."""

from __future__ import annotations

import textwrap
from pathlib import Path

from flowc.dsl.reader import ReadResult, read_paths
from flowc.ir.model import ConditionNode, LoopNode, Node, Pipeline, iter_nodes


def write(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"))
    return tmp_path


def read_source(tmp_path: Path, text: str, name: str = "flow.py") -> ReadResult:
    """Read one source file written to `tmp_path/name`."""
    write(tmp_path, {name: text})
    return read_paths([tmp_path / name])


def read_ok(tmp_path: Path, text: str, name: str = "flow.py") -> ReadResult:
    result = read_source(tmp_path, text, name)
    errors = [str(d.span) + " " + d.code + " " + d.message for d in result.diagnostics if d.is_error]
    assert not errors, errors
    return result


def codes_of(result: ReadResult) -> list[str]:
    return [d.code for d in result.diagnostics if d.is_error]


def node(pipeline: Pipeline, node_id: str) -> Node:
    return next(n for n in iter_nodes(pipeline.body) if n.id == node_id)


def loop(pipeline: Pipeline, node_id: str) -> LoopNode:
    found = node(pipeline, node_id)
    assert isinstance(found, LoopNode)
    return found


def condition(pipeline: Pipeline, node_id: str) -> ConditionNode:
    found = node(pipeline, node_id)
    assert isinstance(found, ConditionNode)
    return found


HEADER = '''
from typing import NamedTuple

from flowc import Dataset, Model, after, pipeline, task


class Split(NamedTuple):
    train: Dataset
    test: Dataset


@task
def load(uri: str, limit: int = 10) -> Dataset: ...


@task
def split(data: Dataset, ratio: float = 0.8) -> Split: ...


@task
def train(data: Dataset, lr: float) -> Model: ...


@task
def pick(models: list[Model]) -> Model: ...


@task
def score(model: Model) -> float: ...


@task
def names() -> list[str]: ...


@task
def note(text: str) -> None: ...


@task
def count(items: list[int]) -> int: ...
'''


def with_header(body: str) -> str:
    """The shared tasks, then `body` (a pipeline, dedented)."""
    return textwrap.dedent(HEADER).lstrip("\n") + "\n\n" + textwrap.dedent(body).lstrip("\n")
