"""Text that an engine would substitute in a container's command at run time.

KFP replaces `{{$...}}` placeholders (`{{$}}`, `{{$.inputs.parameters['x']}}`, ...)
and Flyte replaces `{{.inputs.x}}`, `{{ .Inputs.x }}`, `{{$input}}`, `{{.outputPrefix}}`
and the like, anywhere in a raw container's command and arguments, and neither has an
escape. Text of a pipeline file that looks like one would let a run parameter rewrite
the command, so a backend refuses it (`{name}` placeholders are how flowc asks for
a value). Airflow's Jinja is escaped instead (`literal(...)`).

>>> engine_template_text("echo {{$.inputs.parameters['x']}}"), engine_template_text("{{ .inputs.x }}")
(True, True)
>>> engine_template_text("{x} {{x}} {{ ds }}")
False
"""

from __future__ import annotations

import re

_ENGINE_TEMPLATE = re.compile(r"\{\{\s*[.$]")


def engine_template_text(text: str) -> bool:
    """Whether KFP or Flyte would read part of `text` as a placeholder of its own."""
    return _ENGINE_TEMPLATE.search(text) is not None


def template_problems(parts: tuple[str, ...], task_name: str) -> list[str]:
    """One message per command part of a container task that holds engine template syntax."""
    return [
        f"container task {task_name!r}: command text {part!r} holds template syntax the engine substitutes at run time"
        for part in parts
        if engine_template_text(part)
    ]
