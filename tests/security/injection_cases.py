"""Pipeline files whose text holds engine placeholder and template syntax, shared by the
injection tests of every backend.

The task's source uses only single quotes: `repr` of such code picks double quotes,
the shape in which a substituted placeholder could once close the literal that the
code was embedded in.
"""

from __future__ import annotations

from pathlib import Path

from flowc import api
from flowc.ir.model import Program

# The docstring holds KFP's whole-executor-input and input placeholders, Flyte's input
# template and Jinja; the task's comment holds a KFP input placeholder.
DOC = "Text, not templates: {{$}} {{$.inputs.parameters['x']}} {{.inputs.x}} {{ ds }} {% raw %}."
# Without `{{$}}`, which on its own broke the old KFP runner before any parameter was read.
COMMENT_DOC = DOC.replace("{{$}} ", "")
DEFAULT = "{{ ds }} {% if true %}yes{% endif %} {{.inputs.x}}"
_SOURCE = """
from flowc import pipeline, task


@task(image='python:3.12-slim')
def echo(x: str) -> str:
    '''@DOC@'''
    # {{$.inputs.parameters['x']}}
    return echo.__doc__ + '|' + x


@pipeline
def injected(x: str = '@DEFAULT@') -> str:
    return echo(x=x)
"""


def placeholder_task(doc: str = DOC) -> str:
    """The pipeline file: `echo` returns its docstring, `|`, and `x`."""
    return _SOURCE.replace("@DOC@", doc).replace("@DEFAULT@", DEFAULT)


PLACEHOLDER_TASK = placeholder_task()


def crafted(marker: Path) -> str:
    """A run parameter that becomes code if it lands inside the double-quoted code literal."""
    return "\" + str(__import__('os').system('touch " + str(marker) + "')) + \""


def expected(x: str, doc: str = DOC) -> str:
    """What `echo` returns when nothing was substituted."""
    return doc + "|" + x


def load_source(folder: Path, text: str, name: str = "injected_flow.py") -> Program:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    loaded = api.load([path], root=folder)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


def emit_one(program: Program, target: str, options: dict[str, object] | None = None) -> tuple[str, str]:
    """The single artifact of `program` for `target`: (file name, text)."""
    result = api.emit(program, target, options)
    assert not [d for d in result.diagnostics if d.code != "FLC705"], result.diagnostics  # FLC705: the image may lack flytekit
    ((name, data),) = result.files.items()
    return name, data.decode("utf-8")


ENV_TASK = """
from flowc import pipeline, task


@task(image='python:3.12-slim', env={'USER_TEXT': '@DEFAULT@'})
def env_echo() -> str:
    import os
    return os.environ['USER_TEXT']


@pipeline
def env_injected() -> str:
    return env_echo()
""".replace("@DEFAULT@", DEFAULT)

FUTURE_TASK = """
from __future__ import annotations

from typing import TYPE_CHECKING

from flowc import pipeline, task

if TYPE_CHECKING:
    from decimal import Decimal


def double(value: Decimal | int) -> int:
    return int(value) * 2


@task(image='python:3.12-slim')
def twice(x: int) -> int:
    return double(x)


@pipeline
def lazy(x: int = 21) -> int:
    return twice(x=x)
"""

TWO_INPUTS_CONTAINER = """
from flowc import container_task, pipeline


@container_task(image='busybox:1.36', command=['sh', '-c', 'printf "%s|%s" "$0" "$1" > "$2"', '{a}', '{b}', '{output}'])
def pair(a: str, b: str) -> str: ...


@pipeline
def paired(a: str = 'a', b: str = 'b') -> str:
    return pair(a=a, b=b)
"""

# The text the command must receive; the pipeline file writes it as a command template
# (braces doubled, as in str.format).
CONTAINER_TEXT = "{{ ds }} {{% if 1 %}}x{{% endif %}} {{#c#}} {{$.inputs.parameters['a']}} {{.inputs.a}}"
CONTAINER_TASK = """
from flowc import container_task, pipeline


@container_task(image='busybox:1.36', command=['sh', '-c', 'printf %s "$1" > "$0"', '{output}', @TEXT@])
def say() -> str: ...


@pipeline
def said() -> str:
    return say()
""".replace("@TEXT@", repr(CONTAINER_TEXT.replace("{", "{{").replace("}", "}}")))
