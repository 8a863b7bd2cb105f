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


@pytest.mark.parametrize("seed", range(4))
def test_random_edits_report_what_a_full_check_reports(seed: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    folder = write_project(tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    seen_codes: set[int] = set()
    for _ in range(12):
        for edit in rng.sample(EDITS, rng.randrange(1, 3)):
            edit(folder, rng)
        files = sorted(str(p.relative_to(tmp_path)) for p in folder.glob("*.py"))
        paths = rng.choice([["project"], files[: rng.randrange(1, len(files) + 1)] if files else ["project"]])
        argv = [*paths, "--root", "project", *rng.choice([[], ["--format", "json"], ["--format", "github"], ["-t", "kfp"]])]
        full = _check([*argv, "--no-cache"], capsys)
        assert _check(argv, capsys) == full, f"seed {seed}: {argv}"
        assert _check(argv, capsys) == full, f"seed {seed}, replayed: {argv}"
        seen_codes.add(full[0])
    assert seen_codes <= {0, 1}


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
