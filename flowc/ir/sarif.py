"""Diagnostics as SARIF 2.1.0, the static-analysis log that code-scanning UIs read.

    print(render_sarif(diagnostics, tool_version="0.1.0"))

One run of the tool `flowc`; a rule per diagnostic code that occurs (its message
template and default hint from `flowc.ir.codes`), a result per diagnostic. Regions
use flowc's spans as they are: 1-based lines and columns counted in code points, the
end column just past the last character (SARIF's convention too). Relative paths
stay relative (to the folder the command ran in, `%SRCROOT%` for code scanning);
absolute ones become `file://` URIs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import quote

from flowc.ir.codes import REGISTRY
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/flowc/flowc/blob/main/docs/diagnostics.md"

JSONObject = dict[str, object]


def render_sarif(diagnostics: Sequence[Diagnostic], tool_version: str) -> str:
    """A SARIF 2.1.0 log (JSON text) holding every diagnostic of one flowc run."""
    codes = sorted({d.code for d in diagnostics})
    rule_index = {code: i for i, code in enumerate(codes)}
    driver: JSONObject = {
        "name": "flowc",
        "version": tool_version,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(code) for code in codes],
    }
    run: JSONObject = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, rule_index[d.code]) for d in diagnostics],
    }
    log: JSONObject = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False)


def _rule(code: str) -> JSONObject:
    """A reportingDescriptor for `code`: its template as the short description, its hint as help."""
    entry = REGISTRY.get(code)
    rule: JSONObject = {"id": code, "helpUri": f"{INFORMATION_URI}#{code.lower()}"}
    if entry is not None:
        rule["shortDescription"] = {"text": entry.message.replace("{!r}", "…").replace("{}", "…")}
        rule["defaultConfiguration"] = {"level": entry.severity}
        if entry.hint:
            rule["help"] = {"text": entry.hint}
    return rule


def _result(d: Diagnostic, index: int) -> JSONObject:
    text = d.message + (f"\nhint: {d.hint}" if d.hint else "")
    result: JSONObject = {"ruleId": d.code, "ruleIndex": index, "level": d.severity, "message": {"text": text}}
    if d.span is not None:
        result["locations"] = [_location(d.span)]
    return result


def _location(span: Span) -> JSONObject:
    region = {"startLine": span.line, "startColumn": span.col, "endLine": span.end_line, "endColumn": span.end_col}
    return {"physicalLocation": {"artifactLocation": {"uri": path_uri(span.path)}, "region": region}}


def path_uri(path: str) -> str:
    """A URI reference for a file path: relative stays relative (`/`-separated, escaped), absolute becomes `file://`.

    >>> path_uri("pipelines/my flow.py")
    'pipelines/my%20flow.py'
    >>> path_uri("/srv/a#b.py")
    'file:///srv/a%23b.py'
    """
    posix = PurePath(path).as_posix()
    quoted = quote(posix, safe="/", errors="surrogateescape")
    return f"file://{quoted}" if posix.startswith("/") else quoted
