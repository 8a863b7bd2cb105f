"""The free names of code: what a function or module-level statement reads from the
module around it (Python's scoping rules, simplified where over-approximating is safe)."""

from __future__ import annotations

import ast

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def free_names(tree: ast.AST) -> set[str]:
    """Module-level names a top-level statement reads (a def's decorators, defaults and
    annotations included; names it binds in its own inner scopes excluded)."""
    loads, _, nested = _walk_own([tree])
    for inner in nested:
        loads |= _scope_free(inner)
    return loads


def _scope_free(scope: ast.AST) -> set[str]:
    """Free names of one scope: its reads and its inner scopes' free names, minus what it binds.

    A class body's names are not visible inside its methods, so theirs pass through.
    """
    loads, bound, nested = _walk_own(_own_parts(scope))
    bound |= _parameters(scope)
    declared: set[str] = set()
    for node in _flat(scope):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            declared.update(node.names)
    local = bound - declared
    inner_free: set[str] = set()
    for inner in nested:
        inner_free |= _scope_free(inner)
    if isinstance(scope, ast.ClassDef):
        return (loads - local) | inner_free
    return (loads | inner_free) - local


def _own_parts(scope: ast.AST) -> list[ast.AST]:
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return list(scope.body)
    if isinstance(scope, ast.Lambda):
        return [scope.body]
    if isinstance(scope, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        return [scope.elt, *scope.generators]
    if isinstance(scope, ast.DictComp):
        return [scope.key, scope.value, *scope.generators]
    return [scope]


def _parameters(scope: ast.AST) -> set[str]:
    if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        return set()
    a = scope.args
    params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *(x for x in (a.vararg, a.kwarg) if x is not None)]
    return {p.arg for p in params}


def _walk_own(roots: list[ast.AST]) -> tuple[set[str], set[str], list[ast.AST]]:
    """Reads and bindings of `roots` in the scope they belong to, and the inner scopes they hold."""
    loads: set[str] = set()
    bound: set[str] = set()
    nested: list[ast.AST] = []
    stack: list[ast.AST] = list(roots)
    while stack:
        node = stack.pop()
        if isinstance(node, _SCOPES):
            nested.append(node)
            stack.extend(_outer_parts(node))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                bound.add(node.name)
            continue
        if isinstance(node, ast.Name):
            (loads if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name.split(".")[0]) for a in node.names if a.name != "*")
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            bound.add(node.name)
        stack.extend(ast.iter_child_nodes(node))
    return loads, bound, nested


def _outer_parts(scope: ast.AST) -> list[ast.AST]:
    """The parts of an inner scope evaluated in the enclosing one: decorators, defaults, bases."""
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        a = scope.args
        parts: list[ast.AST] = [*scope.decorator_list, *a.defaults, *(d for d in a.kw_defaults if d is not None)]
        parts += [x.annotation for x in (*a.posonlyargs, *a.args, *a.kwonlyargs) if x.annotation is not None]
        return parts + ([scope.returns] if scope.returns is not None else [])
    if isinstance(scope, ast.ClassDef):
        return [*scope.decorator_list, *scope.bases, *(k.value for k in scope.keywords)]
    if isinstance(scope, ast.Lambda):
        return [*scope.args.defaults, *(d for d in scope.args.kw_defaults if d is not None)]
    if isinstance(scope, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
        return [scope.generators[0].iter] if scope.generators else []
    return []


def _flat(scope: ast.AST) -> list[ast.AST]:
    """Nodes of a scope's own body, inner scopes excluded (for `global` declarations)."""
    out: list[ast.AST] = []
    stack = list(_own_parts(scope))
    while stack:
        node = stack.pop()
        if isinstance(node, _SCOPES):
            continue
        out.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return out
