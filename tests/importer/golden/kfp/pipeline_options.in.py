"""@dsl.pipeline: name kept, description -> docstring, typing and bare-list parameters."""
from typing import Dict, List, Optional

import kfp
from kfp import dsl


@kfp.dsl.component
def total(xs: List[int], weights: Optional[Dict[str, float]] = None) -> int:
    return sum(xs)


@dsl.pipeline(
    name="sum-pipeline",
    description="Add numbers up.",
    pipeline_root="gs://bucket/root",  # E: FLC903
)
def sum_pipeline(xs: list = [1, 2, 3], scale: Dict[str, float] = {"a": 1.0}) -> int:
    return total(xs=xs, weights=scale).output
