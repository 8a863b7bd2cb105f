"""A Python task's code as every runtime receives it: THE one definition.

Every runner (KFP's executor program, Airflow's task program, the Flyte module, a fused
step's members, `flowc run`) hands this to the runtime's `load_task_function`
(`runtime/task_runtime.py`), which places each piece at its line in the user's file and
compiles it under that file's name, so a failure's traceback points at the user's source.

The file name is the path as the user named it when compiling (`ir/code_origin.py`):
no machine path is added, so the same compile writes the same bytes anywhere. It only
ever travels as a Python literal (`py_literal`) or inside base64, never as code.
"""

from __future__ import annotations

from flowc.codegen.literals import py_lines, py_literal
from flowc.ir.code_origin import code_file, code_pieces, module_pieces
from flowc.ir.model import TaskCode
from flowc.ir.shipped import ShippedModule


def shipped_code(task_name: str, code: TaskCode) -> dict[str, object]:
    """What `load_task_function` takes: the file, the function, how the code names flowc, its pieces."""
    shipped: dict[str, object] = {
        "file": code_file(task_name, code),
        "function": code.function_name,
        "flowc_imports": [[i.local, i.attr] for i in code.flowc_imports],
        "pieces": [[line, text] for line, text in code_pieces(code)],
    }
    # Only code that has them carries them: every other task's shipped code stays as it was.
    if code.package:
        shipped["package"] = code.package
    if code.modules:
        shipped["modules"] = [_module_head(m) | {"pieces": [[line, text] for line, text in module_pieces(m)]} for m in code.modules]
    return shipped


def _module_head(module: ShippedModule) -> dict[str, object]:
    """A shipped module but for its code: import name, package or not, file, flowc names."""
    return {
        "name": module.name,
        "is_package": module.is_package,
        "file": module.path,
        "flowc_imports": [[i.local, i.attr] for i in module.flowc_imports],
    }


def code_literal(task_name: str, code: TaskCode, indent: str = "") -> str:
    """`shipped_code` as a Python literal a person can read: each line of code on a line of its own.

    >>> from flowc.ir.model import TaskCode
    >>> print(code_literal("f", TaskCode(function_name="f", function="def f():\\n    return 1\\n")))
    {
        'file': '<flowc task f>',
        'function': 'f',
        'flowc_imports': [],
        'pieces': [
            [1, (
                'def f():\\n'
                '    return 1\\n'
            )],
        ],
    }
    """
    shipped = shipped_code(task_name, code)
    inner = indent + "    "
    lines = ["{"]
    lines += [f"{inner}{py_literal(key)}: {py_literal(shipped[key])}," for key in ("file", "function", "flowc_imports")]
    lines += _pieces_literal(code_pieces(code), inner)
    if code.package:
        lines.append(f"{inner}'package': {py_literal(code.package)},")
    if code.modules:
        lines.append(f"{inner}'modules': [")
        for module in code.modules:
            lines.append(f"{inner}    {{")
            lines += [f"{inner}        {py_literal(k)}: {py_literal(v)}," for k, v in _module_head(module).items()]
            lines += _pieces_literal(module_pieces(module), inner + "        ")
            lines.append(f"{inner}    }},")
        lines.append(f"{inner}],")
    lines.append(indent + "}")
    return "\n".join(lines)


def _pieces_literal(pieces: tuple[tuple[int, str], ...], inner: str) -> list[str]:
    """`'pieces': [...]` with each line of code on a line of its own."""
    lines = [f"{inner}'pieces': ["]
    lines += [f"{inner}    [{line}, {py_lines(text, inner + '    ')}]," for line, text in pieces]
    return [*lines, f"{inner}],"]
