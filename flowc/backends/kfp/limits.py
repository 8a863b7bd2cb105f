"""Limits KFP and Argo enforce at submit time, checked at compile time instead."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Parameter, Pipeline
from flowc.ir.span import Span

MAX_SPEC_BYTES = 1024 * 1024
MAX_DEFAULT_CHARS = 10_000
MAX_NAME = 63
_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")


def default_problems(owner: str, params: Iterable[Parameter], span: Span | None) -> Iterator[Diagnostic]:
    for p in params:
        if not p.has_default or p.default is None:
            continue
        text = p.default if isinstance(p.default, str) else json.dumps(p.default)
        if len(text) > MAX_DEFAULT_CHARS:
            yield Diagnostic.of(codes.KFP_DEFAULT_TOO_LONG, p.span or span, f"{owner}.{p.name}", len(text), MAX_DEFAULT_CHARS)


def name_problem(name: str) -> str | None:
    if not _NAME.match(name):
        return "it must be lowercase letters, digits and dashes, starting and ending with a letter or digit"
    if len(name) > MAX_NAME:
        return f"it is longer than {MAX_NAME} characters"
    return None


def size_problem(pipeline: Pipeline, size: int, limit: int = MAX_SPEC_BYTES) -> Diagnostic | None:
    if size <= limit:
        return None
    return Diagnostic.of(codes.KFP_SPEC_TOO_LARGE, pipeline.span, pipeline.name, size, limit)
