"""The library facade: read, check, optimize and emit. The CLI and the tests call this.

    loaded = load(["examples/churn.py"])          # read + validate + passes
    if not loaded.ok: print(render(loaded))
    result = emit(loaded.program, "kfp", {})      # files in memory
    compile_to(["examples"], ["kfp"], Path("out"))  # all of it, written atomically

Nothing here imports an engine SDK.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flowc.backends.base import EmitResult
from flowc.codegen.stale import Stale, stale_files
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic, fails, has_errors, render_text, sorted_diagnostics
from flowc.ir.model import Program
from flowc.ir.plan import PipelinePlan
from flowc.ir.span import Span, source_lines
from flowc.ir.task_options import ProjectDefaults


@dataclass
class Loaded:
    """A read and checked program, with every diagnostic and the sources they point into."""

    program: Program
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])
    sources: dict[str, str] = field(default_factory=lambda: {})

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def load(
    paths: Sequence[str | Path],
    *,
    root: str | Path | None = None,
    optimize: bool = True,
    overlays: Mapping[Path, str] | None = None,
    defaults: ProjectDefaults | None = None,
    names_from: Path | None = None,
) -> Loaded:
    """Read `paths` (files or directories) into a validated, optimized Program.

    Reading, validation and the passes each report diagnostics; passes run only on a
    program without errors. `defaults` are the project's task defaults ([tool.flowc]).
    `names_from`: the project's folder, when the paths come from its configuration: the
    file names shipped in artifacts are relative to it (`flowc.ir.origins`).
    """
    loaded = read(paths, root=root, overlays=overlays, defaults=defaults)
    if names_from is not None:
        from flowc.ir.origins import rebased

        loaded = Loaded(rebased(loaded.program, names_from), loaded.diagnostics, loaded.sources)
    return prepared(loaded, optimize=optimize)


def read(
    paths: Sequence[str | Path],
    *,
    root: str | Path | None = None,
    overlays: Mapping[Path, str] | None = None,
    defaults: ProjectDefaults | None = None,
) -> Loaded:
    """Read and validate `paths`: the program as written (no passes run), every reader and validator diagnostic.

    `overlays` maps files (resolved paths) to text read in place of the file on disk:
    an editor's unsaved buffers (`flowc lsp`). `defaults` are the project's task defaults.
    """
    from flowc.dsl.reader import read_paths
    from flowc.ir.validate import validate

    result = read_paths(paths, root=root, overlays=overlays, defaults=defaults)
    diagnostics = list(result.diagnostics)
    if not has_errors(diagnostics):
        diagnostics.extend(validate(result.program))
    return Loaded(result.program, sorted_diagnostics(diagnostics), dict(result.sources))


def prepared(loaded: Loaded, *, optimize: bool = True) -> Loaded:
    """`loaded` as the backends get it: lowered, optimized unless told not to, keyed; as it was if it has errors."""
    from flowc.ir.passes import prepare

    if not loaded.ok:
        return loaded
    return Loaded(prepare(loaded.program, optimize=optimize), loaded.diagnostics, loaded.sources)


def emit(program: Program, target: str, options: Mapping[str, object] | None = None) -> EmitResult:
    """Run one backend on `program`: options parsed, its `check` first; problems become diagnostics."""
    from flowc.backends.driver import emit_target

    return emit_target(program, target, options or {})


def check(
    paths: Sequence[str | Path],
    targets: Sequence[str],
    *,
    options: Mapping[str, Mapping[str, object]] | None = None,
    root: str | Path | None = None,
    defaults: ProjectDefaults | None = None,
    optimize: bool = True,
    overlays: Mapping[Path, str] | None = None,
) -> Loaded:
    """Compile without writing: read and validate `paths`, then run every target's checks.

    Reports what `compile_to` would for the same arguments (but for write failures).
    """
    loaded = load(paths, root=root, optimize=optimize, overlays=overlays, defaults=defaults)
    return check_targets(loaded, targets, options=options)


def check_targets(loaded: Loaded, targets: Sequence[str], *, options: Mapping[str, Mapping[str, object]] | None = None) -> Loaded:
    """`loaded` (from `load`) with every target's checks added; none run when it has errors."""
    from flowc.backends.driver import check_target

    if not loaded.ok:
        return loaded
    found = list(loaded.diagnostics)
    for target in targets:
        found.extend(check_target(loaded.program, target, (options or {}).get(target, {})))
    return Loaded(loaded.program, sorted_diagnostics(found), loaded.sources)


@dataclass
class Explained:
    """The optimizer's plan per pipeline (`flowc explain`), with every diagnostic of reading them."""

    plans: list[PipelinePlan] = field(default_factory=lambda: [])
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])
    sources: dict[str, str] = field(default_factory=lambda: {})

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def explain(
    paths: Sequence[str | Path],
    *,
    root: str | Path | None = None,
    optimize: bool = True,
    pipelines: Sequence[str] = (),
    defaults: ProjectDefaults | None = None,
) -> Explained:
    """What the optimizer makes of each pipeline of `paths` (only those named in `pipelines`, if any).

    Without `optimize` every source step is its own engine step, as `compile -O0` emits it.
    """
    from flowc.ir.passes import lower
    from flowc.ir.passes.explain import explain_program

    loaded = read(paths, root=root, defaults=defaults)
    if not loaded.ok:
        return Explained([], loaded.diagnostics, loaded.sources)
    plans = explain_program(lower(loaded.program), passes=None if optimize else ())
    names = [plan.pipeline for plan in plans]
    hint = "pipelines: " + (", ".join(names) or "none")
    unknown = [Diagnostic.of(codes.UNKNOWN_PIPELINE, None, n, hint=hint) for n in dict.fromkeys(pipelines) if n not in names]
    chosen = [plan for plan in plans if not pipelines or plan.pipeline in pipelines]
    return Explained(chosen, sorted_diagnostics([*loaded.diagnostics, *unknown]), loaded.sources)


@dataclass
class CompileOutcome:
    """What `compile_to` did: files written per target, the stale ones, and every diagnostic."""

    written: dict[str, list[Path]] = field(default_factory=lambda: {})
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])
    sources: dict[str, str] = field(default_factory=lambda: {})
    stale: list[Stale] = field(default_factory=lambda: [])

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def compile_to(
    paths: Sequence[str | Path],
    targets: Sequence[str],
    out_dir: Path,
    *,
    options: Mapping[str, Mapping[str, object]] | None = None,
    root: str | Path | None = None,
    write: bool = True,
    defaults: ProjectDefaults | None = None,
    optimize: bool = True,
    leftovers: bool = False,
    strict: bool = False,
    names_from: Path | None = None,
) -> CompileOutcome:
    """Compile `paths` for every target and write the files, all or nothing.

    One layout whatever the number of targets: `out_dir/<target>/<file>`. Nothing is
    written unless every target emitted without errors, and never a file outside
    `out_dir` or over one of the compile's inputs. `optimize=False` is `flowc compile -O0`.
    `stale` lists the files that were missing or different before the write (and, with
    `leftovers`, the flowc files in the target folders it no longer generates); with
    `write=False` nothing is written, nor with `strict` when there is a warning.
    `names_from` is `load`'s (the project's folder when the paths come from its configuration).
    """
    loaded = load(paths, root=root, optimize=optimize, defaults=defaults, names_from=names_from)
    outcome = CompileOutcome(diagnostics=list(loaded.diagnostics), sources=loaded.sources)
    if not loaded.ok:
        return outcome
    staged: dict[str, bytes] = {}
    per_target: dict[str, list[str]] = {}
    for target in targets:
        result = emit(loaded.program, target, (options or {}).get(target, {}))
        outcome.diagnostics.extend(result.diagnostics)
        per_target[target] = [f"{target}/{rel}" for rel in sorted(result.files)]
        staged.update({f"{target}/{rel}": data for rel, data in result.files.items()})
    outcome.diagnostics = sorted_diagnostics(outcome.diagnostics)
    if fails(outcome.diagnostics, strict):
        return outcome
    problem = check_output(out_dir, list(staged), list(loaded.sources))
    if problem is None:
        outcome.stale = stale_files(out_dir, staged, targets=targets, leftovers=leftovers)
        problem = _write(out_dir, staged, list(loaded.sources)) if write else None
    if problem is not None:
        outcome.diagnostics.append(problem)
        return outcome
    if write:
        outcome.written = {t: [out_dir / rel for rel in rels] for t, rels in per_target.items()}
    return outcome


def stale_artifacts(
    paths: Sequence[str | Path],
    targets: Sequence[str],
    out_dir: Path,
    *,
    options: Mapping[str, Mapping[str, object]] | None = None,
    root: str | Path | None = None,
    defaults: ProjectDefaults | None = None,
    optimize: bool = True,
    leftovers: bool = False,
    strict: bool = False,
    names_from: Path | None = None,
) -> CompileOutcome:
    """`compile_to` without writing: every stale file is also an FLC822 error in `diagnostics`."""
    outcome = compile_to(
        paths, targets, out_dir, options=options, root=root, write=False, defaults=defaults, optimize=optimize,
        leftovers=leftovers, strict=strict, names_from=names_from,
    )
    outcome.diagnostics = sorted_diagnostics([*outcome.diagnostics, *(s.diagnostic() for s in outcome.stale)])
    return outcome


def _write(out_dir: Path, files: Mapping[str, bytes], inputs: Sequence[str]) -> Diagnostic | None:
    """Write `files` under `out_dir` (see `write_all`); a refusal or failure becomes a diagnostic."""
    from flowc.codegen.files import WriteError, write_all

    try:
        write_all(out_dir, files, inputs=inputs)
    except WriteError as exc:
        return write_diagnostic(exc)
    return None


def check_output(out_dir: Path, rels: Sequence[str], inputs: Sequence[str]) -> Diagnostic | None:
    """Why files `rels` may not be written under `out_dir` (outside it, or over an input), or None."""
    from flowc.codegen.files import WriteError, check_targets

    try:
        check_targets(out_dir, sorted(rels), inputs)
    except WriteError as exc:
        return write_diagnostic(exc)
    return None


def write_diagnostic(exc: OSError) -> Diagnostic:
    """The diagnostic for a refused or failed write; over an input, located at that input."""
    from flowc.codegen.files import OutsideOutput, OverInput, WriteError

    if isinstance(exc, OverInput):
        span = Span(path=str(exc.source), line=1, col=1, end_line=1, end_col=1)
        return Diagnostic.of(codes.OUTPUT_OVER_INPUT, span, exc.path)
    if isinstance(exc, OutsideOutput):
        return Diagnostic.of(codes.OUTPUT_OUTSIDE, None, exc.path, exc.reason)
    if isinstance(exc, WriteError):
        return Diagnostic.of(codes.WRITE_FAILED, None, exc.path, exc.reason)
    return Diagnostic.of(codes.WRITE_FAILED, None, exc.filename or "?", exc.strerror or str(exc))


def render(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str]) -> str:
    """All diagnostics as text, each with its source line and caret."""
    lines_of = {path: source_lines(text) for path, text in sources.items()}
    return "\n\n".join(render_text(d, lines_of.get(d.span.path) if d.span else None) for d in diagnostics)
