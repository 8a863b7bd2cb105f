"""The one container-command parser: escapes, placeholders by kind, located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc.dsl.reader.commands import parse_argument, placeholder_targets
from flowc.ir.command import CommandPart, InputPart, OutputPart, TextPart, template_text
from flowc.ir.model import ContainerTask, Output, Parameter
from flowc.ir.types import INT, STR, ArtifactType, OptionalType
from tests.dsl.helpers import read_source

TARGETS = placeholder_targets(
    (Parameter(name="x", type=STR), Parameter(name="data", type=ArtifactType(name="Dataset")), Parameter(name="n", type=OptionalType(inner=INT))),
    (Output(name="model", type=ArtifactType(name="Model")), Output(name="count", type=INT)),
)
X, DATA, N = InputPart(name="x"), InputPart(name="data", artifact=True), InputPart(name="n", optional=True)
MODEL, COUNT = OutputPart(name="model", artifact=True), OutputPart(name="count")


def T(text: str) -> TextPart:
    return TextPart(text=text)


@pytest.mark.parametrize(("text", "parts"), [
    ("", ()),
    ("plain", (T("plain"),)),
    ("{x}", (X,)),
    ("--x={x}!", (T("--x="), X, T("!"))),
    ("{{x}}", (T("{x}"),)),
    ("{{{x}}}", (T("{"), X, T("}"))),
    ("{{{{x}}}}", (T("{{x}}"),)),
    ("a}}b{{c", (T("a}b{c"),)),
    ("{{$.inputs.parameters['x']}}", (T("{$.inputs.parameters['x']}"),)),
    ("{data}:{model}:{count}:{n}", (DATA, T(":"), MODEL, T(":"), COUNT, T(":"), N)),
    ("{x}{x}", (X, X)),
])
def test_escapes_and_placeholders(text: str, parts: tuple[CommandPart, ...]) -> None:
    parsed = parse_argument(text, TARGETS)
    assert parsed.parts == parts and not parsed.unknown and parsed.unbalanced is None
    assert parse_argument(template_text(parsed.parts), TARGETS).parts == parts  # display form reads back


@pytest.mark.parametrize(("text", "unknown", "brace"), [
    ("{nope}", ("nope",), None),
    ("{}", ("",), None),
    ("{x.y}", ("x.y",), None),
    ("{ x }", (" x ",), None),
    ("a{x", (), "{"),
    ("a}b", (), "}"),
    ("{x}}", (), "}"),
    ("{{x}", (), "}"),
])
def test_unknown_names_and_unbalanced_braces(text: str, unknown: tuple[str, ...], brace: str | None) -> None:
    parsed = parse_argument(text, TARGETS)
    assert parsed.unknown == unknown and parsed.unbalanced == brace


def test_an_input_wins_over_an_output_of_the_same_name() -> None:
    targets = placeholder_targets((Parameter(name="output", type=STR),), (Output(name="output", type=STR),))
    assert parse_argument("{output}", targets).parts == (InputPart(name="output"),)


SRC = '''
from flowc import Dataset, container_task


@container_task(image="busybox", command=["sh", "-c", "cp {data} {output}; echo {{ok}}"],
                args=["{missing}", "{x"])
def copy(data: Dataset, tag: int | None = None) -> Dataset: ...
'''


def test_the_reader_parses_once_and_locates_errors(tmp_path: Path) -> None:
    result = read_source(tmp_path, SRC)
    found = sorted((d.code, d.span.line, d.span.col) for d in result.diagnostics if d.span is not None)
    assert found == [("FLC307", 5, 23), ("FLC315", 5, 36)]  # at the offending list element
    ok = read_source(tmp_path, SRC.replace('args=["{missing}", "{x"]', 'args=["{tag}"]'))
    task = ok.program.task("copy")
    assert isinstance(task, ContainerTask)
    data, out = InputPart(name="data", artifact=True), OutputPart(name="output", artifact=True)
    assert task.command[2] == (T("cp "), data, T(" "), out, T("; echo {ok}"))
    assert task.args == ((InputPart(name="tag", optional=True),),)


def test_a_non_literal_command_is_one_diagnostic(tmp_path: Path) -> None:
    src = SRC.replace('command=["sh", "-c", "cp {data} {output}; echo {{ok}}"]', "command=[*PARTS]").replace(
        'args=["{missing}", "{x"]', "args=[]"
    )
    found = [d.code for d in read_source(tmp_path, "PARTS = ['a']\n" + src).diagnostics if d.severity == "error"]
    assert found == ["FLC301"]
