"""The task decorator options: one table for the reader, the IR defaults, the docs and `flowc.dsl`.

`@task` and `@container_task` take the options below. The reader checks each value
by its `value` kind and fills in `default`; `TaskOptions` in `model.py` takes its
defaults from here; `docs/task_options.md` is generated from the table
(`python -m flowc.ir.docs`); a test holds the signatures in `flowc/dsl/language.py`
to it (names, annotations and defaults).

>>> default("fuse", "task"), default("fuse", "container_task")
(True, False)
>>> [o.name for o in options_for("container_task") if o.required_for("container_task")]
['image', 'command']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from flowc.ir.base import JsonValue

TaskKind = Literal["task", "container_task"]
ValueKind = Literal["text", "strings", "resources", "count", "duration", "flag", "env"]


class Required:
    """The default of an option that must be given."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED = Required()
_SAME = Required()  # container_default: as for @task

OptionDefault: TypeAlias = "JsonValue | tuple[()] | Required"
"""An option's default: a JSON value, `()` for an empty sequence, or REQUIRED."""


@dataclass(frozen=True)
class TaskOption:
    """One decorator option: how it is typed in `flowc.dsl`, checked by the reader and defaulted."""

    name: str
    annotation: str
    value: ValueKind
    default: OptionDefault
    doc: str
    container_default: OptionDefault = _SAME
    container_only: bool = False

    def default_for(self, kind: TaskKind) -> OptionDefault:
        return self.default if kind == "task" or self.container_default is _SAME else self.container_default

    def required_for(self, kind: TaskKind) -> bool:
        return self.default_for(kind) is REQUIRED


TASK_OPTIONS: tuple[TaskOption, ...] = (
    TaskOption("image", "str", "text", "python:3.12-slim", "the container image the task runs in (`[tool.flowc] image` sets the project's default)", container_default=REQUIRED),
    TaskOption("command", "Sequence[str]", "strings", REQUIRED, "the command run in the image; `{input}` placeholders are filled in", container_only=True),
    TaskOption("args", "Sequence[str]", "strings", (), "arguments after the command, with placeholders like `command`", container_only=True),
    TaskOption("packages", "Sequence[str]", "strings", (), "pip requirements installed before a Python task runs (`[tool.flowc] packages` sets the project's default)"),
    TaskOption("resources", "Resources | None", "resources", None, "cpu and memory (Kubernetes quantities) and a GPU count"),
    TaskOption("retries", "int", "count", 0, "how many times a failed run is retried"),
    TaskOption("timeout", "str | None", "duration", None, "the longest a run may take: \"90s\", \"30m\", \"2h\", \"1d\""),
    TaskOption("cache", "bool", "flag", False, "reuse the outputs of an earlier run with the same inputs and code"),
    TaskOption("env", "Mapping[str, str] | None", "env", None, "environment variables set for the task"),
    TaskOption("secrets", "Sequence[str]", "strings", (), "names of engine secrets exposed to the task"),
    TaskOption("fuse", "bool", "flag", True, "the optimizer may run this task in one step with its neighbours", container_default=False),
    TaskOption("name", "str | None", "text", None, "the task's name on the engines (default: the function's name)"),
)

_BY_NAME = {o.name: o for o in TASK_OPTIONS}


@dataclass(frozen=True)
class ProjectDefaults:
    """A project's own defaults (`[tool.flowc] image` and `packages`), used where a `@task` gives none.

    They replace the table's defaults, never a value the decorator gives: a task with
    `packages=[...]` keeps exactly its own list. A `@container_task` names its image.
    """

    image: str | None = None
    packages: tuple[str, ...] = ()


def options_for(kind: TaskKind) -> tuple[TaskOption, ...]:
    """The options a decorator of `kind` takes, in table order."""
    return tuple(o for o in TASK_OPTIONS if kind == "container_task" or not o.container_only)


def option(name: str) -> TaskOption:
    return _BY_NAME[name]


def default(name: str, kind: TaskKind = "task") -> OptionDefault:
    """The default of option `name` for `kind` (REQUIRED when it must be given)."""
    return _BY_NAME[name].default_for(kind)


def default_str(name: str, kind: TaskKind = "task") -> str:
    value = default(name, kind)
    assert isinstance(value, str), name
    return value


def default_int(name: str, kind: TaskKind = "task") -> int:
    value = default(name, kind)
    assert isinstance(value, int) and not isinstance(value, bool), name
    return value


def default_bool(name: str, kind: TaskKind = "task") -> bool:
    value = default(name, kind)
    assert isinstance(value, bool), name
    return value


def options_table_markdown() -> str:
    """The table as Markdown, for docs/task_options.md."""
    rows = ["| option | type | `@task` default | `@container_task` default | what it does |", "| --- | --- | --- | --- | --- |"]
    for o in TASK_OPTIONS:
        task = "—" if o.container_only else _shown(o.default_for("task"))
        cells = (f"`{o.name}`", f"`{o.annotation}`", task, _shown(o.default_for("container_task")), o.doc)
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


def _shown(value: OptionDefault) -> str:
    return "required" if value is REQUIRED else f"`{value!r}`"
