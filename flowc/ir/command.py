"""A container task's command as a typed template: per argument, literal text and placeholders.

The reader parses `command=[...]` and `args=[...]` once (`{{` and `}}` are escapes for
`{` and `}`, as in `str.format`); backends render the parts and never parse a string
again. A placeholder names an input or an output of the task and says which, and
whether it stands for a file (an artifact) or a value.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from flowc.ir.base import IRModel, Tagged


class TextPart(IRModel):
    """Literal text of an argument, escapes already resolved; reaches the command verbatim."""

    kind: Literal["text"] = "text"
    text: str


class InputPart(IRModel):
    """An input of the task: its value as text (see docs: the value-to-text rule), or an artifact's path."""

    kind: Literal["input"] = "input"
    name: str
    artifact: bool = False
    optional: bool = False


class OutputPart(IRModel):
    """An output of the task: the path of the file the command writes it to."""

    kind: Literal["output"] = "output"
    name: str
    artifact: bool = False


CommandPart = Annotated[Union[TextPart, InputPart, OutputPart], Tagged("kind")]
Argument = tuple[CommandPart, ...]


def literal_text(argument: Argument) -> str | None:
    """The text of an argument without placeholders, else None."""
    if all(isinstance(p, TextPart) for p in argument):
        return "".join(p.text for p in argument if isinstance(p, TextPart))
    return None


def template_text(argument: Argument) -> str:
    """The argument as the user would write it (`{name}` placeholders, braces doubled): for display and keys."""
    out: list[str] = []
    for part in argument:
        if isinstance(part, TextPart):
            out.append(part.text.replace("{", "{{").replace("}", "}}"))
        else:
            out.append("{" + part.name + "}")
    return "".join(out)


def outputs_used(arguments: tuple[Argument, ...]) -> tuple[OutputPart, ...]:
    """The output placeholders of a command, first use order, each once."""
    seen: dict[str, OutputPart] = {}
    for argument in arguments:
        for part in argument:
            if isinstance(part, OutputPart) and part.name not in seen:
                seen[part.name] = part
    return tuple(seen.values())


def runtime_parts(argument: Argument) -> list[list[str]]:
    """An argument as JSON data for the runtimes that fill it in: `[kind, text-or-name]` per part."""
    return [["text", p.text] if isinstance(p, TextPart) else [p.kind, p.name] for p in argument]
