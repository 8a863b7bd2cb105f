"""`--param k=v` texts as a pipeline's typed arguments, a located diagnostic per bad one.

A `str` parameter takes the text as it is; any other type takes a literal, read the
way flowc reads literals in source (`3`, `0.5`, `True`, `[1, 2]`, `{"a": 1}`) or as
JSON (`true`, `null`), then checked against the declared type and written as it
(`1` for a `float` is `1.0`). An artifact parameter takes the path of a file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from flowc.ir import codes
from flowc.ir.base import JsonValue
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Parameter, Pipeline
from flowc.ir.passes.constants import as_declared
from flowc.ir.types import ArtifactType, OptionalType, ScalarType, Type, render


class _BadValue(ValueError):
    pass


def parse_params(pipeline: Pipeline, texts: Sequence[str]) -> tuple[dict[str, object], list[Diagnostic]]:
    """The pipeline's arguments from `k=v` texts, defaults filled in, and a diagnostic per problem."""
    values: dict[str, object] = {}
    problems: list[Diagnostic] = []
    for text in texts:
        name, sep, raw = text.partition("=")
        param = pipeline.param(name.strip())
        if not sep:
            problems.append(Diagnostic.of(codes.BAD_RUN_PARAM, pipeline.span, repr(text), "expected NAME=VALUE"))
        elif param is None:
            known = ", ".join(p.name for p in pipeline.params) or "none"
            problems.append(Diagnostic.of(codes.UNKNOWN_RUN_PARAM, pipeline.span, pipeline.name, name, hint=f"parameters: {known}"))
        else:
            try:
                values[param.name] = parse_value(raw, param.type)
            except _BadValue as exc:
                problems.append(Diagnostic.of(codes.BAD_RUN_PARAM, param.span or pipeline.span, param.name, str(exc)))
    for param in pipeline.params:
        if param.name not in values and not any(d.code == codes.BAD_RUN_PARAM.code for d in problems):
            _fill_default(pipeline, param, values, problems)
    return values, problems


def given_names(texts: Sequence[str]) -> list[str]:
    """The parameter names `k=v` texts give."""
    return [text.partition("=")[0].strip() for text in texts if "=" in text]


def _fill_default(pipeline: Pipeline, param: Parameter, values: dict[str, object], problems: list[Diagnostic]) -> None:
    if param.has_default:
        values[param.name] = param.default
    elif isinstance(param.type, OptionalType):
        values[param.name] = None
    else:
        problems.append(Diagnostic.of(codes.MISSING_RUN_PARAM, param.span or pipeline.span, pipeline.name, param.name, param.name))


def parse_value(raw: str, t: Type) -> object:
    """`raw` as a value of `t`; raises ValueError saying what was expected."""
    if _is_text(t):
        return raw
    if isinstance(t, ArtifactType):
        path = Path(raw).resolve()
        if not path.exists():
            raise _BadValue(f"expected the path of an existing file for a {t.name}, got {raw!r}")
        return {"path": str(path), "uri": str(path), "metadata": {}}
    from flowc.dsl.reader.literals import fits

    value = _literal(raw)
    if isinstance(value, _NotALiteral) or not fits(value, t):
        raise _BadValue(f"expected {render(t)}, got {raw!r}")
    return as_declared(value, t)


def _is_text(t: Type) -> bool:
    inner = t.inner if isinstance(t, OptionalType) else t
    return isinstance(inner, ScalarType) and inner.name == "str"


class _NotALiteral:
    pass


def _literal(raw: str) -> JsonValue | _NotALiteral:
    """A Python literal as flowc's reader reads one in source, else JSON."""
    import libcst as cst

    from flowc.dsl.reader.literals import NotLiteral, literal_value

    try:
        return literal_value(cst.parse_expression(raw.strip()), lambda _name: None)
    except (cst.ParserSyntaxError, NotLiteral, RecursionError):
        pass
    try:
        value: JsonValue = json.loads(raw)
    except ValueError:
        return _NotALiteral()
    return value
