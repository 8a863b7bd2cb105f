"""`flowc diff`: which steps a change re-runs, and why, read from the cache keys of both sides.

    result = diff(Request(old="main", new=None), cwd=Path("."))   # main vs the working tree
    print(render(result, "markdown"))

Both sides are read statically (a revision through `git ls-tree`/`git cat-file`,
nothing checked out, no user code run) and keyed as `flowc compile -O0` keys them.
Steps are the task calls as written, before the optimizer fuses or merges them:
what a reviewer reads (`flowc explain` shows the engine steps a fused call is part
of; a fused engine step re-runs when any of its calls does).
"""

from __future__ import annotations

from pathlib import Path

from flowc.diff.compare import compare
from flowc.diff.git import GitError
from flowc.diff.model import WORKING_TREE, DiffResult
from flowc.diff.render import FORMATS, render
from flowc.diff.sides import Request, missing_paths, opened_sides, read_side, request_from
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic, has_errors, sorted_diagnostics

__all__ = ["FORMATS", "DiffResult", "Request", "diff", "render", "request_from"]


def diff(request: Request, cwd: Path) -> DiffResult:
    """Compare the two sides of `request`; a side that does not read cleanly gives diagnostics, not a comparison."""
    labels = (request.old or WORKING_TREE, request.new or WORKING_TREE)
    if request.directories:
        missing = [d for d in (request.old or ".", request.new or ".") if not (cwd / d).is_dir()]
        if missing:
            return DiffResult(*labels, diagnostics=[Diagnostic.of(codes.FILE_NOT_FOUND, None, d) for d in missing])
    try:
        with opened_sides(request, cwd) as (old, new, here):
            missing = missing_paths(request.paths, (old, new), here)
            reads = [read_side(side, request.paths, here, request.optimize) for side in (old, new)]
    except GitError as exc:
        return DiffResult(*labels, diagnostics=[Diagnostic.of(codes.GIT_FAILED, None, str(exc))])
    hint = "not a file or folder on either side, nor a commit"
    missed = [Diagnostic.of(codes.FILE_NOT_FOUND, None, path, hint=hint) for path in missing]
    diagnostics = sorted_diagnostics([*missed, *(d for read in reads for d in read.diagnostics)])
    sources = {path: text for read in reads for path, text in read.sources.items()}
    result = DiffResult(old.label, new.label, diagnostics=diagnostics, sources=sources)
    if not has_errors(diagnostics):
        result.pipelines = compare(*reads)
    return result
