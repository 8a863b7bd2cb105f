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
from flowc.ir.code_origin import code_file, code_pieces
from flowc.ir.model import TaskCode


def shipped_code(task_name: str, code: TaskCode) -> dict[str, object]:
    """What `load_task_function` takes: the file, the function, how the code names flowc, its pieces."""
    return {
        "file": code_file(task_name, code),
        "function": code.function_name,
        "flowc_imports": [[i.local, i.attr] for i in code.flowc_imports],
        "pieces": [[line, text] for line, text in code_pieces(code)],
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
    lines.append(f"{inner}'pieces': [")
    for line, text in code_pieces(code):
        lines.append(f"{inner}    [{line}, {py_lines(text, inner + '    ')}],")
    lines += [f"{inner}],", indent + "}"]
    return "\n".join(lines)
