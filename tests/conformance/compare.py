"""How an engine's value is compared with plain Python's."""

from __future__ import annotations

import math
from typing import Any


def close(a: Any, b: Any) -> bool:
    """Equal, with floats compared by `math.isclose` (ints and floats alike: engines turn
    whole floats into ints and back) and lists, tuples and dicts compared item by item."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b, rel_tol=1e-9)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))  # pyright: ignore
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)  # pyright: ignore
    return a == b and type(a) is type(b)
