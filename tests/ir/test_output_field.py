"""A NamedTuple field named `output` is that field, not the step's whole result.

`output` is also how flowc names a single result (SINGLE_OUTPUT); the importer keeps
users' field names, so a KFP component's `NamedTuple('Outputs', [('output', int)])`
reached the Flyte backend as the whole result and crashed `flowc check`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc import api

PROGRAM = Path(__file__).parent / "data" / "output_field.py"


@pytest.mark.parametrize("optimize", [True, False], ids=["optimized", "O0"])
def test_check_passes_on_every_target(optimize: bool) -> None:
    checked = api.check([PROGRAM], ["kfp", "airflow", "flyte"], root=PROGRAM.parent, optimize=optimize)
    assert checked.ok, api.render(checked.diagnostics, checked.sources)


def test_fused_steps_read_the_field(tmp_path: Path) -> None:
    """make_pair and add_length fuse into one step, which must hand over `p.output`, not `p`."""
    from tests.run.harness import run

    loaded = api.load([PROGRAM], root=PROGRAM.parent)
    assert loaded.ok
    assert run(loaded.program, "reads_fields", {"x": 5}, tmp_path / "fields").outputs == {"output": 7}
    assert run(loaded.program, "returns_field", {"x": 5}, tmp_path / "field").outputs == {"output": 5}
