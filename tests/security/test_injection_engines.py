"""Text from a pipeline file reaches each engine's run verbatim: KFP placeholders,
Flyte templates and Jinja in code, docstrings, defaults and env values are never
substituted, and a crafted run parameter never becomes code. (kfp.local's own
runs are in test_injection_kfp.py.)"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from tests.backends.kfp.conftest import kfp_local_env  # noqa: F401  # pyright: ignore[reportUnusedImport]  (a fixture)
from tests.security.engines import run_airflow, run_flyte, run_kfp
from tests.security.injection_cases import (
    COMMENT_DOC, CONTAINER_TASK, CONTAINER_TEXT, DEFAULT, ENV_TASK, FUTURE_TASK, PLACEHOLDER_TASK, TWO_INPUTS_CONTAINER,
    crafted, expected, load_source,
    placeholder_task,
)

pytestmark = pytest.mark.engine


@pytest.mark.parametrize("mode", ["python", "kubernetes"])
def test_airflow_renders_no_user_text_as_jinja(tmp_path: Path, mode: str) -> None:
    marker = tmp_path / "INJECTED"
    x = crafted(marker)
    program = load_source(tmp_path, placeholder_task(COMMENT_DOC))
    values = run_airflow(program, mode, "injected", "echo", [{}, {"x": x}], tmp_path)
    assert values == [{"output": expected(DEFAULT, COMMENT_DOC)}, {"output": expected(x, COMMENT_DOC)}]
    assert not marker.exists()


def test_airflow_env_value_arrives_verbatim_in_a_pod(tmp_path: Path) -> None:
    program = load_source(tmp_path, ENV_TASK)
    assert run_airflow(program, "kubernetes", "env_injected", "env_echo", [{}], tmp_path) == [{"output": DEFAULT}]


def test_flyte_runs_placeholder_text_verbatim(tmp_path: Path) -> None:
    marker = tmp_path / "INJECTED"
    x = crafted(marker)
    program = load_source(tmp_path, PLACEHOLDER_TASK)
    assert run_flyte(program, "injected", {}, tmp_path / "default") == {"output": expected(DEFAULT)}
    assert run_flyte(program, "injected", {"x": x}, tmp_path / "crafted") == {"output": expected(x)}
    assert not marker.exists()


@pytest.mark.usefixtures("kfp_local_env")
def test_future_annotations_kept_on_kfp(tmp_path: Path) -> None:
    assert run_kfp(load_source(tmp_path, FUTURE_TASK), {}, tmp_path) == {"output": 42}


def test_future_annotations_kept_on_flyte(tmp_path: Path) -> None:
    assert run_flyte(load_source(tmp_path, FUTURE_TASK), "lazy", {}, tmp_path) == {"output": 42}


@pytest.mark.parametrize("mode", ["python", "kubernetes"])
def test_future_annotations_kept_on_airflow(tmp_path: Path, mode: str) -> None:
    assert run_airflow(load_source(tmp_path, FUTURE_TASK), mode, "lazy", "twice", [{}], tmp_path) == [{"output": 42}]


def test_flyte_local_container_fills_placeholders_in_one_pass(tmp_path: Path) -> None:
    # Flyte substitutes a raw container's templates once; a value is never read again.
    a = "{{.inputs.b}} /var/outputs {{.inputs.a}}"
    program = load_source(tmp_path, TWO_INPUTS_CONTAINER)
    assert run_flyte(program, "paired", {"a": a, "b": "B"}, tmp_path) == {"output": a + "|B"}


def test_airflow_pod_gets_container_text_verbatim(tmp_path: Path) -> None:
    program = load_source(tmp_path, CONTAINER_TASK)
    ((xcom,),) = [list(v.values()) for v in run_airflow(program, "kubernetes", "said", "say", [{}], tmp_path)]
    # A pod's str output travels as base64 text, decoded where it is consumed.
    assert base64.b64decode(xcom).decode("utf-8") == CONTAINER_TEXT


def test_flyte_container_gets_its_text_verbatim(tmp_path: Path) -> None:
    assert run_flyte(load_source(tmp_path, CONTAINER_TASK), "said", {}, tmp_path) == {"output": CONTAINER_TEXT}


@pytest.mark.usefixtures("kfp_local_env")
def test_kfp_container_gets_its_text_verbatim(tmp_path: Path) -> None:
    assert run_kfp(load_source(tmp_path, CONTAINER_TASK), {}, tmp_path) == {"output": CONTAINER_TEXT}
