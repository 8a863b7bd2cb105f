"""Kubernetes quantities as KFP's legacy numeric resource fields want them."""

from __future__ import annotations

from flowc.ir.quantities import quantity_value


def cpu_cores(text: str) -> float | None:
    return quantity_value(text)


def memory_gb(text: str) -> float | None:
    """Memory in (decimal) gigabytes, as KFP's `memoryLimit` field counts it."""
    value = quantity_value(text)
    return None if value is None else value / 1e9
