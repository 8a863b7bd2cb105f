"""Airflow DAG `params` -> pipeline parameters with defaults.

`params={"n": 3, "name": Param("x", type="string")}` gives the pipeline `n: int = 3` and
`name: str = "x"`: the type from `Param(type=...)` (JSON Schema names) or else from the
default's literal. In the DAG body a whole template string `"{{ params.n }}"` passed to
a step becomes the parameter `n` itself. Other `Param` arguments are noted.
"""

from __future__ import annotations

import re
from typing import cast

import libcst as cst

from flowc.importer.airflow_context import AirflowContext
from flowc.importer.emit import literal_value, snippet
from flowc.ir import codes

PARAM = "airflow.sdk.Param"
SCHEMA_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
TEMPLATE = re.compile(r"""^\{\{\s*params(?:\.(\w+)|\[\s*["'](\w+)["']\s*\])\s*\}\}$""")


def dag_params(value: cst.BaseExpression, ctx: AirflowContext, notes: list[str]) -> list[cst.Param] | None:
    """The pipeline parameters a `params={...}` literal declares; None when it is not a dict literal."""
    if not isinstance(value, cst.Dict):
        return None
    out: list[cst.Param] = []
    for element in value.elements:
        ok, key = literal_value(element.key) if isinstance(element, cst.DictElement) else (False, None)
        param = _param(key, element.value, ctx, notes) if ok and isinstance(key, str) and key.isidentifier() else None
        if param is None:
            notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, element, f"DAG param `{snippet(element)}`"))
        else:
            out.append(param)
    return out


def _param(name: str, value: cst.BaseExpression, ctx: AirflowContext, notes: list[str]) -> cst.Param | None:
    default, type_name = value, None
    if isinstance(value, cst.Call) and ctx.is_sdk_name(value.func, PARAM):
        given = {("default" if a.keyword is None and i == 0 else a.keyword.value if a.keyword else ""): a for i, a in enumerate(value.args)}
        if "default" not in given:
            return None
        default = given["default"].value
        schema = literal_value(given["type"].value)[1] if "type" in given else None
        type_name = SCHEMA_TYPES.get(schema) if isinstance(schema, str) else None
        notes.extend(ctx.notes.add(codes.IMPORT_DROPPED_OPTION, a, f"`{snippet(a)}` of Param {name!r}") for k, a in given.items() if k not in ("default", "type"))
    ok, literal = literal_value(default)
    if not ok:
        return None
    type_name = type_name or _literal_type(literal)
    if type_name is None:
        return None
    return cst.Param(
        name=cst.Name(name), annotation=cst.Annotation(cst.parse_expression(type_name)), default=default,
        equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(" "), whitespace_after=cst.SimpleWhitespace(" ")),
    )


def _literal_type(value: object) -> str | None:
    if isinstance(value, bool | int | float | str):
        return type(value).__name__
    items: list[object] = cast("list[object]", value) if isinstance(value, list) else []
    if items and len({type(v) for v in items}) == 1 and isinstance(items[0], bool | int | float | str):
        return f"list[{type(items[0]).__name__}]"
    return None


def template_param(node: cst.SimpleString, params: set[str]) -> str | None:
    """`n` for a string that is exactly `"{{ params.n }}"` (or `params['n']`) of a declared parameter."""
    value = node.evaluated_value
    found = TEMPLATE.match(value) if isinstance(value, str) else None
    name = (found.group(1) or found.group(2)) if found else None
    return name if name in params else None
