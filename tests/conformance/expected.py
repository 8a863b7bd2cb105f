"""What every example must produce on every engine.

Each case names an example file, one of its pipelines, the arguments of the run, the
pipeline's outputs (`output` for a single value, `output_0`, `output_1`, ... for a
tuple, field names for a NamedTuple), how many times listed tasks ran, and tasks that
must not run (the branch not taken). `test_expected_values_hold_in_plain_python`
re-derives the outputs by calling the example functions directly, so this table
cannot drift from the examples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Case:
    id: str
    example: str
    pipeline: str
    args: dict[str, Any]
    outputs: dict[str, Any]
    ran: dict[str, int] = field(default_factory=lambda: {})
    skipped: tuple[str, ...] = ()


CASES: tuple[Case, ...] = (
    Case("churn-publish", "churn", "churn", {}, {"output": 1.0}, {"train": 2, "publish": 1}),
    Case("churn-gate-closed", "churn", "churn", {"bar": 1.0}, {"output": 1.0}, {"train": 2}, ("publish",)),
    Case("churn-three-lrs", "churn", "churn", {"lrs": [0.5, 5.0, 0.05]}, {"output": 1.0}, {"train": 3, "publish": 1}),
    Case("feature-etl", "feature_etl", "feature_etl", {}, {"output": 12}, {"parse": 1, "summarize": 1}),
    Case("feature-etl-min4", "feature_etl", "feature_etl", {"min_count": 4}, {"output": 9}),
    Case("batch-3", "batch_inference", "batch_inference", {}, {"output": 27}, {"score_shard": 3, "audit": 3, "report": 1}),
    Case("batch-2", "batch_inference", "batch_inference", {"count": 2}, {"output": 18}, {"score_shard": 2, "audit": 2}),
    Case(
        "grid", "grid_search", "grid_search", {}, {"output_0": 33.75, "output_1": 6},
        {"simulate": 6, "record": 1}, ("alert",),
    ),
    Case(
        "grid-low", "grid_search", "grid_search", {"depths": [1], "widths": [4], "floor": 25.0},
        {"output_0": 10.75, "output_1": 1}, {"simulate": 1, "alert": 1},
    ),
    Case("region", "weekly_report", "region_report", {"region": "amer"}, {"output": 410.0}, {"fetch_sales": 1}),
    Case(
        "weekly-full", "weekly_report", "weekly_report", {},
        {"output_0": 961.0, "output_1": "emea: 274\namer: 410\napac: 277"},
        {"fetch_sales": 3, "render_full": 1, "archive": 1}, ("render_short", "announce"),
    ),
    Case(
        "weekly-short-record", "weekly_report", "weekly_report", {"mode": "short", "record": 900.0},
        {"output_0": 961.0, "output_1": "total: 961"}, {"render_short": 1}, ("render_full", "announce"),
    ),
    Case(
        "weekly-other-record", "weekly_report", "weekly_report", {"mode": "other", "record": 900.0},
        {"output_0": 961.0, "output_1": "record week: 961"}, {"announce": 2}, ("render_full", "render_short"),
    ),
)
