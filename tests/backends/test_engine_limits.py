"""Values one engine cannot hold are diagnosed for that engine only, at the literal (issue 8 #10).

`api.emit` runs `validate_for_engine` before a backend writes anything, so
`flowc compile -t kfp` refuses an int KFP would turn into a float while
`-t airflow` (Python ints) compiles the same file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc import api

SOURCE = '''\
from flowc import pipeline, task


@task(retries=3000000000)
def bump(x: int) -> int:
    return x + 1


@pipeline(schedule="@once")
def big(x: int = 9223372036854775808) -> int:
    return bump(x=9007199254740993)
'''
# target -> (code, line, col) of every diagnostic
EXPECTED = {
    "kfp": {("FLC207", 5, 5), ("FLC207", 10, 9), ("FLC207", 11, 19)},
    "airflow": {("FLC207", 5, 5)},
    "flyte": {("FLC207", 10, 9), ("FLC207", 10, 5)},
}


@pytest.mark.parametrize("target", sorted(EXPECTED))
def test_each_target_reports_only_what_it_cannot_hold(target: str, tmp_path: Path) -> None:
    path = tmp_path / "big.py"
    path.write_text(SOURCE)
    outcome = api.compile_to([path], [target], tmp_path / "out")
    got = {(d.code, d.span.line, d.span.col) for d in outcome.diagnostics if d.span is not None}
    assert got == EXPECTED[target], [d.message for d in outcome.diagnostics]
    assert not outcome.ok and not (tmp_path / "out").exists()


def test_check_alone_accepts_values_some_engine_can_hold(tmp_path: Path) -> None:
    path = tmp_path / "big.py"
    path.write_text(SOURCE)
    assert api.load([path]).ok


# The limits flowc declares are the engines' own: each is checked against the engine's library.


@pytest.mark.engine
def test_flyte_limits_are_flytekits() -> None:
    from datetime import timedelta

    from flyteidl.core import literals_pb2
    from flytekit import CronSchedule
    from google.protobuf.duration_pb2 import Duration

    from flowc.ir.cron import PRESETS
    from flowc.ir.values import LIMITS

    limits = LIMITS["flyte"]
    assert limits.presets is not None
    for preset in sorted(PRESETS):
        if preset in limits.presets:
            CronSchedule(schedule=preset)
        else:
            with pytest.raises(ValueError):
                CronSchedule(schedule=preset)
    literals_pb2.RetryStrategy(retries=limits.max_retries)
    with pytest.raises(ValueError):
        literals_pb2.RetryStrategy(retries=limits.max_retries + 1)
    def duration(seconds: int) -> str:  # a valid Duration has a JSON form; the IDL's range check lives there
        d = Duration()
        d.FromTimedelta(timedelta(seconds=seconds))
        return d.ToJsonString()

    duration(limits.max_timeout)
    with pytest.raises(ValueError):
        duration(limits.max_timeout + 1)
    literals_pb2.Primitive(integer=limits.max_int or 0)
    with pytest.raises(ValueError):
        literals_pb2.Primitive(integer=(limits.max_int or 0) + 1)


@pytest.mark.engine
def test_kfp_limits_are_the_pipeline_specs() -> None:
    from google.protobuf import struct_pb2
    from kfp.pipeline_spec import pipeline_spec_pb2

    from flowc.ir.values import LIMITS

    limits = LIMITS["kfp"]
    pipeline_spec_pb2.PipelineTaskSpec.RetryPolicy(max_retry_count=limits.max_retries)
    with pytest.raises(ValueError):
        pipeline_spec_pb2.PipelineTaskSpec.RetryPolicy(max_retry_count=limits.max_retries + 1)
    bound = limits.max_int or 0
    assert int(struct_pb2.Value(number_value=bound).number_value) == bound
    assert int(struct_pb2.Value(number_value=bound + 1).number_value) != bound + 1  # a double cannot hold it


@pytest.mark.engine
def test_airflow_limits_are_airflows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime

    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path))
    from airflow.sdk import DAG

    from flowc.ir.cron import PRESETS
    from flowc.ir.values import LIMITS

    limits = LIMITS["airflow"]
    assert limits.presets == PRESETS
    for preset in sorted(PRESETS):
        DAG(dag_id="limits", schedule=preset, start_date=datetime.datetime(2024, 1, 1))
    datetime.timedelta(seconds=limits.max_timeout)
    with pytest.raises(OverflowError):
        datetime.timedelta(seconds=limits.max_timeout + 86_400)
