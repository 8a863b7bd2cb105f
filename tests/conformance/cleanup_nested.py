"""`try/finally` nested in a `try` body, where engines allow it (Airflow, `flowc run`; KFP and Flyte
report it: tests/dsl/bad_inputs/try_placement.py)."""

from flowc import pipeline, run_status
from tests.conformance.cleanup_nesting import sub_clean, sub_work


@pipeline
def cleanup_nested(x: int = 1) -> int:
    try:
        try:
            y = sub_work(x=x)
        finally:
            sub_clean(status=run_status(), tag="inner")
        z = sub_work(x=y)
    finally:
        sub_clean(status=run_status(), tag="outer")
    return z
