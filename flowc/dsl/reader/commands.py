"""The one parser of container-task commands: `{name}` placeholders and `{{`/`}}` escapes.

The syntax is `str.format`'s, reduced to plain names: `{{` is a literal `{`, `}}` a
literal `}`, `{name}` names an input or an output of the task, and any other brace
is an error. The result is a typed template (`flowc.ir.command`); no backend parses
a command string again.

>>> from flowc.ir.command import InputPart, TextPart
>>> parse_argument("echo {{{x}}}", {"x": InputPart(name="x")})
ParsedArgument(parts=(TextPart(kind='text', text='echo {'), InputPart(kind='input', name='x', artifact=False, optional=False), TextPart(kind='text', text='}')), unknown=(), unbalanced=None)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flowc.ir.command import Argument, CommandPart, InputPart, OutputPart, TextPart
from flowc.ir.model import Output, Parameter
from flowc.ir.types import ArtifactType, OptionalType


@dataclass(frozen=True)
class ParsedArgument:
    """One argument's parts, the placeholder names it could not resolve, and a stray brace if any."""

    parts: Argument
    unknown: tuple[str, ...] = ()
    unbalanced: str | None = None


def placeholder_targets(params: tuple[Parameter, ...], outputs: tuple[Output, ...]) -> dict[str, CommandPart]:
    """What each name may stand for in a command: inputs first, then outputs."""
    targets: dict[str, CommandPart] = {}
    for o in outputs:
        targets[o.name] = OutputPart(name=o.name, artifact=isinstance(o.type, ArtifactType))
    for p in params:
        targets[p.name] = InputPart(name=p.name, artifact=isinstance(p.type, ArtifactType), optional=isinstance(p.type, OptionalType))
    return targets


def parse_argument(text: str, targets: Mapping[str, CommandPart]) -> ParsedArgument:
    """Split one command argument into literal text and placeholders."""
    parts: list[CommandPart] = []
    unknown: list[str] = []
    literal: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "{}" and text.startswith(c * 2, i):
            literal.append(c)
            i += 2
        elif c == "}":
            return ParsedArgument(parts=tuple(parts), unknown=tuple(unknown), unbalanced="}")
        elif c == "{":
            end = text.find("}", i + 1)
            if end < 0:
                return ParsedArgument(parts=tuple(parts), unknown=tuple(unknown), unbalanced="{")
            name = text[i + 1 : end]
            if literal:
                parts.append(TextPart(text="".join(literal)))
                literal = []
            target = targets.get(name)
            if target is None:
                unknown.append(name)
            else:
                parts.append(target)
            i = end + 1
        else:
            j = _next_brace(text, i)
            literal.append(text[i:j])
            i = j
    if literal:
        parts.append(TextPart(text="".join(literal)))
    return ParsedArgument(parts=tuple(parts), unknown=tuple(unknown))


def _next_brace(text: str, start: int) -> int:
    ends = [k for k in (text.find("{", start), text.find("}", start)) if k >= 0]
    return min(ends) if ends else len(text)
