# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportMissingTypeStubs=false
"""KFP container commands: optional inputs through `IfPresent`, literal `{{$` through the joiner.

kfp.local cannot run an optional input without a value (its `join_user_inputs_and_defaults`
raises), so the `IfPresent` arguments are resolved here with kfp.local's own struct
placeholder resolver, with and without the input provided.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kfp.local import placeholder_utils

from flowc import api
from flowc.backends.kfp.container import container_command
from flowc.ir.model import ContainerTask

FOLDER = Path(__file__).resolve().parents[2] / "conformance" / "constructs" / "containers"


def _task(file: str, name: str) -> ContainerTask:
    loaded = api.load([FOLDER / file], root=FOLDER)
    assert loaded.ok
    task = loaded.program.task(name)
    assert isinstance(task, ContainerTask)
    return task


def _resolved(args: list[str], provided: list[str]) -> list[str]:
    utils: Any = placeholder_utils  # kfp ships no type information for it
    return list(utils.flatten_list([utils.resolve_struct_placeholders(a, provided) for a in args]))


def test_an_absent_optional_input_is_empty_text() -> None:
    command, args = container_command(_task("container_optional_value.py", "echo_optional"))
    assert command[:2] == ["sh", "-c"] and not args  # the output's folder is created first
    tag, n = "{{$.inputs.parameters['tag']}}", "{{$.inputs.parameters['n']}}"
    # the last three groups are the three arguments, one piece each
    assert _resolved(command, ["tag"])[-6:] == ["1", "--n=", "1", "", "1", tag]
    assert _resolved(command, ["tag", "n"])[-6:] == ["1", f"--n={n}", "1", n, "1", tag + n]


def test_literal_kfp_placeholders_are_cut_and_joined() -> None:
    command, args = container_command(_task("container_text_values.py", "echo_values"))
    assert not args
    ours = ["{{$.inputs.parameters['%s']}}" % n for n in "sibn"] + ["{{$.outputs.parameters['Output'].output_file}}"]
    for element in command:
        for placeholder in ours:
            element = element.replace(placeholder, "")
        assert "{{$" not in element, element  # only flowc's own placeholders are left for KFP to fill
