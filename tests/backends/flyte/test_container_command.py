"""A registered Flyte raw container gets literal `{{...}}` text verbatim.

Flyte's propeller fills `{{.inputs.x}}` (any case, optional spaces) anywhere in the
command (`flyteplugins/go/tasks/pluginmachinery/utils/template.go`); no Flyte engine
runs here, so this test applies that substitution to the command flowc registers,
runs the result with `sh` and compares what the command received with the one rule.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from flowc import api
from flowc.backends.flyte.tasks import OUTPUT_DIR, container_command
from flowc.codegen.runtime.placeholder_text import _flowc_placeholder_text  # pyright: ignore[reportPrivateUsage, reportUnknownVariableType] - runtime file, standard mode
from flowc.ir.model import ContainerTask

FOLDER = Path(__file__).resolve().parents[2] / "conformance" / "constructs" / "containers"
# What propeller matches (template.go: inputVarRegex and the other `{{.x}}` templates).
PROPELLER = re.compile(r"(?i)\{\{\s*[\.$](inputs\.[^}\s]+|input|outputprefix|rawoutputdataprefix|perretryuniquekey|taskTemplatePath)\s*\}\}")


def text(value: object) -> str:
    return str(_flowc_placeholder_text(value))


def _propeller(arg: str, values: dict[str, object]) -> str:
    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        assert name.lower().startswith("inputs."), f"a literal reached propeller as a template: {m.group(0)!r}"
        return text(values[name[len("inputs."):]])

    return PROPELLER.sub(one, arg)


def test_literal_braces_survive_propeller(tmp_path: Path) -> None:
    path = FOLDER / "container_text_values.py"
    loaded = api.load([path], root=FOLDER)
    assert loaded.ok
    task = loaded.program.task("echo_values")
    assert isinstance(task, ContainerTask)
    command, arguments = container_command(task)
    assert command[:2] == ["sh", "-c"] and not arguments  # joined: the literal `{{` is cut
    values: dict[str, object] = {"s": "a {{.inputs.i}} b", "i": 7, "b": False, "n": 0}
    out = tmp_path / "out"
    argv = [_propeller(a, values).replace(f"{OUTPUT_DIR}/output", str(out)) for a in command]
    subprocess.run(argv, check=True)
    namespace: dict[str, object] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # tests may run the program
    expected = namespace["_expected"](**values)  # type: ignore[operator]
    assert out.read_text(encoding="utf-8") == expected
