"""KFP substitutes `{{$...}}` placeholders anywhere in a container's command and args:
text from a pipeline file (code, comments, docstrings, defaults) must never form one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flowc.backends.kfp.components import INSTALL_BOOTSTRAP, RUN_BOOTSTRAP, encoded
from tests.backends.kfp.conftest import kfp_local_env  # noqa: F401  # pyright: ignore[reportUnusedImport]  (a fixture)
from tests.backends.kfp.kfp_check import documents, strict_parse
from tests.backends.kfp.local_run import run_spec
from tests.security.injection_cases import COMMENT_DOC, DEFAULT, PLACEHOLDER_TASK, crafted, emit_one, expected, load_source, placeholder_task


def _spec(tmp_path: Path, source: str = PLACEHOLDER_TASK) -> Path:
    name, text = emit_one(load_source(tmp_path, source), "kfp")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_text_reaches_command_or_args(tmp_path: Path) -> None:
    spec, _ = documents(_spec(tmp_path).read_text(encoding="utf-8"))
    for executor in spec["deploymentSpec"]["executors"].values():
        container = executor["container"]
        parts = [*container["command"], *container.get("args", [])]
        assert [p for p in parts if "{{" in p] == ["{{$}}"]
        assert not any("echo" in p or "ds" in p for p in parts)


def test_bootstraps_hold_no_braces() -> None:
    assert "{" not in RUN_BOOTSTRAP + INSTALL_BOOTSTRAP


def test_packages_are_not_shell_text(tmp_path: Path) -> None:
    # The reader accepts PEP 508 requirements only; the backend must not rely on it.
    program = load_source(tmp_path, PLACEHOLDER_TASK)
    echo = program.task("echo")
    options = echo.options.model_copy(update={"packages": ("x{{$}}", "y'; touch /tmp/owned; '")})
    program = program.model_copy(update={"tasks": (echo.model_copy(update={"options": options}),)})
    _, text = emit_one(program, "kfp")
    strict_parse(text)
    spec, _ = documents(text)
    (executor,) = spec["deploymentSpec"]["executors"].values()
    parts = [*executor["container"]["command"], *executor["container"]["args"]]
    assert [p for p in parts if "{{" in p or "touch" in p] == ["{{$}}"]


@pytest.mark.engine
@pytest.mark.usefixtures("kfp_local_env")
def test_crafted_parameter_stays_data_on_kfp_local(tmp_path: Path) -> None:
    marker = tmp_path / "INJECTED"
    x = crafted(marker)
    outputs, _ = run_spec(_spec(tmp_path, placeholder_task(COMMENT_DOC)), {"x": x}, tmp_path / "root")
    assert not marker.exists(), "a run parameter ran as code inside the task"
    assert outputs == {"output": expected(x, COMMENT_DOC)}


@pytest.mark.engine
@pytest.mark.usefixtures("kfp_local_env")
def test_default_with_template_text_runs_verbatim_on_kfp_local(tmp_path: Path) -> None:
    outputs, _ = run_spec(_spec(tmp_path), {}, tmp_path / "root")
    assert outputs == {"output": expected(DEFAULT)}


def test_install_bootstrap_installs_then_runs_the_program() -> None:
    # An installed, unpinned requirement is "already satisfied" without the network.
    program = encoded("import sys; print('ran', sys.argv[3:])")
    packages = encoded(json.dumps(["pyyaml"]))
    command = [sys.executable, "-c", INSTALL_BOOTSTRAP + RUN_BOOTSTRAP, program, packages, "--executor_input", "{}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ran ['--executor_input', '{}']"
