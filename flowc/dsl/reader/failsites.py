"""Where a pipeline body raises, and the values the code around a raise reads from it.

A block that ends in `raise` never finishes, so the values its surroundings expect
from it (an `if`'s outputs, a pipeline's results) are declared by the failing step
(`flowc.ir.failure`) and never produced. A `Provider` hands out such a value: a
`FailSite` (one raise, its step declaring the value as an output), or a `RaisingIf`
(an `if` every arm of which raises: the condition declares the value as an output
whose source in each arm is that arm's provider).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Protocol

from flowc.ir.model import SINGLE_OUTPUT, Binding, BranchOutput, ConditionNode, Node, OutputBinding
from flowc.ir.names import fresh_name
from flowc.ir.span import Span
from flowc.ir.types import Type


class Provider(Protocol):
    def provide(self, name: str, type: Type) -> Binding:
        """A binding for the value `name` (of `type`) that the raising block never produces."""
        ...


@dataclass
class FailSite:
    """One `raise`: its step, its generated task (named in its module), and what it must declare."""

    node: str
    task: str
    exception: str
    message: str
    span: Span | None
    provides: dict[str, tuple[str, Type]] = field(default_factory=lambda: {})

    def provide(self, name: str, type: Type) -> Binding:
        if name not in self.provides:
            self.provides[name] = (output_name(name, {f for f, _ in self.provides.values()}), type)
        return OutputBinding(node=self.node, field=self.provides[name][0], span=self.span)

    @property
    def outputs(self) -> tuple[tuple[str, Type], ...]:
        return tuple(self.provides.values())


@dataclass
class RaisingIf:
    """An `if` whose every arm raises: it yields a value as an output fed by each arm's provider.

    The condition node already sits in its body (`out[index]`); asking for a value
    replaces it with one declaring that output too.
    """

    out: list[Node]
    index: int
    arms: tuple[Provider, ...]
    bodies: tuple[list[Node], ...]  # each arm's body, which its provider may change

    names: dict[str, str] = field(default_factory=lambda: {})

    def provide(self, name: str, type: Type) -> Binding:
        node = self.out[self.index]
        assert isinstance(node, ConditionNode)
        if name not in self.names:
            self.names[name] = output_name(name, set(self.names.values()))
            sources = tuple(arm.provide(name, type) for arm in self.arms)
            output = BranchOutput(name=self.names[name], type=type, sources=sources)
            branches = tuple(dataclasses.replace(b, body=tuple(body)) for b, body in zip(node.branches, self.bodies))
            self.out[self.index] = dataclasses.replace(node, branches=branches, outputs=(*node.outputs, output))
        return OutputBinding(node=node.id, field=self.names[name])


def output_name(name: str, taken: set[str]) -> str:
    """A name for value `name` among outputs: a NamedTuple field cannot start with `_`, and
    `output` is how a single result is named (`SINGLE_OUTPUT`)."""
    base = name if name[:1].isalpha() and name != SINGLE_OUTPUT else f"value_{name.lstrip('_')}"
    return fresh_name(base, taken)
