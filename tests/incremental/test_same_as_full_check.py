"""A cached `flowc check` reports exactly what a full check (`--no-cache`) reports, after any edits.

Random edits of a small project whose files import each other (seeded, so a failure
replays): syntax and wiring errors, names that collide across files, new imports
between files, deleted and new files, a folder that becomes a package. After each
round the cached check, its replay and the full check must print the same bytes and
return the same code, in each output format.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from flowc.cli import main
from tests.incremental.project import EDITS, write_project

Outcome = tuple[int, str, str]


def _check(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
    code = main(["check", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("seed", range(6))
def test_random_edits_report_what_a_full_check_reports(seed: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    folder = write_project(tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    seen_codes: set[int] = set()
    for _ in range(12):
        if rng.random() < 0.3:
            write_project(folder)  # every file as it was: a clean start for the next edits
        for edit in rng.sample(EDITS, rng.randrange(1, 3)):
            edit(folder, rng)
        files = sorted(str(p.relative_to(tmp_path)) for p in folder.glob("*.py"))
        paths = rng.choice([["project"], files[: rng.randrange(1, len(files) + 1)] if files else ["project"]])
        argv = [*paths, "--root", "project", *rng.choice([[], ["--format", "json"], ["--format", "github"], ["-t", "kfp"], ["-O0"], ["--no-optimize", "-t", "flyte"]])]
        full = _check([*argv, "--no-cache"], capsys)
        assert _check(argv, capsys) == full, f"seed {seed}: {argv}"
        assert _check(argv, capsys) == full, f"seed {seed}, replayed: {argv}"
        seen_codes.add(full[0])
    assert seen_codes == {0, 1}  # both clean and broken projects were compared


def test_a_cached_check_reuses_unchanged_units(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing one file re-reads it and the files that import it, nothing else."""
    from flowc.dsl.reader import program

    folder = write_project(tmp_path / "project")
    (folder / "p4.py").write_text((folder / "p4.py").read_text().replace("from lib import shared", "from p3 import work as shared"))
    read: list[set[str]] = []
    real = program.read_program

    def spy(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        read.append({Path(f).name for f in result.loaded})
        return result

    monkeypatch.setattr(program, "read_program", spy)
    _check([str(folder)], capsys)
    assert sorted(map(sorted, read)) == sorted(map(sorted, [{"lib.py"}, {"lib.py", "p0.py"}, {"lib.py", "p1.py"}, {"lib.py", "p2.py"}, {"lib.py", "p3.py"}, {"lib.py", "p3.py", "p4.py"}, {"lib.py", "p3.py", "p4.py"}]))
    read.clear()
    (folder / "p1.py").write_text((folder / "p1.py").read_text().replace("x * 2", "x * 3"))
    _check([str(folder)], capsys)
    assert read == [{"p1.py", "lib.py"}]  # nothing else imports p1
    (folder / "p3.py").write_text((folder / "p3.py").read_text().replace("x * 2", "x * 3"))
    read.clear()
    _check([str(folder)], capsys)
    assert read == [{"p3.py", "p4.py", "lib.py"}]  # p4 imports p3: their unit is read again
    (folder / "lib.py").write_text((folder / "lib.py").read_text().replace("x + 1", "x + 2"))
    read.clear()
    _check([str(folder)], capsys)
    assert len(read) == 5  # every file imports lib


BREAKS = {
    "read": ("x * 2", "x * 2\n\ndef broken(:\n    pass"),  # a syntax error: reading fails
    "validate": ("    return x * 2\n", '    return x * 2\n\n\n@task(image="python:3.12-slim", name="T-X")\ndef other(x: int) -> int:\n    return x\n'),
    "limits": ("n: int = ", "n: int = 123456789012345678901 or "),  # more than KFP's and Flyte's numbers hold
}


@pytest.mark.parametrize("broken", [("read", "validate"), ("read", "limits"), ("validate", "limits"), ("limits",), ("read", "validate", "limits")])
def test_one_files_errors_hide_later_stages_of_the_others(
    broken: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in a full check: a reading error anywhere stops validation everywhere, any error stops the backends,
    one file beyond an engine's limits stops that engine's checks of every file; reused units included."""
    folder = write_project(tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    argv = ["project/lib.py", *(f"project/p{i}.py" for i in range(5))]
    assert _check(argv, capsys)[0] == 0
    for i, stage in enumerate(broken):
        path = folder / f"p{i}.py"
        old, new = BREAKS[stage]
        text = path.read_text().replace(old, new, 1)
        path.write_text(text.replace("T-X", f"T{i}"))  # beside task t{i}: both are t{i} on KFP (FLC404)
        full = _check([*argv, "--no-cache"], capsys)
        assert _check(argv, capsys) == full
        assert full[0] == 1


def test_diagnostics_that_tie_come_in_the_order_of_a_full_check(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Two files named without a pipeline: two unlocated FLC004 warnings, whichever unit was reused."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text("X = 1\n")
    (tmp_path / "b.py").write_text("Y = 1\n")
    _check(["a.py", "b.py"], capsys)
    (tmp_path / "a.py").write_text("X = 2\n")
    full = _check(["a.py", "b.py", "--no-cache"], capsys)
    assert full[2].count("FLC004") == 2
    assert _check(["a.py", "b.py"], capsys) == full
