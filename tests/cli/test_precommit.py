"""The pre-commit hooks of `.pre-commit-hooks.yaml`, run by real `pre-commit` on real `git commit`s (issue 11).

Offline: the temporary repository's `.pre-commit-config.yaml` is a `repo: local` copy of
this repository's hook definitions (ids, file types, serial runs, the `flowc hook ...`
entry) with `language: system` and the entry run by this interpreter, so pre-commit
installs nothing. Everything else (file selection, pass/fail, output) is pre-commit's own.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

STEPS = """\
from flowc import task


@task
def double(x: int) -> int:
    return x * 2
"""

FLOW = """\
from flowc import pipeline

from steps import double


@pipeline
def twice(x: int = 1) -> int:
    y = double(x=x)
    return double(x=y)
"""

OTHER = """\
from flowc import pipeline, task


@task
def inc(x: int) -> int:
    return x + 1


@pipeline
def other(x: int = 1) -> int:
    return inc(x=x + 1)
"""


def _local_hooks() -> dict[str, Any]:
    """This repository's hook definitions as a `repo: local` entry that runs flowc from this checkout."""
    hooks = cast("list[dict[str, Any]]", yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text()))
    local: list[dict[str, Any]] = []
    for hook in hooks:
        program, *rest = shlex.split(hook["entry"])
        assert program == "flowc", hook
        entry = shlex.join([sys.executable, "-m", "flowc.cli", *rest])
        local.append({**hook, "language": "system", "entry": entry})
    return {"repos": [{"repo": "local", "hooks": local}]}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "project"
    (repo / "pipelines").mkdir(parents=True)
    (repo / "scripts").mkdir()
    (repo / "pyproject.toml").write_text('[tool.flowc]\npaths = ["pipelines"]\nout = "generated"\ntargets = ["kfp", "airflow"]\n')
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(_local_hooks(), sort_keys=False))
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "dev@example.com")
    _git(repo, "config", "user.name", "dev")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=_env(tmp_path), check=True, capture_output=True)
    return repo


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
    }


def _git(repo: Path, *args: str, skip: str = "") -> subprocess.CompletedProcess[str]:
    """Run git (`skip`: hook ids pre-commit skips); `stdout` holds stderr too, where git sends a hook's output."""
    return subprocess.run(
        ["git", *args], cwd=repo, env={**_env(repo.parent), "SKIP": skip}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, timeout=300,
    )


def _commit(repo: Path, *files: str, skip: str = "") -> subprocess.CompletedProcess[str]:
    """Stage `files` and `git commit`: the installed pre-commit hook runs both flowc hooks (but `skip`)."""
    _git(repo, "add", *files)
    return _git(repo, "commit", "-q", "-m", "change", skip=skip)


def _status(output: str, hook: str) -> str:
    """`Passed`, `Failed` or `Skipped` as pre-commit reports `hook` (its name, then dots)."""
    line = next(line for line in output.splitlines() if line.startswith(hook + "."))
    return line.rsplit(".", 1)[1].split("(")[0].strip() or line


@pytest.mark.slow
def test_flowc_check_fails_a_broken_pipeline_with_its_diagnostic_and_passes_once_fixed(repo: Path) -> None:
    (repo / "pipelines" / "steps.py").write_text(STEPS)
    (repo / "pipelines" / "flow.py").write_text(FLOW.replace("double(x=y)", "double(x=y + 1)"))
    broken = _commit(repo, ".")
    assert broken.returncode == 1, broken.stdout
    assert _status(broken.stdout, "flowc check") == "Failed"
    assert "pipelines/flow.py:9:21: error[FLC102]: unsupported expression in a pipeline" in broken.stdout
    assert "double(x=y + 1)" in broken.stdout

    (repo / "pipelines" / "flow.py").write_text(FLOW)
    fixed = _commit(repo, ".")  # generated/ did not exist: flowc-compile writes it and fails
    assert _status(fixed.stdout, "flowc check") == "Passed", fixed.stdout
    assert _status(fixed.stdout, "flowc compile (generated files are current)") == "Failed"
    assert "generated/kfp/twice.yaml is missing" in fixed.stdout and "generated/airflow/twice.py is missing" in fixed.stdout
    done = _commit(repo, ".")
    assert done.returncode == 0, done.stdout
    assert "generated/kfp/twice.yaml" in _git(repo, "ls-files").stdout


@pytest.mark.slow
def test_flowc_check_reports_the_staged_files_and_the_pipelines_importing_them(repo: Path) -> None:
    """A hook looks at what the commit changes (pre-commit's contract): a changed helper module
    re-checks the pipelines importing it; a broken pipeline that nothing staged concerns is
    left to `pre-commit run --all-files` (CI). flowc-compile, which compiles the whole project
    and so fails on the broken one, is skipped here."""
    (repo / "pipelines" / "steps.py").write_text(STEPS)
    (repo / "pipelines" / "flow.py").write_text(FLOW)
    (repo / "pipelines" / "other.py").write_text(OTHER)  # broken, imports nothing of the project
    _git(repo, "add", ".")
    assert _git(repo, "commit", "-q", "--no-verify", "-m", "broken other.py, hooks skipped").returncode == 0

    (repo / "pipelines" / "steps.py").write_text(STEPS.replace("x: int) -> int", "x: str) -> int"))
    changed = _commit(repo, "pipelines/steps.py", skip="flowc-compile")  # flow.py is unchanged: its wiring is now wrong
    assert changed.returncode == 1
    assert "pipelines/flow.py:8:18: error[FLC201]: input 'x' of 'double' expects str but got int" in changed.stdout
    assert "other.py" not in changed.stdout

    (repo / "pipelines" / "steps.py").write_text(STEPS)
    (repo / "pipelines" / "util.py").write_text(STEPS.replace("double", "halve"))  # a new module nothing imports
    fixed = _commit(repo, "pipelines/steps.py", "pipelines/util.py", skip="flowc-compile")
    assert fixed.returncode == 0 and _status(fixed.stdout, "flowc check") == "Passed", fixed.stdout

    everything = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "flowc-check", "--all-files"],
        cwd=repo, env=_env(repo.parent), capture_output=True, text=True, timeout=300,
    )
    assert everything.returncode == 1
    assert "pipelines/other.py:11:18: error[FLC102]" in everything.stdout + everything.stderr


@pytest.mark.slow
def test_flowc_compile_fails_on_a_stale_artifact_and_passes_once_regenerated(repo: Path) -> None:
    (repo / "pipelines" / "steps.py").write_text(STEPS)
    (repo / "pipelines" / "flow.py").write_text(FLOW)
    _commit(repo, ".")
    assert _commit(repo, ".").returncode == 0

    (repo / "pipelines" / "flow.py").write_text(FLOW.replace("x: int = 1", "x: int = 2"))
    stale = _commit(repo, "pipelines/flow.py")  # the artifacts were not regenerated
    assert stale.returncode == 1
    assert _status(stale.stdout, "flowc check") == "Passed"
    assert _status(stale.stdout, "flowc compile (generated files are current)") == "Failed"
    assert "generated/kfp/twice.yaml" in stale.stdout and "is out of date" in stale.stdout
    regenerated = _commit(repo, ".")  # the hook rewrote them: stage them and commit again
    assert regenerated.returncode == 0, regenerated.stdout

    yaml_file = repo / "generated" / "kfp" / "twice.yaml"
    yaml_file.write_text(yaml_file.read_text() + "# edited by hand\n")
    hand_edited = _commit(repo, "generated/kfp/twice.yaml")
    assert hand_edited.returncode == 1 and "generated/kfp/twice.yaml" in hand_edited.stdout
    _git(repo, "add", ".")
    assert _git(repo, "status", "--porcelain").stdout == ""  # the hook put the generated file back


@pytest.mark.slow
def test_files_outside_the_configured_paths_do_not_run_the_hooks(repo: Path) -> None:
    (repo / "pipelines" / "flow.py").write_text(FLOW.replace("double(x=y)", "double(x=y + 1)"))
    _git(repo, "add", ".")
    assert _git(repo, "commit", "-q", "--no-verify", "-m", "broken, hooks skipped").returncode == 0
    (repo / "scripts" / "tool.py").write_text("print('not a pipeline')\n")
    (repo / "README.md").write_text("notes\n")
    outside = _commit(repo, "scripts/tool.py", "README.md")  # nothing under [tool.flowc] paths: no check runs
    assert outside.returncode == 0, outside.stdout
    assert "FLC" not in outside.stdout


def test_the_hook_manifest_is_valid_and_names_no_folder_pattern() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    hooks = cast("list[dict[str, Any]]", yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text()))
    assert [h["id"] for h in hooks] == ["flowc-check", "flowc-compile"]
    assert all("files" not in h and h["require_serial"] for h in hooks)  # the files come from [tool.flowc]


def test_a_hook_watches_paths_root_and_for_compile_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flowc import precommit
    from flowc.config import Config, load_config

    (tmp_path / "pyproject.toml").write_text('[tool.flowc]\npaths = ["flows", "one.py"]\nroot = "src"\nout = "gen"\n')
    monkeypatch.chdir(tmp_path)
    config = load_config(tmp_path)
    changed = ["flows/a.py", "one.py", "src/lib/helpers.py", "gen/kfp/a.yaml", "docs/x.py", "flows_old/b.py"]
    assert precommit.touches(config, changed) == [Path("flows/a.py"), Path("one.py"), Path("src/lib/helpers.py")]
    assert precommit.touches(config, changed, artifacts=True)[-1] == Path("gen/kfp/a.yaml")
    assert precommit.hook_paths(config, changed) == ["flows", "one.py"]
    assert precommit.hook_paths(Config(), ["a.py", "b.md"]) == ["a.py"]  # no [tool.flowc] paths: the staged files
    assert precommit.touches(config, ["pyproject.toml", "other.toml"]) == [Path("pyproject.toml")]
    (tmp_path / "flows" / "pkg").mkdir(parents=True)
    (tmp_path / "flows" / "pkg" / "__init__.py").write_text("")
    packaged = Config(tmp_path / "pyproject.toml", paths=(Path("flows/pkg"),))  # no root: the reader's, above the package
    assert precommit.touches(packaged, ["flows/helpers.py", "docs/x.py"]) == [Path("flows/helpers.py")]
    assert precommit.changed_files(config, ["pyproject.toml", "one.py"]) is None  # [tool.flowc] concerns every pipeline
    assert precommit.changed_files(config, ["flows/a.py"]) == {os.path.realpath("flows/a.py")}
