"""Where a change is written, so `--format github` annotates the changed line: a task's `def`, the
decorator keyword that sets its image, the helper's `def`, a step's call.

Sources are parsed with `ast` (never run), once per file.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from flowc.config import locate_setting
from flowc.diff.helpers import statement_label
from flowc.diff.model import Location
from flowc.diff.sides import SideRead
from flowc.ir.model import ContainerTask, Pipeline, PythonTask
from flowc.ir.span import Span

# Reasons set by a keyword of the task decorator, by that keyword's name.
OPTION_KEYWORDS = {"image": "image", "packages": "packages", "env": "env", "secrets": "secrets"}
PROJECT_DEFAULTS = ("image", "packages")  # reasons a [tool.flowc] setting can give


@dataclass
class Locator:
    """Locations in one side's sources."""

    read: SideRead
    _trees: dict[str, ast.Module | None] = field(default_factory=lambda: {})

    def at(self, span: Span | None) -> Location | None:
        return None if span is None else Location(self.read.side.show(span.path), span.line)

    def task(self, task: PythonTask | ContainerTask | Pipeline) -> Location | None:
        return self.at(task.span)

    def helper(self, task: PythonTask | ContainerTask, label: str) -> Location | None:
        """The line of the top-level statement labelled `label` in the task's module, else the task's."""
        where = self.task(task)
        tree = self._tree(where)
        found = next((s.lineno for s in tree.body if statement_label(s) == label), None) if tree else None
        return where if where is None or found is None else Location(where.path, found)

    def module_helper(self, task: PythonTask | ContainerTask, label: str) -> Location | None:
        """The line of statement `module.label` in the shipped module's file, else the task's."""
        modules = task.code.modules if isinstance(task, PythonTask) else ()
        found = next((m for m in sorted(modules, key=lambda m: -len(m.name)) if label.startswith(m.name + ".")), None)
        if found is None:
            return self.task(task)
        where = Location(self.read.side.show(found.path), 1)
        tree = self._tree(where)
        line = next((s.lineno for s in tree.body if statement_label(s) == label[len(found.name) + 1 :]), None) if tree else None
        return self.task(task) if line is None else Location(where.path, line)

    def option(self, task: PythonTask | ContainerTask, part: str) -> Location | None:
        """The line of the decorator keyword that sets `part` (image, packages, env, secrets), else the task's."""
        where = self.task(task)
        keyword = OPTION_KEYWORDS.get(part)
        tree = self._tree(where)
        if where is None or keyword is None or tree is None:
            return where
        for stmt in tree.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.lineno == where.line:
                lines = [k.value.lineno for d in stmt.decorator_list if isinstance(d, ast.Call) for k in d.keywords if k.arg == keyword]
                return Location(where.path, lines[0]) if lines else self._project_default(part) or where
        return where

    def _project_default(self, part: str) -> Location | None:
        """Where `[tool.flowc]` sets `part` (image, packages) for the tasks that set none."""
        path = self.read.config_file
        if path is None or part not in PROJECT_DEFAULTS:
            return None
        span = locate_setting(Path(path), self.read.sources.get(path, ""), part)
        return None if span is None else Location(path, span.line)

    def _tree(self, where: Location | None) -> ast.Module | None:
        if where is None:
            return None
        if where.path not in self._trees:
            source = self.read.sources.get(where.path)
            try:
                self._trees[where.path] = None if source is None else ast.parse(source)
            except (SyntaxError, ValueError, RecursionError):
                self._trees[where.path] = None
        return self._trees[where.path]
