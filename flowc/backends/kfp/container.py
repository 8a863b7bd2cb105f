"""A container task's command for KFP: the IR's template parts as KFP placeholders.

KFP's launcher fills `{{$.inputs.parameters['x']}}` with its own value-to-text rule
(which is flowc's rule, see `flowc/codegen/runtime/placeholder_text.py`). Three things
need more than a direct rendering:

- an optional input with no value must become empty text: the argument is wrapped in
  KFP's `IfPresent` placeholder, with the empty text in its `Else`;
- literal text that contains `{{$` would be taken for a placeholder (the launcher
  replaces every known placeholder anywhere in an argument): such an argument is cut
  into pieces that do not contain it, and a small `sh` prefix joins them again
  (`flowc/codegen/command_join.py`);
- the folders of output files must exist before the command runs (kfp.local does not
  create them), so the same prefix creates them.
"""

from __future__ import annotations

import json
from typing import Any

from flowc.codegen.command_join import joined_command, split_literal
from flowc.ir.command import Argument, CommandPart, InputPart, OutputPart, TextPart, outputs_used
from flowc.ir.model import SINGLE_OUTPUT, ContainerTask

ENGINE_MARKER = "{{$"


def output_key(name: str) -> str:
    """KFP's name for an output: a single result is `Output`, as the kfp SDK names it."""
    return "Output" if name == SINGLE_OUTPUT else name


def placeholder(part: InputPart | OutputPart) -> str:
    """The KFP placeholder of one input or output."""
    if isinstance(part, OutputPart):
        if part.artifact:
            return "{{$.outputs.artifacts['%s'].path}}" % output_key(part.name)
        return "{{$.outputs.parameters['%s'].output_file}}" % output_key(part.name)
    if part.artifact:
        return "{{$.inputs.artifacts['%s'].path}}" % part.name
    return "{{$.inputs.parameters['%s']}}" % part.name


def container_command(task: ContainerTask) -> tuple[list[str], list[str]]:
    """`command` and `args` of the task's executor container."""
    arguments = (*task.command, *task.args)
    outputs = outputs_used(arguments)
    if not outputs and not any(_needs_join(a) for a in arguments):
        return [_render(a) for a in task.command], [_render(a) for a in task.args]
    return joined_command([placeholder(o) for o in outputs], [_pieces(a) for a in arguments]), []


def _needs_join(argument: Argument) -> bool:
    return any(isinstance(p, TextPart) and ENGINE_MARKER in p.text for p in argument)


def _pieces(argument: Argument) -> list[str]:
    """The argument as pieces that concatenate to it; no piece holds literal `{{$`."""
    if not _needs_join(argument):
        return [_render(argument)]
    pieces: list[str] = []
    for part in argument:
        if isinstance(part, TextPart):
            pieces += split_literal(part.text, ENGINE_MARKER)
        else:
            pieces.append(_render((part,)))
    return pieces


def _render(argument: Argument) -> str:
    """One argument; an argument with optional inputs becomes an `IfPresent` placeholder."""
    optional = sorted({p.name for p in argument if isinstance(p, InputPart) and p.optional})
    return json.dumps(_if_present(argument, optional)) if optional else _direct(argument)


def _direct(argument: Argument) -> str:
    return "".join(p.text if isinstance(p, TextPart) else placeholder(p) for p in argument)


def _if_present(argument: Argument, names: list[str]) -> Any:
    """Nested `IfPresent`s, one per optional input; an absent input's part becomes empty text."""
    if not names:
        return _direct(argument)
    name, rest = names[0], names[1:]
    absent = tuple(TextPart(text="") if _is_input(p, name) else p for p in argument)
    return {"IfPresent": {"InputName": name, "Then": [_if_present(argument, rest)], "Else": [_if_present(absent, rest)]}}


def _is_input(part: CommandPart, name: str) -> bool:
    return isinstance(part, InputPart) and part.name == name
