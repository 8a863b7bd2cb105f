"""What a Python task's code carries besides its own module's statements: how it names
flowc, and the modules of the user's project it imports.

A task that does `from lib import clean` (or `from .util import norm`) where `lib` is a
module of the project the reader reads gets `lib` shipped with it: the statements of
`lib` the task needs (what it names there, and what those use, transitively, as for a
helper of the task's own module), at their own lines of `lib`'s file. The runtime
(`load_task_function`) serves them to the task's imports under their import names,
compiled under that file's name, so the image needs the task's packages, never the
project, and a traceback points into `lib.py`. Third-party imports stay import lines.
"""

from __future__ import annotations

from flowc.ir.base import IRModel


class FlowcImport(IRModel):
    """How task code refers to flowc: `local` is bound to flowc's `attr`, or the module if None."""

    local: str
    attr: str | None = None


class ShippedModule(IRModel):
    """A project module a task imports, as much of it as the task uses.

    `name` is its import name (`lib`, `pkg.util`); `code` its statements the task needs,
    in file order (flowc decorators removed); `path` its file as the user's project names
    it (tracebacks point there); `lines` pairs a line of `code` with the file line it was
    taken from, at each statement's start (as `CodeOrigin.preamble_lines`).
    """

    name: str
    is_package: bool = False
    code: str = ""
    path: str = ""
    lines: tuple[tuple[int, int], ...] = ()
    flowc_imports: tuple[FlowcImport, ...] = ()
