"""`flowc diff` output: the Markdown pull-request comment (a snapshot) and GitHub annotations on the changed lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flowc.diff.render import STEPS_NOTE, md_code, render
from tests.diff.conftest import FLOW, diff_here, review_edit


def test_markdown_comment(repo: Path, snapshot: Any) -> None:
    review_edit(repo)
    assert render(diff_here(repo), "markdown") == snapshot


def line_of(repo: Path, text: str) -> int:
    return (repo / FLOW).read_text(encoding="utf-8").splitlines().index(text) + 1


def test_github_annotations_sit_on_the_changed_lines(repo: Path) -> None:
    review_edit(repo)
    lines = render(diff_here(repo), "github").splitlines()
    scale, image = line_of(repo, "SCALE = 4"), line_of(repo, '@task(image="python:3.13-slim")')
    call = line_of(repo, "    return summarize(text=report(score=score))")
    assert lines == [
        f"::notice file={FLOW},line={scale},title=flow.featurize re-runs::helper SCALE changed; downstream, train, report re-run too",
        f"::notice file={FLOW},line={image},title=flow.train re-runs::image changed; downstream, report re-runs too",
        f"::notice file={FLOW},line={call},title=flow.summarize is new::a new step: it runs with no cached result",
        f"::notice title=flowc diff::5 steps re-run ({STEPS_NOTE})",
    ]


def test_text_lists_each_step_and_why(repo: Path) -> None:
    review_edit(repo)
    text = render(diff_here(repo), "text")
    assert "pipeline flow: 3 steps re-run, 2 more with them in fused engine steps, 1 added, 1 removed, 0 reuse cached results" in text
    assert "  re-run   train      image (pipelines/flow.py:" in text
    assert "  fused    load       runs in the re-running engine step load+prepare+featurize\n" in text


def test_markdown_code_spans_hold_any_backticks() -> None:
    assert md_code("a`b") == "``a`b``"
    assert md_code("`x") == "`` `x ``"
