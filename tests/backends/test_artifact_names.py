"""An artifact does not change because other files were compiled beside it.

`sales.py` and `stock.py` each define a task `extract`. Compiled together (`flowc
compile .`) the program qualifies both (`sales.extract`, `stock.extract`); compiled
alone each is plain `extract`. Each artifact is emitted from its own view of the
program, so `sales_flow` is the same bytes either way, on every target, while the
artifact that holds both `extract`s keeps them apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc import api
from tests.conftest import registered_backends

MONOREPO = Path(__file__).parent / "projects" / "monorepo"
BUILTIN = [b for b in registered_backends() if b in ("kfp", "airflow", "flyte")]


def _files(paths: list[Path], target: str) -> dict[str, bytes]:
    loaded = api.load(paths, root=MONOREPO, optimize=False)  # names as written: no fused steps
    assert loaded.ok, loaded.diagnostics
    result = api.emit(loaded.program, target)
    assert not [d for d in result.diagnostics if d.is_error], result.diagnostics
    return result.files


@pytest.mark.parametrize("target", BUILTIN)
def test_an_artifact_is_the_same_whatever_else_is_compiled(target: str) -> None:
    alone = _files([MONOREPO / "sales.py"], target)
    together = _files([MONOREPO / "sales.py", MONOREPO / "stock.py", MONOREPO / "both.py"], target)
    assert alone.keys() < together.keys()
    for name, data in alone.items():
        assert together[name] == data, name


@pytest.mark.parametrize("target", BUILTIN)
def test_an_artifact_holding_both_keeps_them_apart(target: str) -> None:
    files = _files([MONOREPO / "both.py"], target)
    text = b"".join(files.values()).decode()
    assert "sales" in text and "stock" in text
