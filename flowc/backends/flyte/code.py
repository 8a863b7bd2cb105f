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

from flowc.ir.model import TaskCode


def indent_code(source: str, prefix: str = "    ") -> str:
    """`source` indented by `prefix`, except lines inside multi-line strings."""
    keep = _string_continuation_lines(source)
    out: list[str] = []
    for number, line in enumerate(source.splitlines(), start=1):
        if number in keep or not line.strip():
            out.append(line if number in keep else "")
        else:
            out.append(prefix + line)
    return "\n".join(out)


def _string_continuation_lines(source: str) -> set[int]:
    lines: set[int] = set()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.STRING and tok.end[0] > tok.start[0]:
                lines.update(range(tok.start[0] + 1, tok.end[0] + 1))
    except (tokenize.TokenError, SyntaxError):
        pass
    return lines


def _is_dropped_import(node: ast.stmt) -> bool:
    """`from __future__ ...` (illegal inside a function) and imports of flowc (the runtime stands in)."""
    if isinstance(node, ast.ImportFrom):
        module = node.module or ""
        return node.level == 0 and (module == "__future__" or module == "flowc" or module.startswith("flowc."))
    if isinstance(node, ast.Import):
        return all(a.name == "flowc" or a.name.startswith("flowc.") for a in node.names)
    return False


def clean_preamble(preamble: str) -> str:
    """The preamble without imports that cannot or need not run inside the factory."""
    try:
        tree = ast.parse(preamble)
    except SyntaxError:
        return preamble
    lines = preamble.splitlines()
    drop: set[int] = set()
    for node in tree.body:
        if _is_dropped_import(node):
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
    """The body of a task's code factory: preamble, flowc aliases, the function, `return` it."""
    parts = [clean_preamble(code.preamble).strip("\n"), "\n".join(flowc_aliases(code)), code.function.strip("\n")]
    text = "\n\n".join(p for p in parts if p.strip())
    return indent_code(text + f"\n\nreturn {code.function_name}\n")
