"""Source positions for libcst nodes, taken from Python's `ast` (which never runs code).

libcst nodes carry no positions and its `PositionProvider` costs more than the parse
itself, so the reader pairs each libcst node it needs a span for with the `ast` node
that covers the same source (both trees mirror the grammar) and reads the position
from there. Only the parts of a file that need spans are paired: decorators,
signatures and pipeline bodies.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from typing import Any

import libcst as cst

from flowc.ir.span import Span

AstNode = ast.AST


class Positions:
    """Spans for paired libcst nodes of one file (1-based lines and character columns)."""

    def __init__(self, path: str, lines: Sequence[str]) -> None:
        self.path = path
        self._lines = lines
        self._pairs: dict[int, AstNode] = {}

    def pair(self, node: cst.CSTNode, tree: AstNode) -> None:
        self._pairs[id(node)] = tree

    def span(self, node: cst.CSTNode) -> Span | None:
        tree = self._pairs.get(id(node))
        return self.of_ast(tree) if tree is not None else None

    def has(self, node: cst.CSTNode) -> bool:
        return id(node) in self._pairs

    def of_ast(self, tree: AstNode) -> Span | None:
        line: int | None = getattr(tree, "lineno", None)
        col: int | None = getattr(tree, "col_offset", None)
        if line is None or col is None:
            return None
        end_line: int = getattr(tree, "end_lineno", None) or line
        end_col: int = getattr(tree, "end_col_offset", None) or col
        return Span(
            path=self.path,
            line=line,
            col=self._column(line, col),
            end_line=end_line,
            end_col=self._column(end_line, end_col),
        )

    def at(self, line: int, col: int, length: int) -> Span:
        """A span of `length` characters at 1-based `line` and character column `col`."""
        return Span(path=self.path, line=line, col=col, end_line=line, end_col=col + length)

    def line_text(self, line: int) -> str:
        return self._lines[line - 1] if 0 < line <= len(self._lines) else ""

    def _column(self, line: int, byte_col: int) -> int:
        """`ast` counts UTF-8 bytes; editors count characters."""
        text = self.line_text(line)
        if text.isascii():
            return byte_col + 1
        return len(text.encode()[:byte_col].decode(errors="replace")) + 1

    # ------------------------------------------------------------------ pairing

    def pair_statements(self, block: Sequence[cst.CSTNode], trees: Sequence[ast.stmt], deep: bool) -> None:
        """Pair a flattened statement list with its `ast` statements (deeply for pipeline bodies)."""
        if len(block) != len(trees):
            return
        for node, tree in zip(block, trees):
            self.pair(node, tree)
            if deep:
                self._pair_statement(node, tree)

    def _pair_statement(self, node: cst.CSTNode, tree: ast.stmt) -> None:
        if isinstance(node, cst.Expr) and isinstance(tree, ast.Expr):
            self.pair_expr(node.value, tree.value)
        elif isinstance(node, cst.Assign) and isinstance(tree, ast.Assign):
            for target, t in zip(node.targets, tree.targets):
                self.pair_expr(target.target, t)
            self.pair_expr(node.value, tree.value)
        elif isinstance(node, (cst.Return, cst.AnnAssign, cst.AugAssign)) and isinstance(
            tree, (ast.Return, ast.AnnAssign, ast.AugAssign)
        ):
            if node.value is not None and getattr(tree, "value", None) is not None:
                self.pair_expr(node.value, tree.value)  # type: ignore[arg-type]
        elif isinstance(node, cst.If) and isinstance(tree, ast.If):
            self._pair_if(node, tree)
        elif isinstance(node, cst.Raise) and isinstance(tree, ast.Raise):
            if node.exc is not None and tree.exc is not None:
                self.pair_expr(node.exc, tree.exc)
            if node.cause is not None and tree.cause is not None:
                self.pair_expr(node.cause.item, tree.cause)
        elif isinstance(node, cst.For) and isinstance(tree, ast.For):
            self.pair_expr(node.target, tree.target)
            self.pair_expr(node.iter, tree.iter)
            self.pair_statements(statements(node.body), tree.body, True)
        elif isinstance(node, cst.With) and isinstance(tree, ast.With):
            for item, t in zip(node.items, tree.items):
                self.pair_expr(item.item, t.context_expr)
            self.pair_statements(statements(node.body), tree.body, True)
        elif isinstance(node, (cst.Try, cst.TryStar)) and isinstance(tree, (ast.Try, ast.TryStar)):
            self._pair_try(node, tree)

    def _pair_try(self, node: cst.Try | cst.TryStar, tree: ast.Try | ast.TryStar) -> None:
        self.pair_statements(statements(node.body), tree.body, True)
        for handler, t in zip(node.handlers, tree.handlers):
            self.pair(handler, t)
        if node.orelse is not None:
            self.pair_statements(statements(node.orelse.body), tree.orelse, True)
        if node.finalbody is not None:
            self.pair_statements(statements(node.finalbody.body), tree.finalbody, True)

    def _pair_if(self, node: cst.If, tree: ast.If) -> None:
        self.pair_expr(node.test, tree.test)
        self.pair_statements(statements(node.body), tree.body, True)
        if isinstance(node.orelse, cst.If) and len(tree.orelse) == 1 and isinstance(tree.orelse[0], ast.If):
            self.pair(node.orelse, tree.orelse[0])
            self._pair_if(node.orelse, tree.orelse[0])
        elif isinstance(node.orelse, cst.Else):
            self.pair_statements(statements(node.orelse.body), tree.orelse, True)

    def pair_expr(self, node: cst.CSTNode, tree: AstNode) -> None:
        """Pair an expression and, where both trees agree on its shape, its parts."""
        self._pairs[id(node)] = tree
        kind = type(node)
        if kind in _LEAVES:
            return
        if kind is cst.Annotation:
            self.pair_expr(node.annotation, tree)  # type: ignore[attr-defined]
            return
        found = _PAIRERS.get(kind)
        if found is not None and type(tree) in found[0]:
            found[1](self, node, tree)

    def _pair_attribute(self, node: cst.Attribute, tree: ast.Attribute) -> None:
        self.pair_expr(node.value, tree.value)

    def _pair_unary(self, node: cst.UnaryOperation, tree: ast.UnaryOp) -> None:
        self.pair_expr(node.expression, tree.operand)

    def _pair_binary(self, node: cst.BinaryOperation, tree: ast.BinOp) -> None:
        self.pair_expr(node.left, tree.left)
        self.pair_expr(node.right, tree.right)

    def _pair_bool(self, node: cst.BooleanOperation, tree: ast.BoolOp) -> None:
        self._pair_many(bool_operands(node), tree.values)

    def _pair_compare(self, node: cst.Comparison, tree: ast.Compare) -> None:
        self.pair_expr(node.left, tree.left)
        self._pair_many([c.comparator for c in node.comparisons], tree.comparators)

    def _pair_collection(self, node: cst.List | cst.Tuple | cst.Set, tree: ast.List | ast.Tuple | ast.Set) -> None:
        self._pair_elements(node.elements, tree.elts)

    def _pair_comprehension(
        self, node: cst.ListComp | cst.SetComp | cst.GeneratorExp, tree: ast.ListComp | ast.SetComp | ast.GeneratorExp
    ) -> None:
        self.pair_expr(node.elt, tree.elt)
        self._pair_comp(node.for_in, tree.generators)

    def _pair_many(self, nodes: Sequence[cst.CSTNode], trees: Sequence[AstNode]) -> None:
        if len(nodes) == len(trees):
            for node, tree in zip(nodes, trees):
                self.pair_expr(node, tree)

    def _pair_elements(self, elements: Sequence[cst.BaseElement], trees: Sequence[ast.expr]) -> None:
        if len(elements) != len(trees):
            return
        for element, tree in zip(elements, trees):
            self.pair(element, tree)
            if isinstance(element, cst.StarredElement) and isinstance(tree, ast.Starred):
                self.pair_expr(element.value, tree.value)
            else:
                self.pair_expr(element.value, tree)

    def _pair_dict(self, node: cst.Dict, tree: ast.Dict) -> None:
        if len(node.elements) != len(tree.values):
            return
        for element, key, value in zip(node.elements, tree.keys, tree.values):
            if isinstance(element, cst.DictElement) and key is not None:
                self.pair_expr(element.key, key)
            self.pair_expr(element.value, value)

    def _pair_comp(self, comp: cst.CompFor, generators: Sequence[ast.comprehension]) -> None:
        current: cst.CompFor | None = comp
        for gen in generators:
            if current is None:
                return
            self.pair_expr(current.target, gen.target)
            self.pair_expr(current.iter, gen.iter)
            self._pair_many([i.test for i in current.ifs], gen.ifs)
            current = current.inner_for_in

    def _pair_subscript(self, node: cst.Subscript, tree: ast.Subscript) -> None:
        self.pair_expr(node.value, tree.value)
        indexes = [e.slice.value for e in node.slice if isinstance(e.slice, cst.Index)]
        if len(indexes) != len(node.slice):
            return
        if len(indexes) == 1:
            self.pair_expr(indexes[0], tree.slice)
        elif isinstance(tree.slice, ast.Tuple):
            self._pair_many(indexes, tree.slice.elts)

    def _pair_call(self, node: cst.Call, tree: ast.Call) -> None:
        self.pair_expr(node.func, tree.func)
        positional = iter(tree.args)
        keywords = iter(tree.keywords)
        for arg in node.args:
            if arg.keyword is not None or arg.star == "**":
                kw = next(keywords, None)
                if kw is None:
                    return
                self.pair(arg, kw)
                self.pair_expr(arg.value, kw.value)
                continue
            pos = next(positional, None)
            if pos is None:
                return
            self.pair(arg, pos)
            value = pos.value if arg.star == "*" and isinstance(pos, ast.Starred) else pos
            self.pair_expr(arg.value, value)

    def pair_function(self, node: cst.FunctionDef, tree: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        """Pair a function's decorators, parameters, annotations and defaults."""
        self.pair(node, tree)
        self._pair_many([d.decorator for d in node.decorators], tree.decorator_list)
        if node.returns is not None and tree.returns is not None:
            self.pair_expr(node.returns.annotation, tree.returns)
        self._pair_params(node.params, tree.args)

    def _pair_params(self, params: cst.Parameters, args: ast.arguments) -> None:
        positional = [*params.posonly_params, *params.params]
        trees = [*args.posonlyargs, *args.args]
        defaults: list[ast.expr | None] = [None] * (len(trees) - len(args.defaults)) + list(args.defaults)
        pairs = list(zip(positional, trees, defaults)) if len(positional) == len(trees) else []
        if len(params.kwonly_params) == len(args.kwonlyargs):
            pairs += list(zip(params.kwonly_params, args.kwonlyargs, args.kw_defaults))
        for param, tree, default in pairs:
            self.pair(param, tree)
            if param.annotation is not None and tree.annotation is not None:
                self.pair_expr(param.annotation.annotation, tree.annotation)
            if param.default is not None and default is not None:
                self.pair_expr(param.default, default)
        for star, tree in ((params.star_arg, args.vararg), (params.star_kwarg, args.kwarg)):
            if isinstance(star, cst.Param) and tree is not None:
                self.pair(star, tree)


_LEAVES: frozenset[type[cst.CSTNode]] = frozenset(
    {cst.Name, cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString, cst.FormattedString, cst.Ellipsis}
)
_COLLECTIONS = (ast.List, ast.Tuple, ast.Set)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp)
_Pairer = Callable[[Positions, Any, Any], None]
_PAIRERS: dict[type[cst.CSTNode], tuple[tuple[type[ast.AST], ...], _Pairer]] = {
    cst.Attribute: ((ast.Attribute,), Positions._pair_attribute),  # pyright: ignore[reportPrivateUsage]
    cst.Call: ((ast.Call,), Positions._pair_call),  # pyright: ignore[reportPrivateUsage]
    cst.UnaryOperation: ((ast.UnaryOp,), Positions._pair_unary),  # pyright: ignore[reportPrivateUsage]
    cst.BinaryOperation: ((ast.BinOp,), Positions._pair_binary),  # pyright: ignore[reportPrivateUsage]
    cst.BooleanOperation: ((ast.BoolOp,), Positions._pair_bool),  # pyright: ignore[reportPrivateUsage]
    cst.Comparison: ((ast.Compare,), Positions._pair_compare),  # pyright: ignore[reportPrivateUsage]
    cst.List: (_COLLECTIONS, Positions._pair_collection),  # pyright: ignore[reportPrivateUsage]
    cst.Tuple: (_COLLECTIONS, Positions._pair_collection),  # pyright: ignore[reportPrivateUsage]
    cst.Set: (_COLLECTIONS, Positions._pair_collection),  # pyright: ignore[reportPrivateUsage]
    cst.Dict: ((ast.Dict,), Positions._pair_dict),  # pyright: ignore[reportPrivateUsage]
    cst.ListComp: (_COMPREHENSIONS, Positions._pair_comprehension),  # pyright: ignore[reportPrivateUsage]
    cst.SetComp: (_COMPREHENSIONS, Positions._pair_comprehension),  # pyright: ignore[reportPrivateUsage]
    cst.GeneratorExp: (_COMPREHENSIONS, Positions._pair_comprehension),  # pyright: ignore[reportPrivateUsage]
    cst.Subscript: ((ast.Subscript,), Positions._pair_subscript),  # pyright: ignore[reportPrivateUsage]
}


def statements(block: cst.BaseSuite | cst.Module | Sequence[cst.BaseStatement]) -> list[cst.CSTNode]:
    """A block's statements, with `a; b` lines split into their small statements."""
    if isinstance(block, cst.Module):
        body: Sequence[cst.CSTNode] = block.body
    elif isinstance(block, (cst.IndentedBlock, cst.SimpleStatementSuite)):
        body = block.body
    elif isinstance(block, cst.BaseSuite):
        body = []
    else:
        body = block
    out: list[cst.CSTNode] = []
    for stmt in body:
        if isinstance(stmt, cst.SimpleStatementLine):
            out.extend(stmt.body)
        else:
            out.append(stmt)
    return out


def bool_operands(node: cst.BooleanOperation) -> list[cst.BaseExpression]:
    """`a and b and c` as [a, b, c], the way `ast` flattens it (parentheses stop it).

    Iterative: a 3,000-term `or` is a 3,000-deep libcst tree but valid Python.
    """
    kind = type(node.operator)
    out: list[cst.BaseExpression] = []
    pending: list[cst.BaseExpression] = [node]
    while pending:
        side = pending.pop()
        if side is node or (isinstance(side, cst.BooleanOperation) and type(side.operator) is kind and not side.lpar):
            assert isinstance(side, cst.BooleanOperation)
            pending.extend((side.right, side.left))
        else:
            out.append(side)
    return out


def pair_class_fields(positions: Positions, node: cst.ClassDef, tree: ast.ClassDef) -> None:
    """Pair the annotations of a NamedTuple's fields."""
    block = statements(node.body)
    if len(block) != len(tree.body):
        return
    for stmt, sub in zip(block, tree.body):
        positions.pair(stmt, sub)
        if isinstance(stmt, cst.AnnAssign) and isinstance(sub, ast.AnnAssign):
            positions.pair_expr(stmt.target, sub.target)
            positions.pair_expr(stmt.annotation.annotation, sub.annotation)
