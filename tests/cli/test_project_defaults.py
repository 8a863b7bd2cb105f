"""`[tool.flowc] image` and `packages`: the project's defaults for tasks that give none (issue 11),
and the Flyte backend's warning (FLC705) for an image it cannot tell has flytekit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flowc.cli import main

SOURCE = """\
from flowc import container_task, pipeline, task


@task
def bare(x: int) -> int:
    return x


@task(image="ghcr.io/acme/own:1", packages=["numpy==2.1.0"])
def own(x: int) -> int:
    return x


@task(packages=[])
def no_packages(x: int) -> int:
    return x


@container_task(image="busybox:1.36", command=["echo", "{x}"])
def shell(x: int) -> None: ...


@pipeline
def flow(x: int = 1) -> int:
    shell(x=no_packages(x=own(x=x)))
    return bare(x=x)
"""

FLYTEKIT = "cr.flyte.org/flyteorg/flytekit:py3.12-1.16.31"


def _project(tmp_path: Path, settings: str) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.flowc]\n" + settings)
    (tmp_path / "flow.py").write_text(SOURCE)
    return tmp_path / "flow.py"


def _options(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[str, list[str]]]:
    capsys.readouterr()
    assert main(["ir", str(path), "--no-optimize"]) == 0
    tasks: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["tasks"]
    return {t["name"]: (t["options"]["image"], t["options"]["packages"]) for t in tasks}


def _flyte_warnings(path: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> list[str]:
    capsys.readouterr()
    assert main(["check", str(path), "-t", "flyte", "--format", "json", *flags]) == 0
    return [d["message"] for d in json.loads(capsys.readouterr().out) if d["code"] == "FLC705"]


def test_project_image_and_packages_apply_where_a_task_gives_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _project(tmp_path, f'image = "{FLYTEKIT}"\npackages = ["pandas==2.2.3"]\n')
    assert _options(path, capsys) == {
        "bare": (FLYTEKIT, ["pandas==2.2.3"]),
        "own": ("ghcr.io/acme/own:1", ["numpy==2.1.0"]),  # the decorator's own values win
        "no_packages": (FLYTEKIT, []),  # an explicit empty list too
        "shell": ("busybox:1.36", []),  # a container task names its image and installs nothing
    }


def test_without_project_settings_the_built_in_defaults_stay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    options = _options(_project(tmp_path, ""), capsys)
    assert options["bare"] == ("python:3.12-slim", []) and options["no_packages"] == ("python:3.12-slim", [])


def test_the_project_image_reaches_the_generated_artifacts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _project(tmp_path, 'image = "ghcr.io/acme/base:7"\n')
    assert main(["compile", str(path), "-t", "kfp,flyte", "-o", str(tmp_path / "out")]) == 0
    assert "image: ghcr.io/acme/base:7" in (tmp_path / "out" / "kfp" / "flow.yaml").read_text()
    assert "container_image='ghcr.io/acme/base:7'" in (tmp_path / "out" / "flyte" / "flow_flyte.py").read_text()


@pytest.mark.parametrize(
    ("settings", "problem"),
    [('image = ""\n', "tool.flowc.image must be a non-empty image name"),
     ('packages = ["-e ."]\n', "tool.flowc.packages: '-e .': it starts with '-'"),
     ("packages = [1]\n", "tool.flowc.packages must be a list of strings")],
)
def test_bad_project_defaults_are_config_errors(
    settings: str, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _project(tmp_path, settings)
    assert main(["check", str(path), "--format", "json"]) == 1
    (diagnostic,) = json.loads(capsys.readouterr().out)
    assert diagnostic["code"] == "FLC806" and problem in diagnostic["message"]


def test_flyte_warns_once_per_image_that_may_lack_flytekit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _project(tmp_path, "")
    assert _flyte_warnings(path, capsys) == [
        "Flyte tasks run in image 'python:3.12-slim', which flowc cannot tell has flytekit: "
        "on a Flyte cluster they start with `pyflyte-execute`",
    ]  # `own` has packages (an ImageSpec adds flytekit); `shell` is a raw container


def test_no_flyte_warning_for_images_known_to_have_flytekit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _flyte_warnings(_project(tmp_path, f'image = "{FLYTEKIT}"\n'), capsys) == []
    with_packages = _flyte_warnings(_project(tmp_path, 'packages = ["pandas==2.2.3"]\n'), capsys)
    assert len(with_packages) == 1 and "'python:3.12-slim'" in with_packages[0]  # `no_packages` gave packages=[]
    path = _project(tmp_path, '[tool.flowc.flyte]\nflytekit_images = ["python:3.12"]\n')
    assert _flyte_warnings(path, capsys) == []
    assert _flyte_warnings(_project(tmp_path, ""), capsys, "-O", "flyte.flytekit_images=python:") == []
