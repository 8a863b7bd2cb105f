"""Where a Python task's code comes from, so that it runs at its own file's lines.

The reader takes a task's function and the module statements it uses out of their
file; shipped as they are, a failure in them would read `File "<flowc task train>",
line 12`. A `CodeOrigin` keeps the file (as the user named it) and the line each part
starts at, and `code_pieces` cuts the code into (first line, text) pieces that the
runtime (`codegen/runtime/task_runtime.py`, `load_task_function`) places back at
those lines, padding with blank lines, before compiling them under the file's name:
the traceback then reads `File "examples/churn.py", line 42, in train`.

Pieces come in file order (a helper defined below the task comes after it, as in the
file) and with `\\n` line ends only (Python reads `\\r\\n` and `\\r` as `\\n`, in strings too).

>>> from flowc.ir.model import TaskCode
>>> code = TaskCode(function_name="f", function="def f():\\n    return helper()\\n",
...                 preamble="import os\\n\\n\\ndef helper():\\n    return 1\\n",
...                 origin=CodeOrigin(path="a.py", function_line=3, preamble_lines=((1, 1), (4, 9))))
>>> code_pieces(code)
((1, 'import os\\n'), (3, 'def f():\\n    return helper()\\n'), (9, 'def helper():\\n    return 1\\n'))
>>> code_file("f", code), code_file("f", TaskCode(function_name="f", function=""))
('a.py', '<flowc task f>')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flowc.ir.base import IRModel
from flowc.ir.span import source_lines

if TYPE_CHECKING:
    from flowc.ir.model import TaskCode
    from flowc.ir.shipped import ShippedModule


class CodeOrigin(IRModel):
    """A task code's file (as the user named it), its function's `def` line, and where the preamble's lines come from.

    `preamble_lines` pairs a line of the preamble text with the file line it was taken
    from, at every place the preamble jumps in the file (each statement's first line);
    the lines between two such places follow each other in the file too.
    """

    path: str
    function_line: int
    preamble_lines: tuple[tuple[int, int], ...] = ()


def code_file(task_name: str, code: TaskCode) -> str:
    """The file name a task's code is compiled under: its source file, or a made-up name for generated code."""
    return code.origin.path if code.origin is not None else f"<flowc task {task_name}>"


def joined_code(code: TaskCode) -> str:
    """The code as one text, preamble then function (code with no origin is shipped so)."""
    preamble = code.preamble.rstrip()
    return (preamble + "\n\n\n" if preamble.strip() else "") + code.function.rstrip() + "\n"


def code_pieces(code: TaskCode) -> tuple[tuple[int, str], ...]:
    """The code as (first line in its file, text) pieces in file order; one piece at line 1 without an origin."""
    origin = code.origin
    if origin is None:
        return ((1, _newlines(joined_code(code))),)
    pieces = [(origin.function_line, _newlines(code.function.rstrip() + "\n"))]
    return _merged(sorted(pieces + _cut(code.preamble, origin.preamble_lines), key=lambda p: p[0]))


def module_pieces(module: ShippedModule) -> tuple[tuple[int, str], ...]:
    """A shipped module's code as (first line in its file, text) pieces in file order."""
    return _merged(sorted(_cut(module.code, module.lines), key=lambda p: p[0]))


def _cut(code: str, places: tuple[tuple[int, int], ...]) -> list[tuple[int, str]]:
    """`code` cut where its lines jump in the file (`places`: (line of `code`, file line))."""
    lines = source_lines(code)
    starts = sorted(places)
    pieces: list[tuple[int, str]] = []
    for i, (text_line, file_line) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(lines) + 1
        text = "\n".join(lines[text_line - 1 : end - 1]).rstrip()
        if text:
            pieces.append((file_line, text + "\n"))
    return pieces


def _merged(pieces: list[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    """Pieces with each one that starts on the line after the one before joined to it."""
    out: list[tuple[int, str]] = []
    for line, text in pieces:
        if out and out[-1][0] + out[-1][1].count("\n") == line:
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((line, text))
    return tuple(out)


def _newlines(text: str) -> str:
    return "\n".join(source_lines(text))
