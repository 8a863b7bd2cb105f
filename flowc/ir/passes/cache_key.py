"""Cache keys: a content hash per task, so no one ever bumps a cache version by hand.

A task's key covers what decides its result besides its inputs: its code
normalized (comments, docstrings and formatting do not count), the module
helpers, constants and imports it uses (its `preamble`, which the reader fills with
only what the task uses, transitively, so editing a helper changes exactly the tasks
that call it), the same of the project modules it imports (`code.modules`: only
what it uses of each, so editing `lib.clean` changes the tasks that use `clean`
and no other), how it names flowc, its signature, its image, packages, env and
secret names, and for a container task its command and args. Resources, retries and
timeouts are left out: they do not change what a task computes. A step's key (its
task's key and those of the steps it reads from) is `flowc.ir.passes.step_keys`.

Normalization hashes a canonical form of the syntax tree (`ast`, not libcst: about
ten times faster on 2,000-task programs), not `ast.unparse`: unparse writes
f-strings differently on 3.11 and 3.12, and the key must be the same on every
Python flowc supports.

>>> from flowc.ir.model import PythonTask, TaskCode
>>> from flowc.ir.types import INT
>>> def t(src: str) -> PythonTask:
...     return PythonTask(name="f", params=(), returns=INT,
...                       code=TaskCode(function_name="f", function=src))
>>> a = task_cache_key(t("def f():\\n    return 1\\n"))
>>> a == task_cache_key(t("def f():  # one\\n    '''Doc.'''\\n\\n    return (1)\\n"))
True
>>> a == task_cache_key(t("def f():\\n    return 2\\n"))
False
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import json
from collections.abc import Callable
from typing import cast

from flowc.ir.command import template_text
from flowc.ir.model import ContainerTask, Program, PythonTask
from flowc.ir.shipped import ShippedModule

KEY_VERSION = "flowc-cache-2"

# What normalization removes, and what it keeps on purpose. We normalize only what
# cannot change what the code does: comments, blank lines, layout, redundant
# parentheses, quote styles, and docstrings (read by nothing but `__doc__`: a source
# that mentions `__doc__` keeps them). Renaming a local variable CHANGES the key: a
# name is observable (`f"{x=}"`, `locals()`, `vars()`, `eval`/`exec` strings, error
# messages and tracebacks), and proving a rename harmless needs scope analysis
# with exactly those escape hatches. A wrong "same" would serve a stale result from
# the cache; a wrong "different" costs one re-run. So renames count.
_DOC_OWNERS = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_IGNORED_FIELDS = frozenset({"ctx", "type_comment"})


def normalized_code(source: str) -> str:
    """A canonical text of `source`'s syntax tree (see above), or the text itself if it does not parse."""
    if not source.strip():
        return ""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    canonical = _Canonical(keep_docstrings="__doc__" in source).of(tree)
    return json.dumps(canonical, separators=(",", ":"), ensure_ascii=True)


@dataclasses.dataclass(frozen=True)
class _Canonical:
    """JSON data for a syntax tree, the same on every Python version that parses it the same.

    Fields that are None or empty are left out (3.12 added `type_params=[]` to every
    def), and an f-string's literal parts are joined with empty ones dropped (3.12
    ends a format spec with an empty literal that 3.11 does not write).
    """

    keep_docstrings: bool

    def of(self, value: object) -> object:
        if isinstance(value, ast.AST):
            return self._node(value)
        if isinstance(value, list):
            return [self.of(v) for v in cast("list[object]", value)]
        return _scalar(value)

    def _node(self, node: ast.AST) -> list[object]:
        out: list[object] = [type(node).__name__]
        for name in node._fields:
            value: object = getattr(node, name, None)
            if name in _IGNORED_FIELDS or value is None or value == []:
                continue
            if isinstance(node, ast.JoinedStr) and name == "values":
                value = _joined(node.values)
            elif name == "body" and isinstance(node, _DOC_OWNERS) and not self.keep_docstrings:
                value = _without_docstring(node.body)
            out.append([name, self.of(value)])
        return out


def _scalar(value: object) -> object:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, bytes):
        return ["bytes", value.hex()]
    return [type(value).__name__, repr(value)]  # complex, Ellipsis


def _without_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    first = body[0] if body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        return body[1:]
    return body


def _joined(values: list[ast.expr]) -> list[ast.expr]:
    out: list[ast.expr] = []
    for v in values:
        if isinstance(v, ast.Constant) and isinstance(v.value, str):
            if not v.value:
                continue
            last = out[-1] if out else None
            if isinstance(last, ast.Constant) and isinstance(last.value, str):
                out[-1] = ast.Constant(value=last.value + v.value)
                continue
        out.append(v)
    return out


def _memo(fn: Callable[[str], str]) -> Callable[[str], str]:
    seen: dict[str, str] = {}

    def get(text: str) -> str:
        if text not in seen:
            seen[text] = fn(text)
        return seen[text]

    return get


def task_cache_key(task: PythonTask | ContainerTask, normalize: Callable[[str], str] = normalized_code) -> str:
    """The hex SHA-256 cache key of one task."""
    return digest(task_key_parts(task, normalize))


def task_key_parts(task: PythonTask | ContainerTask, normalize: Callable[[str], str] = normalized_code) -> dict[str, object]:
    """What a task's key is the digest of, by part (`flowc diff` says which part changed)."""
    parts: dict[str, object] = {
        "version": KEY_VERSION,
        "kind": task.kind,
        "params": [[p.name, dataclasses.asdict(p.type)] for p in task.params],
        "returns": dataclasses.asdict(task.returns),
        "image": task.options.image,
        "packages": list(task.options.packages),
        "env": sorted([k, v] for k, v in task.options.env),
        "secrets": sorted(task.options.secrets),
    }
    if isinstance(task, PythonTask):
        parts["function"] = normalize(task.code.function)
        parts["preamble"] = normalize(task.code.preamble)
        parts["flowc"] = [[i.local, i.attr] for i in task.code.flowc_imports]
        # The project modules it imports, as shipped (only what it uses of each): a key without them is as before.
        if task.code.package:
            parts["package"] = task.code.package
        if task.code.modules:
            parts["modules"] = {m.name: module_key_part(m, normalize) for m in task.code.modules}
    else:
        parts["command"] = [template_text(a) for a in task.command]
        parts["args"] = [template_text(a) for a in task.args]
    return parts


def module_key_part(module: ShippedModule, normalize: Callable[[str], str] = normalized_code) -> list[object]:
    """What a shipped module adds to a task's key: package or not, its code normalized, its flowc names."""
    return [module.is_package, normalize(module.code), [[i.local, i.attr] for i in module.flowc_imports]]


def digest(data: object) -> str:
    """The hex SHA-256 of `data` as canonical JSON (sorted keys, no spaces, ASCII): no hash seed, no dict order."""
    blob = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(blob.encode("ascii")).hexdigest()


def assign_cache_keys(program: Program) -> Program:
    """The program with `cache_key` filled in on every task."""
    normalize = _memo(normalized_code)  # preambles repeat across a module's tasks
    tasks = tuple(t.model_copy(update={"cache_key": task_cache_key(t, normalize)}) for t in program.tasks)
    return program.model_copy(update={"tasks": tasks})
