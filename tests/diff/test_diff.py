"""`flowc diff` in a real git repository: what each kind of edit re-runs, and why."""

from __future__ import annotations

import shutil
from pathlib import Path

from flowc.diff import diff
from flowc.diff.sides import Request, request_from
from tests.diff.conftest import diff_here, edit, git, review_edit, why

EVERY_STEP = ["load", "audit", "prepare", "featurize", "train", "report"]


def test_comment_docstring_and_layout_changes_re_run_nothing(repo: Path) -> None:
    edit(repo, "    return text.strip().lower()", '    """Lower-cased."""\n    return (text.strip()  # trimmed\n            .lower())')
    edit(repo, "    return [clean_text(r) for r in rows]", "    # one per row\n    return [clean_text(r) for r in rows]")
    edit(repo, "@task\ndef load", "\n@task\ndef load")
    result = diff_here(repo)
    [flow] = result.pipelines
    assert flow.unchanged and flow.reused == len(EVERY_STEP)


def test_a_task_code_edit_re_runs_that_task_and_everything_downstream_only(repo: Path) -> None:
    edit(repo, "return [len(r) * SCALE for r in rows]", "return [len(r) * SCALE + 1 for r in rows]")
    result = diff_here(repo)
    assert why(result) == {
        "featurize": ["its code"],
        "train": ["upstream step featurize"],
        "report": ["upstream step train"],
    }
    [flow] = result.pipelines
    # prepare's own key is unchanged, but the optimizer fuses it into one engine step with featurize
    assert [(c.step.id, [r.text() for r in c.reasons]) for c in flow.fused] == [
        ("prepare", ["runs in the re-running engine step prepare+featurize+train+report"])
    ]
    assert flow.reused == 2  # load, audit
    unoptimized = diff_here(repo, Request(optimize=False)).pipelines[0]
    assert (unoptimized.fused, unoptimized.reused) == ((), 3)


def test_a_helper_edit_re_runs_exactly_the_tasks_using_it(repo: Path) -> None:
    edit(repo, "return text.upper() + \"!\"", "return text.upper() + \"!!\"")
    assert why(diff_here(repo)) == {"report": ["helper shout"]}


def test_a_shared_helper_edit_names_each_task_using_it_and_their_downstream(repo: Path) -> None:
    edit(repo, "return text.strip().lower()", "return text.strip().casefold()")
    reasons = why(diff_here(repo))
    assert {step for step, said in reasons.items() if "helper clean_text" in said} == {"prepare", "audit"}
    assert sorted(reasons) == sorted(["audit", "prepare", "featurize", "train", "report"])


def test_an_image_change_re_runs_that_task_located_at_the_keyword(repo: Path) -> None:
    edit(repo, 'image="python:3.12-slim"', 'image="python:3.13-slim"')
    result = diff_here(repo)
    assert why(result) == {"train": ["image"], "report": ["upstream step train"]}
    [train] = [c for c in result.pipelines[0].rerun if c.step.id == "train"]
    line = (repo / "pipelines/flow.py").read_text().splitlines().index('@task(image="python:3.13-slim")') + 1
    assert [(r.where.path, r.where.line) for r in train.reasons if r.where] == [("pipelines/flow.py", line)]


def test_added_and_removed_steps_and_pipelines(repo: Path) -> None:
    review_edit(repo)
    edit(repo, "def flow(", "def other(xs: list[int]) -> str:\n    return report(score=train(features=xs))\n\n\n@pipeline\ndef flow(")
    result = diff_here(repo)
    flow = next(p for p in result.pipelines if p.name == "flow")
    assert ([s.id for s in flow.added], [s.id for s in flow.removed]) == (["summarize"], ["audit"])
    other = next(p for p in result.pipelines if p.name == "other")
    assert other.status == "added" and [s.id for s in other.added] == ["train", "report"]


def test_two_revisions_read_without_checking_out_and_two_directories(repo: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(repo, old, ignore=shutil.ignore_patterns(".git"))
    edit(repo, "return [len(r) * SCALE for r in rows]", "return [len(r) * SCALE + 1 for r in rows]")
    git(repo, "commit", "-q", "-am", "featurize adds one")
    edit(repo, "return text.upper() + \"!\"", "return text.upper() + \"?\"")  # uncommitted: not in HEAD
    expected = {"featurize": ["its code"], "train": ["upstream step featurize"], "report": ["upstream step train"]}
    assert why(diff_here(repo, Request(old="HEAD~1", new="HEAD"))) == expected
    assert git(repo, "status", "--porcelain") == " M pipelines/flow.py\n"  # nothing checked out or written
    by_directories = diff_here(tmp_path, Request(old="old", new="repo", directories=True))
    assert why(by_directories) == {**expected, "report": ["helper shout", "upstream step train"]}
    assert by_directories.pipelines[0].rerun[0].reasons[0].where.path == "repo/pipelines/flow.py"  # type: ignore[union-attr]


def test_paths_limit_the_read_and_a_bad_revision_is_a_diagnostic(repo: Path) -> None:
    edit(repo, "return [len(r) * SCALE for r in rows]", "return [len(r) * SCALE + 1 for r in rows]")
    assert [d.code for d in diff(Request(paths=("elsewhere",)), repo).diagnostics] == ["FLC001"]
    assert diff_here(repo, Request(paths=("pipelines",))).pipelines[0].rerun
    bad = diff(Request(old="no-such-branch"), repo)
    assert [d.code for d in bad.diagnostics] == ["FLC840"] and "no-such-branch" in bad.diagnostics[0].message


def test_a_missing_directory_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    result = diff(Request(old="old", new="new", directories=True), tmp_path)
    assert [(d.code, d.message) for d in result.diagnostics] == [("FLC001", "no such file or directory: new")]


def test_arguments_are_revisions_then_paths_or_two_directories(repo: Path, tmp_path: Path) -> None:
    assert request_from([], repo) == Request("HEAD", None, ())
    assert request_from(["HEAD", "pipelines"], repo) == Request("HEAD", None, ("pipelines",))
    assert request_from(["HEAD", "HEAD", "pipelines"], repo) == Request("HEAD", "HEAD", ("pipelines",))
    assert request_from(["pipelines/flow.py"], repo) == Request("HEAD", None, ("pipelines/flow.py",))
    (tmp_path / "old").mkdir()
    assert request_from(["old", "repo", "x.py"], tmp_path) == Request("old", "repo", ("x.py",), directories=True)


def test_a_project_image_change_is_located_in_pyproject(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.flowc]\npaths = ["pipelines"]\nimage = "python:3.12"\n', encoding="utf-8")
    git(repo, "add", "pyproject.toml")
    git(repo, "commit", "-q", "-m", "a project image")
    edit(repo, 'image = "python:3.12"', 'image = "python:3.13"', path="pyproject.toml")
    changed = diff_here(repo, Request(optimize=False)).pipelines[0].rerun
    images = {c.step.id: [(r.where.path, r.where.line) for r in c.reasons if r.part == "image" and r.where] for c in changed}
    # every task but train (which names its own image, and re-runs as featurize's reader) takes the project's
    assert images == {**{step: [("pyproject.toml", 3)] for step in ["load", "audit", "prepare", "featurize", "report"]}, "train": []}
