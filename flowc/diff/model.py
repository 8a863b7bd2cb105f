"""What `flowc diff` found: per pipeline, the steps that re-run and why, those added and removed, and how many reuse results.

A step is a task call (or sub-pipeline call) as the user wrote it, before the
optimizer fuses or merges calls: what a reviewer reads. Steps are matched by their
node id (`train`, `train_2`, ...) within a pipeline. With the optimizer on, a call
whose own key is unchanged still re-runs when it is fused into one engine step with a
call that changed: those are listed apart (`fused`), and do not count as reused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flowc.ir.diagnostics import Diagnostic, has_errors

WORKING_TREE = "working tree"  # the label of the side read from the files on disk, in a repository

# Why a step's key changed: the parts of a task's key (`cache_key.task_key_parts`),
# then what a step's key adds (its arguments, upstream steps, `after` waits).
PART_WORDS: dict[str, str] = {
    "code": "its code",
    "helper": "helper",
    "helpers": "the order of its helpers and imports",
    "image": "image",
    "packages": "packages",
    "env": "env",
    "secrets": "secrets",
    "signature": "its signature",
    "command": "its command",
    "task": "now calls",
    "pipeline": "sub-pipeline",
    "argument": "argument",
    "upstream": "upstream step",
    "order": "its `after` waits",
    "fused": "runs in the re-running engine step",
}


@dataclass(frozen=True)
class Location:
    """A line of a file on the new side (the old side for what was removed), as the output shows the path."""

    path: str
    line: int


@dataclass(frozen=True)
class Reason:
    """One cause of a changed key: a part (a key of PART_WORDS), which one (a helper, an argument, a step), where."""

    part: str
    name: str | None = None
    where: Location | None = None

    def text(self, quote: str = "") -> str:
        """`its code`, `helper clean`, `upstream step split` (names in `quote`s: backticks for Markdown)."""
        word = PART_WORDS[self.part]
        return word if self.name is None else f"{word} {quote}{self.name}{quote}"


@dataclass(frozen=True)
class Step:
    """A step of one side: its node id, the task (or pipeline) it calls, where the call is written."""

    id: str
    calls: str
    where: Location | None = None


@dataclass(frozen=True)
class ChangedStep:
    """A step on both sides whose cache key differs: it will run again."""

    step: Step
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class PipelineDiff:
    """One pipeline's changes; `status` is "added" or "removed" for a pipeline on one side only."""

    name: str
    status: str = "changed"
    rerun: tuple[ChangedStep, ...] = ()
    fused: tuple[ChangedStep, ...] = ()  # unchanged calls that re-run because the optimizer fused them with one that does
    added: tuple[Step, ...] = ()
    removed: tuple[Step, ...] = ()
    reused: int = 0
    where: Location | None = None

    @property
    def unchanged(self) -> bool:
        return self.status == "changed" and not (self.rerun or self.added or self.removed)


@dataclass
class DiffResult:
    """Both sides' labels, every pipeline's changes, and the diagnostics of reading the sides."""

    old: str
    new: str
    pipelines: list[PipelineDiff] = field(default_factory=lambda: [])
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])
    sources: dict[str, str] = field(default_factory=lambda: {})

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)
