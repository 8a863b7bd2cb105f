"""`flowc diff`: which steps a change re-runs, and why, read from the cache keys of both sides.

    request = request_from(["main"], Path("."))          # main against the working tree
    print(render(diff(request, Path(".")), "markdown"))  # flowc.diff.sides, flowc.diff.render

Both sides are read statically (a revision through `git ls-tree`/`git cat-file`,
nothing checked out, no user code run) and keyed as `flowc compile -O0` keys them.
Steps are the task calls as written, before the optimizer fuses or merges them:
what a reviewer reads (`flowc explain` shows the engine steps; a call fused with one
that re-runs re-runs with it, and is listed apart). This module imports the rest
lazily: the CLI's parser reads `FORMATS` without loading the compiler.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flowc.diff.model import DiffResult
    from flowc.diff.sides import Request

FORMATS = ("text", "markdown", "github")


def diff(request: Request, cwd: Path) -> DiffResult:
    """Compare the two sides of `request`; a side that does not read cleanly gives diagnostics, not a comparison."""
    from flowc.diff.compare import compare
    from flowc.diff.git import GitError
    from flowc.diff.model import WORKING_TREE, DiffResult
    from flowc.diff.sides import missing_paths, opened_sides, read_side
    from flowc.ir import codes
    from flowc.ir.diagnostics import Diagnostic, has_errors, sorted_diagnostics

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
    result = DiffResult(old.label, new.label, diagnostics=diagnostics, sources={p: t for r in reads for p, t in r.sources.items()})
    if not has_errors(diagnostics):
        result.pipelines = compare(*reads)
    return result
