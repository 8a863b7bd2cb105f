"""Values the engines cannot hold, and option strings that would reach pip, a shell or Kubernetes (issue 8 #6, #7, #10)."""

from __future__ import annotations

import pytest

from flowc.ir.cron import is_valid_schedule, never_fires
from flowc.ir.model import ConstBinding, Input, Parameter, Pipeline, Program, PythonTask, TaskCode, TaskNode, TaskOptions
from flowc.ir.span import Span
from flowc.ir.types import FLOAT, INT
from flowc.ir.validate import is_valid_quantity, validate, validate_for_engine
from flowc.ir.values import env_name_problem, requirement_problem, secret_name_problem


@pytest.mark.parametrize("spec", [
    "pandas", "pandas==2.2.3", "scikit-learn>=1.4,<2", "requests[security,socks]~=2.31", "numpy (>=1.26)",
    "torch==2.3.0+cpu", "pkg @ https://example.com/pkg-1.0.tar.gz", "tomli>=2; python_version < '3.11'",
])
def test_requirement_specifiers_are_accepted(spec: str) -> None:
    assert requirement_problem(spec) is None


@pytest.mark.parametrize("spec", [
    "--index-url=http://evil/", "-e .", "-r requirements.txt", " --pre", "pandas --index-url=x", "pandas; rm -rf /`",
    "", "pandas==2 pip", "a b", "pandas==$(id)",
])
def test_options_and_junk_are_not_requirements(spec: str) -> None:
    assert requirement_problem(spec) is not None


@pytest.mark.parametrize("name", ["A B=C", "", "A\nB", "1ABC", "A-B", "A.B", "É", "FLOWC_INPUTS", "flowc_scratch"])
def test_bad_env_names(name: str) -> None:
    assert env_name_problem(name) is not None


@pytest.mark.parametrize("name", ["A", "_X", "MY_SETTING_2", "lower_case"])
def test_good_env_names(name: str) -> None:
    assert env_name_problem(name) is None


@pytest.mark.parametrize("name", ["../../etc/passwd", "", "Upper", "-x", "x-", "a_b", "a/b", "a" * 254, "a..b"])
def test_bad_secret_names(name: str) -> None:
    assert secret_name_problem(name) is not None


@pytest.mark.parametrize("name", ["db-credentials", "a", "my.secret-1", "0abc"])
def test_good_secret_names(name: str) -> None:
    assert secret_name_problem(name) is None


@pytest.mark.parametrize("q", ["\u0661", "\u0662Gi", "5\u0660\u0660m", "\uff11"])
def test_unicode_digits_are_not_quantities(q: str) -> None:
    assert not is_valid_quantity(q)


@pytest.mark.parametrize("s", ["0 \u00b2 * * *", "*/\u00b9 * * * *", "\u0660 3 * * *", "0 \u0663 * * *", "*/\u0665 * * * *", "0 0 1-\u0662 * *", "0 0 * * \uff11"])
def test_unicode_digits_are_not_cron_numbers(s: str) -> None:
    assert not is_valid_schedule(s)


@pytest.mark.parametrize("s", ["0 0 31 2 *", "0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 30-31 2 *", "0 0 31 feb *"])
def test_schedules_that_never_fire(s: str) -> None:
    assert is_valid_schedule(s) and never_fires(s)


@pytest.mark.parametrize("s", ["0 0 29 2 *", "0 0 31 1-2 *", "0 0 31 2 mon", "0 0 31 * *", "0 0 */5 2 *", "@daily", "0 0 31 2 */2"])
def test_schedules_that_fire(s: str) -> None:
    assert not never_fires(s)


def _span(line: int) -> Span:
    return Span(path="p.py", line=line, col=1, end_line=line, end_col=5)


def _task(name: str = "t", line: int = 1, default: object = 0, **options: object) -> PythonTask:
    code = TaskCode(function_name=name, function=f"def {name}(x): ...")
    param = Parameter(name="x", type=INT, has_default=True, default=default, span=_span(line + 1))  # pyright: ignore[reportArgumentType]
    return PythonTask(name=name, params=(param,), returns=INT, code=code, span=_span(line), options=TaskOptions(**options))  # pyright: ignore[reportArgumentType]


def _program(task: PythonTask, arg: object = 1, schedule: str | None = None) -> Program:
    node = TaskNode(id="t", task=task.name, inputs=(Input(name="x", binding=ConstBinding(value=arg, span=_span(30))),), span=_span(29))  # pyright: ignore[reportArgumentType]
    pipeline = Pipeline(name="p", params=(Parameter(name="y", type=FLOAT, has_default=True, default=1.5, span=_span(21)),),
                        returns=INT, body=(node,), schedule=schedule, span=_span(20))
    return Program(tasks=(task,), pipelines=(pipeline,))


def _found(diags: list) -> list[tuple[str, int]]:  # pyright: ignore[reportMissingTypeArgument, reportUnknownParameterType]
    return sorted((d.code, d.span.line if d.span else 0) for d in diags)  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType, reportUnknownArgumentType]


def test_option_strings_are_checked_for_every_front_end() -> None:
    task = _task(packages=("--index-url=http://evil/", "pandas==2.2"), env=(("A B=C", "1"), ("OK", "2")), secrets=("../../etc/passwd",))
    assert _found(validate(_program(task))) == [("FLC310", 1), ("FLC311", 1), ("FLC312", 1)]


def test_non_finite_numbers_are_errors_everywhere() -> None:
    program = _program(_task(default=float("inf")), arg=[1.0, float("nan")])
    assert _found(validate(program)) == [("FLC206", 2), ("FLC206", 30)]


def test_a_schedule_that_never_fires_is_an_error() -> None:
    assert _found(validate(_program(_task(), schedule="0 0 31 2 *"))) == [("FLC313", 20)]


def test_big_ints_only_for_the_engines_that_cannot_hold_them() -> None:
    program = _program(_task(default=2**63), arg={"k": [2**53 + 1]})
    assert _found(validate(program)) == []
    assert _found(validate_for_engine(program, "kfp")) == [("FLC207", 2), ("FLC207", 30)]
    assert _found(validate_for_engine(program, "flyte")) == [("FLC207", 2)]
    assert validate_for_engine(program, "airflow") == []


def test_retries_and_timeouts_beyond_the_engines_fields() -> None:
    program = _program(_task(retries=2**31, timeout_seconds=400_000_000_000))
    assert _found(validate_for_engine(program, "kfp")) == [("FLC207", 1)]
    assert _found(validate_for_engine(program, "airflow")) == [("FLC207", 1)]
    assert _found(validate_for_engine(program, "flyte")) == [("FLC207", 1)]  # 2**31 fits Flyte's uint32; the timeout does not
    huge = _program(_task(timeout_seconds=10**14))
    assert [d.message.split(":")[0] for d in validate_for_engine(huge, "airflow")] == ["timeout (100000000000000s) cannot be held on airflow"]
    assert validate_for_engine(huge, "kfp") == []


def test_flyte_rejects_once_and_the_others_take_it() -> None:
    program = _program(_task(), schedule="@once")
    assert _found(validate_for_engine(program, "flyte")) == [("FLC207", 20)]
    assert validate_for_engine(program, "airflow") == [] and validate_for_engine(program, "kfp") == []


@pytest.mark.parametrize("s", [" @daily", "@daily ", "0 3 * * * ", "0\u20033 * * *", "0 3 * * *\n"])
def test_schedules_reach_the_engines_as_written_so_no_stray_whitespace(s: str) -> None:
    assert not is_valid_schedule(s)
