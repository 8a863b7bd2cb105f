"""`flowc import`: pipelines written with the kfp SDK, Airflow or flytekit, rewritten into the flowc DSL.

Statically: the input is parsed with libcst and never imported or run. Each SDK has a
translator module (`kfp.py`, `airflow.py`, `flyte.py`, with their helpers `kfp_*.py`,
`airflow_*.py`, `flyte_*.py`) over shared pieces (`emit.py` notes and CST builders,
`names.py` what imported names mean, `module.py` the module around the translation,
`ordering.py` `with after(...)`, `types.py` annotations) that rewrites the original tree in place, so what it
does not touch keeps its comments and formatting. Everything it cannot translate stays
in the output as a `# flowc import: ...` comment and is reported as a located diagnostic
(FLC9xx).

    results = import_paths(["pipeline.py"], source=None)   # None: detect from the imports
    for r in results: print(r.text)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span
from flowc.importer.emit import Notes
from flowc.importer.names import imported_roots

Sdk = Literal["kfp", "airflow", "flyte"]
SDKS: tuple[Sdk, ...] = get_args(Sdk)
# The packages whose import marks a file as written for each SDK.
SDK_ROOTS: dict[Sdk, tuple[str, ...]] = {"kfp": ("kfp",), "airflow": ("airflow",), "flyte": ("flytekit",)}

Translate = Callable[[cst.Module, Notes], cst.Module]


@dataclass
class ImportResult:
    """One input file rewritten: the flowc source (None when nothing could be read) and every diagnostic."""

    path: str
    sdk: Sdk | None
    source: str | None
    text: str | None
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])


def detect(module: cst.Module) -> Sdk | None:
    """The SDK a module is written with, from its imports; None when it imports none or several."""
    roots = imported_roots(module)
    found: list[Sdk] = [sdk for sdk in SDKS if any(r in roots for r in SDK_ROOTS[sdk])]
    return found[0] if len(found) == 1 else None


def translator(sdk: Sdk) -> Translate:
    """The translator of `sdk` (its module is imported only when needed)."""
    if sdk == "kfp":
        from flowc.importer.kfp import translate

        return translate
    if sdk == "airflow":
        from flowc.importer.airflow import translate as airflow_translate

        return airflow_translate
    from flowc.importer.flyte import translate as flyte_translate

    return flyte_translate


def import_text(path: str, text: str, sdk: Sdk | None = None) -> ImportResult:
    """Rewrite one file's text into the flowc DSL."""
    from flowc.dsl.reader.source import parse

    parsed, problem = parse(path, text)
    if parsed is None:
        return ImportResult(path, sdk, text, None, [problem] if problem else [])
    module = parsed.module
    chosen = sdk or detect(module)
    whole = Span(path=path, line=1, col=1, end_line=1, end_col=1)
    if chosen is None:
        return ImportResult(path, None, text, None, [Diagnostic.of(codes.IMPORT_UNKNOWN_SDK, whole, path)])
    translate = translator(chosen)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    notes = Notes(path, wrapper.resolve(PositionProvider))
    out = translate(wrapper.module, notes)
    return ImportResult(path, chosen, text, out.code, notes.diagnostics)


def import_paths(paths: Sequence[str | Path], sdk: Sdk | None = None) -> list[ImportResult]:
    """Rewrite each file (read as Python reads source: UTF-8 or its coding line), in order."""
    from flowc.dsl.reader.source import read_text

    results: list[ImportResult] = []
    for given in paths:
        path = str(given)
        text, problem = read_text(path, Path(path))
        if text is None:
            results.append(ImportResult(path, sdk, None, None, [problem] if problem else []))
        else:
            results.append(import_text(path, text, sdk))
    return results
