"""`flowc import`: rewrite pipelines written with the kfp SDK, Airflow or flytekit into the flowc DSL."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from flowc.cli.common import report
from flowc.report import FORMATS


def register(sub: Any) -> None:
    imp = sub.add_parser(
        "import", help="rewrite kfp, Airflow or flytekit pipeline files into flowc (statically: nothing is run)",
        description="Rewrite pipeline files into the flowc DSL. What cannot be translated stays in the output as a "
        "`# flowc import:` comment and is reported (FLC9xx).",
    )
    imp.add_argument("paths", nargs="+", metavar="FILE", help="Python files written with one SDK")
    imp.add_argument("--from", dest="sdk", choices=("kfp", "airflow", "flyte"), help="the SDK (default: detected from the imports)")
    imp.add_argument("-o", "--out", metavar="DIR", help="write each file's translation here under its own name (default: stdout, one file only)")
    imp.add_argument("--format", choices=FORMATS, default="text", help="how diagnostics are printed")
    imp.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from flowc.importer import import_paths
    from flowc.ir.diagnostics import has_errors, sorted_diagnostics

    if args.out is None and len(args.paths) > 1:
        print("flowc import: several files need -o DIR", file=sys.stderr)
        return 2
    results = import_paths(args.paths, args.sdk)
    diagnostics = sorted_diagnostics(d for r in results for d in r.diagnostics)
    sources = {r.path: r.source for r in results if r.source is not None}
    translated = {r.path: r.text for r in results if r.text is not None}
    problem = _write(translated, Path(args.out), args.paths) if args.out is not None else None
    if problem is not None:
        diagnostics.append(problem)
    report(diagnostics, sources, args.format)
    if args.out is None and translated:
        sys.stdout.write(next(iter(translated.values())))
    return 1 if has_errors(diagnostics) or len(translated) < len(results) else 0


def _write(translated: dict[str, str], out: Path, inputs: list[str]) -> Any:
    """Write each translation as `out/<its file name>`; a refusal or failure as a diagnostic."""
    from flowc.api import write_diagnostic
    from flowc.codegen.files import WriteError, write_all
    from flowc.ir import codes
    from flowc.ir.diagnostics import Diagnostic

    files: dict[str, bytes] = {}
    for path, text in translated.items():
        name = Path(path).name
        if name in files:
            return Diagnostic.of(codes.WRITE_FAILED, None, out / name, "two inputs have this file name; import them separately")
        files[name] = text.encode("utf-8")
    try:
        write_all(out, files, inputs=inputs)
    except WriteError as exc:
        return write_diagnostic(exc)
    return None
