"""A helper imported from another module of the project is part of the tasks that use it.

`prepare` calls `textlib.trim` (`from textlib import trim`, textlib being a module of
the project): editing `trim` re-runs `prepare` (reason: helper `textlib.trim`, at its
line in textlib.py) and what reads it; editing another function of textlib re-runs
nothing, as the task ships only what it uses of textlib.
"""

from __future__ import annotations

from pathlib import Path

from flowc.diff.model import Location
from tests.diff.conftest import diff_here, edit, git, why

LIB = "pipelines/textlib.py"


def _uses_textlib(repo: Path) -> None:
    (repo / LIB).write_text('def trim(text: str) -> str:\n    return text.strip()\n\n\ndef unrelated() -> int:\n    return 1\n')
    edit(repo, "from flowc import pipeline, task\n", "from flowc import pipeline, task\nfrom textlib import trim\n")
    edit(repo, "    return [clean_text(r) for r in rows]", "    return [trim(r) for r in rows]")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "textlib")


def test_editing_an_imported_helper_re_runs_its_tasks_and_names_it(repo: Path) -> None:
    _uses_textlib(repo)
    edit(repo, "    return text.strip()", "    return text.strip().lower()", path=LIB)
    result = diff_here(repo)
    assert why(result) == {
        "prepare": ["helper textlib.trim"],
        "featurize": ["upstream step prepare"],
        "train": ["upstream step featurize"],
        "report": ["upstream step train"],
    }
    [flow] = result.pipelines
    [prepare] = [c for c in flow.rerun if c.step.id == "prepare"]
    assert prepare.reasons[0].where == Location(LIB, 1)


def test_editing_an_unused_function_of_that_module_re_runs_nothing(repo: Path) -> None:
    _uses_textlib(repo)
    edit(repo, "    return 1", "    return 2", path=LIB)
    [flow] = diff_here(repo).pipelines
    assert flow.unchanged
