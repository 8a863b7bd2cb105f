"""Render values from user code as Python source, safely.

Every string that came from a user's file (a default, a docstring, a name) reaches
generated Python through `py_literal`, never through raw template interpolation,
so no value can close a string and inject code.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any


def py_literal(value: Any) -> str:
    """A Python expression that evaluates to `value` (JSON-like data only)."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return f"float({str(value)!r})"
        return repr(value)
    if isinstance(value, str):
        return _str_literal(value)
    if isinstance(value, Mapping):
        items = ", ".join(f"{py_literal(k)}: {py_literal(v)}" for k, v in value.items())  # pyright: ignore[reportUnknownVariableType]
        return "{" + items + "}"
    if isinstance(value, tuple):
        inner = ", ".join(py_literal(v) for v in value)  # pyright: ignore[reportUnknownVariableType]
        return "(" + inner + ("," if len(value) == 1 else "") + ")"  # pyright: ignore[reportUnknownArgumentType]
    if isinstance(value, Sequence):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"  # pyright: ignore[reportUnknownVariableType]
    raise TypeError(f"cannot render {type(value).__name__} as a Python literal")


def _str_literal(s: str) -> str:
    # repr() is a correct literal; escape non-ASCII so output is plain ASCII and
    # survives any file encoding or editor.
    return repr(s).encode("ascii", "backslashreplace").decode("ascii")


def py_lines(text: str, indent: str) -> str:
    """A long string as adjacent literals, one source line each (one constant once compiled).

    Continuation lines are indented by `indent` and four spaces more; the closing
    parenthesis by `indent`.
    """
    # Split at "\n" only: any split keeps the value, and U+2028 & co. stay inside a piece.
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    if len(lines) <= 1:
        return py_literal(text)
    inner = "".join(f"\n{indent}    {py_literal(line)}" for line in lines)
    return f"({inner}\n{indent})"


def py_docstring(doc: str, indent: str = "") -> str:
    """A safe triple-quoted docstring, or a plain literal when that is not possible.

    Continuation lines get `indent`, as a person would write them; the docstring's
    meaning (`inspect.cleandoc`) is unchanged.
    """
    plain = all(ch.isprintable() or ch in "\n\t" for ch in doc)
    if '"""' in doc or doc.endswith('"') or "\\" in doc or not doc.isascii() or not plain:
        return indent + py_literal(doc)
    body = doc.replace("\n", "\n" + indent) if indent else doc
    return f'{indent}"""{body}"""'


def py_identifier(name: str) -> str:
    """`name` if it is a valid identifier, else a clear error (callers sanitize first)."""
    if not name.isidentifier():
        raise ValueError(f"{name!r} is not a Python identifier")
    return name
