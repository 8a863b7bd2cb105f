"""Placing a task's own Python source inside the generated module.

Each task's preamble and function are nested in a small factory function, so that
tasks from different modules keep their helpers apart and never see the flytekit
names of the generated module. Indenting source must not change the value of a
multi-line string, so lines that continue a string token are left as they are.
"""

from __future__ import annotations

import ast
import io
import tokenize

from flowc.codegen.futures import exec_statement, has_future_import
from flowc.codegen.literals import py_literal
from flowc.ir.model import TaskCode
from flowc.ir.span import source_lines

# Python 3.12+ tokenizes f-strings (3.14+: t-strings too) as START, parts, END instead
# of one STRING token; matched by name, as older Pythons lack these token types.
_STRING_STARTS = {"FSTRING_START", "TSTRING_START"}
_STRING_ENDS = {"FSTRING_END", "TSTRING_END"}


def indent_code(source: str, prefix: str = "    ") -> str:
    """`source` indented by `prefix`, except lines inside multi-line strings."""
    lines = _code_lines(source)
    keep = _string_continuation_lines("\n".join(lines) + "\n")
    out: list[str] = []
    for number, line in enumerate(lines, start=1):
        if number in keep or not line.strip():
            out.append(line if number in keep else "")
        else:
            out.append(prefix + _counted_indent(line))
    return "\n".join(out)


def _code_lines(source: str) -> list[str]:
    """The lines of `source` as Python counts them (never `str.splitlines()`, which also
    breaks at U+2028, NEL, form feed, ... inside strings and comments)."""
    lines = source_lines(source)
    return lines[:-1] if lines[-1] == "" else lines


def _counted_indent(line: str) -> str:
    """`line` with only the indentation CPython counts: it restarts counting at a form feed."""
    body = line.lstrip(" \t\x0c")
    leading = line[: len(line) - len(body)]
    return leading.rsplit("\x0c", 1)[-1] + body


def _string_continuation_lines(source: str) -> set[int]:
    """Line numbers that continue a string token begun on an earlier line."""
    lines: set[int] = set()
    starts: list[int] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source, newline="\n").readline):
            name = tokenize.tok_name[tok.type]
            if name in _STRING_STARTS:
                starts.append(tok.start[0])
            elif name in _STRING_ENDS and starts:
                lines.update(range(starts.pop() + 1, tok.end[0] + 1))
            elif tok.type == tokenize.STRING and tok.end[0] > tok.start[0]:
                lines.update(range(tok.start[0] + 1, tok.end[0] + 1))
    except (tokenize.TokenError, SyntaxError):
        pass
    return lines


def _is_dropped_import(node: ast.stmt, keep_future: bool) -> bool:
    """`from __future__ ...` (illegal inside a function) and imports of flowc (the runtime stands in)."""
    if isinstance(node, ast.ImportFrom):
        module = node.module or ""
        future = module == "__future__" and not keep_future
        return node.level == 0 and (future or module == "flowc" or module.startswith("flowc."))
    if isinstance(node, ast.Import):
        return all(a.name == "flowc" or a.name.startswith("flowc.") for a in node.names)
    return False


def clean_preamble(preamble: str, keep_future: bool = False) -> str:
    """The preamble without imports that cannot or need not run inside the factory."""
    try:
        tree = ast.parse(preamble)
    except SyntaxError:
        return preamble
    lines = _code_lines(preamble)
    drop: set[int] = set()
    for node in tree.body:
        if _is_dropped_import(node, keep_future):
            drop.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return "\n".join(line for i, line in enumerate(lines, start=1) if i not in drop)


def flowc_aliases(code: TaskCode) -> list[str]:
    """Statements binding the task's names for flowc to the pasted runtime (`fc = flowc`)."""
    out: list[str] = []
    for imp in code.flowc_imports:
        target = imp.attr if imp.attr is not None else "flowc"
        if imp.local != target:
            out.append(f"{imp.local} = {target}")
    return out


def factory_body(code: TaskCode) -> str:
    """The body of a task's code factory: preamble, flowc aliases, the function, `return` it.

    Code with `from __future__` imports is compiled on its own (they cannot stand inside
    a function) in a copy of the module's namespace.
    """
    future = has_future_import(code.preamble)
    preamble = clean_preamble(code.preamble, keep_future=future)
    parts = [preamble.strip("\n"), "\n".join(flowc_aliases(code)), code.function.strip("\n")]
    text = "\n\n".join(p for p in parts if p.strip())
    if not future:
        return indent_code(text + f"\n\nreturn {code.function_name}\n")
    run = exec_statement(text + "\n", f"<flowc task {code.function_name}>", "namespace")
    return indent_code(f"namespace = dict(globals())\n{run}\nreturn namespace[{py_literal(code.function_name)}]\n")
