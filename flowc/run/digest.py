"""`inputs_digest`: what a step's input values are, for the step cache (with its Merkle `step_key`).

The step key (`flowc.ir.passes.step_keys`) says what code a step runs and where its
inputs come from; this digest says what they were in this run. The rule is THE one of
`flowc/codegen/runtime/input_digest.py`, shared with Airflow's result cache: values typed
as the task declares them (13 and 13.0 agree for a float), artifacts by content and
metadata (never by path: each run writes its own files), canonical JSON, SHA-256.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "a.csv").write_text("x\\n1\\n") and (folder / "b.csv").write_text("x\\n1\\n")
4
>>> specs = {"data": ["artifact", "Dataset"], "rate": ["float"]}
>>> inputs_digest({"data": folder / "a.csv", "rate": 1}, specs) == inputs_digest({"data": str(folder / "b.csv"), "rate": 1.0}, specs)
True
>>> inputs_digest({"data": folder / "a.csv", "rate": 2}, specs) == inputs_digest({"data": folder / "a.csv", "rate": 1}, specs)
False
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from flowc.codegen.runtime import input_digest as _rule
from flowc.codegen.typespec import type_spec
from flowc.ir.model import ContainerTask, PythonTask

DIGEST_VERSION = "flowc-inputs-1"
TypeSpec = list[Any]  # a `flowc.codegen.typespec.type_spec`


def inputs_digest(inputs: Mapping[str, object], specs: Mapping[str, TypeSpec]) -> str:
    """The hex SHA-256 of a step's input values; `specs` are their declared types as `type_spec`s.

    An artifact value is a path (`Path` or `str`) or a dict with `path` and `metadata`. An
    input without a spec counts as its JSON value (`repr` for anything else).
    """
    canonical = canonical_inputs(inputs, specs)
    text = json.dumps([DIGEST_VERSION, canonical], sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def task_inputs_digest(task: PythonTask | ContainerTask, inputs: Mapping[str, object]) -> str:
    """`inputs_digest` with the specs of `task`'s parameters."""
    return inputs_digest(inputs, {p.name: type_spec(p.type) for p in task.params})


def canonical_inputs(inputs: Mapping[str, object], specs: Mapping[str, TypeSpec]) -> dict[str, object]:
    """`{name: value as the digest sees it}` (see the module doc)."""
    pairs = [[name, spec] for name, spec in specs.items()]
    rule = cast("Callable[[Sequence[Sequence[object]], dict[str, object]], dict[str, object]]", _rule._flowc_canonical_inputs)  # pyright: ignore[reportPrivateUsage, reportUnknownMemberType]
    return rule(pairs, dict(inputs))


def content_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes, or of a folder's files and their relative names."""
    rule = cast("Callable[[str], str]", _rule._flowc_content_hash)  # pyright: ignore[reportPrivateUsage, reportUnknownMemberType]
    return rule(str(path))
