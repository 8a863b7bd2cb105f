"""A mypy plugin: a `@container_task`'s `...` body is a declaration, not code mypy should check.

    [tool.mypy]
    plugins = ["flowc.mypy_plugin"]

A container task's body is never run: flowc runs the declared `command` in the declared
`image` instead, and the function exists only for its signature (DESIGN.md: the body is
`...`). mypy reports an empty body on any function whose return type does not admit None
(`[empty-body]`), however it is decorated, and has no hook for function decorators; pyright
accepts such bodies. This plugin marks the definitions of container tasks with an empty
body (`...`, a docstring, `pass`, `raise NotImplementedError`) as mypy marks functions
defined under `if TYPE_CHECKING:`, which it knows never run and does not ask for a body.
Nothing else about them changes: their signatures, and the wiring of every call to them,
are checked as before.

It runs when mypy has parsed a file (`get_additional_deps`, the one hook called before the
definitions are analyzed) and recognizes the decorator however flowc is imported
(`from flowc import container_task [as x]`, `import flowc [as fc]`, `flowc.dsl.language`).
"""

from __future__ import annotations

from mypy.nodes import (
    Block, CallExpr, Decorator, Expression, IfStmt, Import, ImportFrom, MemberExpr, MypyFile, NameExpr, Statement, TryStmt,
    WithStmt,
)
from mypy.plugin import Plugin
from mypy.semanal import is_trivial_body

__all__ = ["FlowcPlugin", "plugin"]

DECORATOR = "container_task"
MODULES = frozenset({"flowc", "flowc.dsl", "flowc.dsl.language"})  # where `container_task` may be imported from


class FlowcPlugin(Plugin):
    """Marks container tasks' empty bodies as never run (see the module docstring)."""

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        names = _local_names(file)
        if names:
            _mark(file.defs, names)
        return []


def _local_names(file: MypyFile) -> dict[str, str]:
    """Each name the file binds to flowc's decorator or to a module holding it -> what it means."""
    names: dict[str, str] = {}
    for node in file.imports:
        if isinstance(node, ImportFrom) and node.relative == 0 and node.id in MODULES:
            names.update({alias or name: f"{node.id}.{name}" for name, alias in node.names if name == DECORATOR})
        elif isinstance(node, Import):
            for module, alias in node.ids:
                if module.split(".")[0] == "flowc":
                    names[alias or "flowc"] = module if alias else "flowc"
    return names


def _dotted(expr: Expression) -> str | None:
    """`a.b.c` of a name or attribute expression, else None."""
    if isinstance(expr, NameExpr):
        return expr.name
    if isinstance(expr, MemberExpr):
        base = _dotted(expr.expr)
        return None if base is None else f"{base}.{expr.name}"
    return None


def is_container_task(decorator: Expression, names: dict[str, str]) -> bool:
    """Whether a decorator (`@container_task(...)`, `@fc.container_task(...)`) is flowc's."""
    dotted = _dotted(decorator.callee if isinstance(decorator, CallExpr) else decorator)
    if dotted is None:
        return False
    first, _, rest = dotted.partition(".")
    if first not in names:
        return False
    full = names[first] + ("." + rest if rest else "")
    module, _, name = full.rpartition(".")
    return name == DECORATOR and module in MODULES


def _mark(statements: list[Statement], names: dict[str, str]) -> None:
    """Mark the container tasks with an empty body among `statements` and the blocks they hold."""
    for statement in statements:
        if isinstance(statement, Decorator):
            if is_trivial_body(statement.func.body) and any(is_container_task(d, names) for d in statement.decorators):
                statement.func.is_mypy_only = True  # as under `if TYPE_CHECKING:`: never run, no body required
        elif isinstance(statement, Block):
            _mark(statement.body, names)
        elif isinstance(statement, IfStmt | TryStmt | WithStmt):
            for block in _blocks(statement):
                _mark(block.body, names)


def _blocks(statement: IfStmt | TryStmt | WithStmt) -> list[Block]:
    if isinstance(statement, IfStmt):
        return [*statement.body, *([statement.else_body] if statement.else_body else [])]
    if isinstance(statement, TryStmt):
        return [statement.body, *statement.handlers, *(b for b in (statement.else_body, statement.finally_body) if b)]
    return [statement.body]


def plugin(version: str) -> type[Plugin]:
    """mypy's entry point: the plugin class (any mypy version with `get_additional_deps`)."""
    del version
    return FlowcPlugin

