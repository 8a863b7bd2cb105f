"""What names mean inside a pipeline body: values, their scopes, and node ids."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from flowc.ir.model import Binding, Node
from flowc.ir.types import Type


@dataclass(frozen=True)
class Value:
    """What an expression in a pipeline evaluates to.

    `binding` is None when the value cannot be passed on whole (a step returning
    None, several outputs); `handle` is the node id `after(...)` may order on;
    `node` is the step whose fields attribute access and unpacking reach.
    """

    type: Type
    binding: Binding | None
    label: str
    handle: str | None = None
    node: str | None = None


class Marker(enum.Enum):
    """A name that exists but may not be used here."""

    LOOP_LOCAL = "assigned inside a for loop"
    SOME_BRANCHES = "assigned in only some branches"
    FAILED = "its definition had an error (already reported)"


@dataclass
class Scope:
    """Names of one block; `for` bodies (with their `loop_var`) and `if` arms get their own."""

    parent: Scope | None = None
    names: dict[str, Value | Marker] = field(default_factory=lambda: {})
    loop_var: str | None = None

    def lookup(self, name: str) -> Value | Marker | None:
        scope: Scope | None = self
        while scope is not None:
            found = scope.names.get(name)
            if found is not None:
                return found
            scope = scope.parent
        return None

    def assign(self, name: str, value: Value | Marker) -> None:
        self.names[name] = value

    def child(self, loop_var: str | None = None) -> Scope:
        return Scope(parent=self, loop_var=loop_var)

    def bound_outside_loop(self, name: str) -> bool:
        """Whether `name` has a value from outside the innermost enclosing loop body (other
        than as the loop variable): assigning it in the body would rebind that value."""
        scope: Scope | None = self
        while scope is not None and scope.loop_var is None:
            scope = scope.parent
        if scope is None or scope.parent is None or name == scope.loop_var:
            return False
        return isinstance(scope.parent.lookup(name), Value)


@dataclass
class NodeIds:
    """Deterministic, unique node ids: `train`, `train_2`, ...; `loop_1`, `cond_1`, ..."""

    used: set[str] = field(default_factory=lambda: set())
    counts: dict[str, int] = field(default_factory=lambda: {})

    def step(self, base: str) -> str:
        n = self.counts.get(base, 0)
        while True:
            n += 1
            candidate = base if n == 1 else f"{base}_{n}"
            if candidate not in self.used:
                self.counts[base] = n
                self.used.add(candidate)
                return candidate

    def numbered(self, prefix: str) -> str:
        n = self.counts.get(prefix + "#", 0)
        while True:
            n += 1
            candidate = f"{prefix}_{n}"
            if candidate not in self.used:
                self.counts[prefix + "#"] = n
                self.used.add(candidate)
                return candidate


Body = list[Node]
