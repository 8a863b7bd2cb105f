"""State shared while reading one pipeline body."""

from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field

import libcst as cst

from flowc.dsl.reader.context import Diagnostics
from flowc.dsl.reader.failsites import FailSite
from flowc.dsl.reader.literals import ConstantLookup
from flowc.dsl.reader.project import ModuleInfo, Project
from flowc.dsl.reader.scope import NodeIds
from flowc.dsl.reader.signatures import Signature
from flowc.ir.model import Binding
from flowc.ir.span import Span


@dataclass(frozen=True)
class SubCall:
    """A call of a sub-pipeline, remembered for the recursion check."""

    callee: Signature
    span: Span | None


@dataclass
class BodyContext:
    """The pipeline being read, where its nodes' ids come from, and the `after` handles in force."""

    project: Project
    info: ModuleInfo
    pipeline: Signature
    report: Diagnostics
    constants: ConstantLookup
    ids: NodeIds = field(default_factory=NodeIds)
    after: tuple[str, ...] = ()
    loop_depth: int = 0
    cleanup: str | None = None  # the `try` block whose `finally` block is being read
    fallback: Span | None = None
    calls: list[SubCall] = field(default_factory=lambda: [])
    fails: list[FailSite] = field(default_factory=lambda: [])  # each `raise` read, in source order

    def span(self, node: cst.CSTNode) -> Span | None:
        return self.info.syms.source.positions.span(node) or self.fallback

    def code(self, node: cst.CSTNode) -> str:
        text = self.info.syms.source.module.code_for_node(node).strip()
        return text if len(text) <= 60 else text[:57] + "..."


def with_span(binding: Binding, span: Span | None) -> Binding:
    """The same binding, located where it is used."""
    return dataclasses.replace(binding, span=span)
