"""Durations as flowc writes them ("90s", "5m", "2h"), from seconds or a literal `timedelta(...)`."""

from __future__ import annotations

from collections.abc import Collection

import libcst as cst

from flowc.importer.emit import literal_value
from flowc.importer.names import ImportedNames

_UNITS = (("d", 86400), ("h", 3600), ("m", 60), ("s", 1))
_SECONDS = {"weeks": 604800, "days": 86400, "hours": 3600, "minutes": 60, "seconds": 1}


def seconds_text(seconds: float) -> str | None:
    """"90s", "5m", "2h" for a whole positive number of seconds, else None.

    >>> seconds_text(300), seconds_text(90), seconds_text(0.5)
    ('5m', '90s', None)
    """
    whole = int(seconds)
    if whole != seconds or whole <= 0:
        return None
    unit, size = next((u, s) for u, s in _UNITS if whole % s == 0)
    return f"{whole // size}{unit}"


def timedelta_text(expr: cst.BaseExpression, names: ImportedNames, factories: Collection[str]) -> str | None:
    """The duration of a call of one of `factories` (`datetime.timedelta`, ...) with literal
    arguments (positional: days), as flowc writes it; None for anything else."""
    if not (isinstance(expr, cst.Call) and names.qualified(expr.func) in factories):
        return None
    total = 0.0
    for arg in expr.args:
        ok, value = literal_value(arg.value)
        key = arg.keyword.value if arg.keyword is not None else "days"
        if not ok or not isinstance(value, int | float) or isinstance(value, bool) or key not in _SECONDS:
            return None
        total += value * _SECONDS[key]
    return seconds_text(total)
