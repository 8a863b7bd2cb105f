"""Kubernetes resource quantities as numbers (`"500m"` -> 0.5, `"2Gi"` -> 2147483648.0)."""

from __future__ import annotations

import re

_SUFFIX = {
    "": 1.0, "m": 1e-3, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
    "Ki": 2.0**10, "Mi": 2.0**20, "Gi": 2.0**30, "Ti": 2.0**40, "Pi": 2.0**50, "Ei": 2.0**60,
}
_QUANTITY = re.compile(r"^([+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)([KMGTPE]i|[mkKMGTPE]|)$")


def quantity_value(text: str) -> float | None:
    """The plain number a quantity stands for, or None if it is not a quantity.

    >>> quantity_value("500m"), quantity_value("2Gi"), quantity_value("lots")
    (0.5, 2147483648.0, None)
    """
    match = _QUANTITY.match(text.strip())
    if match is None:
        return None
    return float(match.group(1)) * _SUFFIX[match.group(2)]
