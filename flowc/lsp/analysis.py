"""What the language server checks, and how: `flowc check` on the open pipeline documents.

Each project (the nearest pyproject.toml, with its `[tool.flowc]` settings) is checked
as `flowc check` checks the open files of it, with the editor's unsaved text read in
place of the files on disk (the reader's `overlays`): nothing is imported or run. The
check runs in two steps, so that the reader's and the validator's diagnostics reach the
editor before the optimizer and the engines' checks, which take longer, have run:
`read_documents` (what `api.read` reports) then `check_documents` (the rest of
`api.check`). Together they report exactly what `flowc check` reports.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from flowc import api
from flowc.config import ConfigError, check_option_tables, find_pyproject, load_config, option_tables, should_optimize
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic, sorted_diagnostics
from flowc.ir.model import Program
from flowc.ir.plan import PipelinePlan
from flowc.lsp.calls import CallIndex

# A module with tasks only is a normal part of a project: opening one in the editor is
# like finding it in a folder `flowc check` walks, where "no @pipeline" is not reported.
_NOT_REPORTED = frozenset({codes.NO_PIPELINES.code})


@dataclass(frozen=True)
class Document:
    """An open Python file: its URI, the file it is (symlinks resolved), its text and version.

    Only documents that mention flowc are `checked`; the others define no task or
    pipeline and get no diagnostics, but their unsaved text is what a checked module
    reads when it imports a constant from them.
    """

    uri: str
    file: Path
    text: str
    version: int | None = None

    @property
    def checked(self) -> bool:
        return "flowc" in self.text


def is_python_file(file: Path) -> bool:
    """Whether an open document is a Python file on disk (a new, never saved buffer is not read)."""
    return file.suffix == ".py" and os.path.isfile(file)


@dataclass(frozen=True)
class Settings:
    """What `flowc check` would use in one project; `problems` (in pyproject.toml) stop the check, as there."""

    config_file: Path | None = None
    root: Path | None = None
    targets: tuple[str, ...] = ()
    options: dict[str, dict[str, object]] = field(default_factory=lambda: {})
    problems: tuple[Diagnostic, ...] = ()
    optimize: bool = True


def settings_for(config_file: Path | None) -> Settings:
    """The settings of the project whose pyproject.toml is `config_file` (defaults when None)."""
    from flowc.backends import registry

    if config_file is None:
        return Settings(targets=tuple(registry.expand(["all"])))
    try:
        config = load_config(config_file.parent)
    except ConfigError as exc:
        return Settings(config_file, problems=(Diagnostic.of(codes.BAD_CONFIG, None, str(exc)),))
    problems = sorted_diagnostics([*config.diagnostics, *check_option_tables(config, [])])
    targets = tuple(registry.expand(list(config.targets) or ["all"]))
    optimize = should_optimize(config, None, no_optimize=False)
    return Settings(config_file, config.root, targets, option_tables(config, []), tuple(problems), optimize)


def project_of(document: Document) -> Path | None:
    """The pyproject.toml whose settings apply to `document`."""
    return find_pyproject(document.file.parent)


def read_documents(documents: list[Document], settings: Settings, overlays: Mapping[Path, str]) -> api.Loaded:
    """The first step of the check: the documents (and the project modules they import) read and validated.

    `overlays`: the text of every open document, read in place of its file.
    """
    if settings.problems:
        return api.Loaded(Program(), list(settings.problems), _config_source(settings.config_file))
    loaded = api.read([str(d.file) for d in documents], root=settings.root, overlays=overlays)
    loaded.diagnostics = [d for d in loaded.diagnostics if d.code not in _NOT_REPORTED]
    return loaded


def check_documents(written: api.Loaded, settings: Settings) -> api.Loaded:
    """The rest of the check: the passes, then every configured target's checks (nothing when `written` has errors)."""
    return api.check_targets(api.prepared(written, optimize=settings.optimize), settings.targets, options=settings.options)


def _config_source(config_file: Path | None) -> dict[str, str]:
    """pyproject.toml's text, so that its problems can be located in it."""
    if config_file is None:
        return {}
    try:
        return {str(config_file): config_file.read_text(encoding="utf-8")}
    except (OSError, UnicodeDecodeError):
        return {}


def diagnostic_key(d: Diagnostic) -> tuple[object, ...]:
    """What makes two diagnostics the same one (as `sorted_diagnostics` deduplicates them)."""
    return (d.code, d.message, d.span)


@dataclass
class Check:
    """One check of a project's open documents: the program as written, its diagnostics, and what the optimizer makes of it.

    `engine` holds the diagnostics that only the second step reports; until it has run
    for these documents, those of the last check that ran it stand (as a build's
    diagnostics stay in an editor until the next build), unless reading found errors,
    which stop `flowc check` before the engines' checks.
    """

    documents: list[Document]
    settings: Settings
    written: api.Loaded
    engine: list[Diagnostic] = field(default_factory=lambda: [])

    @property
    def runs_engines(self) -> bool:
        """Whether the second step runs the engines' checks (`flowc check` stops before them on errors)."""
        return self.written.ok and not self.settings.problems

    def carry_over(self, engine: list[Diagnostic]) -> None:
        """Show `engine` (the last known engine diagnostics) until this check's own are known."""
        if self.runs_engines:
            self.engine = list(engine)

    def complete(self, compiled: api.Loaded) -> None:
        """The second step's result: what it found beyond the first is the engines' part."""
        own = {diagnostic_key(d) for d in self.written.diagnostics}
        self.engine = [d for d in compiled.diagnostics if diagnostic_key(d) not in own]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return sorted_diagnostics([*self.written.diagnostics, *self.engine])

    @property
    def sources(self) -> dict[str, str]:
        return self.written.sources

    @cached_property
    def plans(self) -> dict[str, PipelinePlan]:
        """Per pipeline, the engine steps the optimizer makes (as `flowc explain` shows them); computed on first use.

        Empty when the program does not compile (reading found errors).
        """
        from flowc.ir.passes import lower
        from flowc.ir.passes.explain import explain_program

        if not self.runs_engines:
            return {}
        plans = explain_program(lower(self.written.program), passes=None if self.settings.optimize else ())
        return {plan.pipeline: plan for plan in plans}

    @cached_property
    def calls(self) -> CallIndex:
        """The calls of the program as written, for hover and go to definition."""
        return CallIndex(self.written.program)

    def document(self, uri: str) -> Document | None:
        return next((d for d in self.documents if d.uri == uri), None)
