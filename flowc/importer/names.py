"""What the names of a module mean, from its top-level imports alone (nothing is imported).

>>> import libcst as cst
>>> names = ImportedNames(cst.parse_module("from kfp import dsl\\nimport kfp.dsl as d2\\n"))
>>> names.qualified(cst.parse_expression("dsl.component")), names.qualified(cst.parse_expression("d2.If"))
('kfp.dsl.component', 'kfp.dsl.If')
"""

from __future__ import annotations

from collections.abc import Mapping

import libcst as cst


def dotted(expr: cst.BaseExpression) -> str | None:
    """`a.b.c` for a chain of names and attributes, else None."""
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute):
        head = dotted(expr.value)
        return f"{head}.{expr.attr.value}" if head is not None else None
    return None


class ImportedNames:
    """Local names bound by top-level imports -> the qualified names they stand for."""

    def __init__(self, module: cst.Module, aliases: Mapping[str, str] | None = None) -> None:
        self._aliases = dict(aliases or {})
        self.bound: dict[str, str] = {}
        for stmt in module.body:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.Import | cst.ImportFrom):
                        self.bound.update(bindings(small))

    def qualified(self, expr: cst.BaseExpression) -> str | None:
        """The qualified name `expr` refers to, when its head is an imported name."""
        path = dotted(expr)
        if path is None:
            return None
        head, _, rest = path.partition(".")
        if head not in self.bound:
            return None
        full = self.bound[head] + ("." + rest if rest else "")
        for old, new in self._aliases.items():
            if full == old or full.startswith(old + "."):
                return new + full[len(old):]
        return full

    def of_root(self, expr: cst.BaseExpression, root: str) -> str | None:
        """The qualified name of `expr` when it lies under package `root` (`kfp`), else None."""
        full = self.qualified(expr)
        return full if full is not None and (full == root or full.startswith(root + ".")) else None


def bindings(stmt: cst.Import | cst.ImportFrom) -> dict[str, str]:
    """The names one import statement binds, and what they mean."""
    out: dict[str, str] = {}
    if isinstance(stmt, cst.Import):
        for alias in stmt.names:
            full = dotted(alias.name) or ""
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                out[alias.asname.name.value] = full
            else:
                head = full.split(".")[0]
                out[head] = head
        return out
    if stmt.relative or stmt.module is None or isinstance(stmt.names, cst.ImportStar):
        return out
    module = dotted(stmt.module) or ""
    for alias in stmt.names:
        name = dotted(alias.name) or ""
        local = alias.asname.name.value if alias.asname is not None and isinstance(alias.asname.name, cst.Name) else name
        out[local] = f"{module}.{name}"
    return out


def imported_roots(module: cst.Module) -> set[str]:
    """The top-level packages a module imports (`kfp`, `airflow`, `flytekit`, ...)."""
    roots: set[str] = set()
    for node in _imports(module):
        if isinstance(node, cst.Import):
            roots.update((dotted(a.name) or "").split(".")[0] for a in node.names)
        elif not node.relative and node.module is not None:
            roots.add((dotted(node.module) or "").split(".")[0])
    return roots


def _imports(module: cst.Module) -> list[cst.Import | cst.ImportFrom]:
    found: list[cst.Import | cst.ImportFrom] = []

    class _Collect(cst.CSTVisitor):
        def visit_Import(self, node: cst.Import) -> None:
            found.append(node)

        def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
            found.append(node)

    module.visit(_Collect())
    return found
