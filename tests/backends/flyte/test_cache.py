"""Cache versions from step keys: flytekit's local cache re-runs the edited task and what is downstream.

The example is copied, compiled, run; then edited and compiled again, and run
against the same local cache. Reformatting changes nothing; editing one task's
code re-runs that task and the tasks after it (their inputs are the same values
here, which Flyte's own key would have served from the cache: the step keys in
`cache_version` say their upstream changed), and nothing before it.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from flowc import api
from flowc.ir.model import Program
from tests.backends.flyte.local_run import compile_pipeline, counting, flyte_sandbox, import_generated, run_workflow
from tests.conftest import EXAMPLES

TASKS = ("parse", "clean", "featurize", "summarize")


def _load(folder: Path) -> Program:
    # per-task caching as written: fused, the example's chain is one task that re-runs as a whole
    loaded = api.load([folder / "feature_etl.py"], root=folder, optimize=False)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


_VERSION = re.compile(r"cache_version='([0-9a-f]+)',\n\)\ndef (\w+)\(")  # a Python task's decorator


def module_versions(program: Program, pipeline: str) -> dict[str, str]:
    """Task name -> `cache_version` in the generated module of `pipeline`."""
    result = api.emit(program, "flyte", {})
    assert not [d for d in result.diagnostics if d.is_error], result.diagnostics
    text = result.files[f"{pipeline}_flyte.py"].decode("utf-8")
    return {name: version for version, name in _VERSION.findall(text)}


def _versions(program: Program) -> dict[str, str]:
    versions = module_versions(program, "feature_etl")
    assert set(versions) == set(TASKS)
    return versions


def _run(program: Program, workdir: Path, tag: str) -> tuple[dict[str, object], Counter[str]]:
    folder = workdir / tag
    compile_pipeline(program, folder)
    with flyte_sandbox(workdir):
        module = import_generated(folder, "feature_etl_flyte")
        with counting(module, program) as ran:
            outputs = run_workflow(module, "feature_etl", {})
    return outputs, ran


@pytest.mark.engine
def test_edited_task_reruns_untouched_tasks_come_from_cache(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(EXAMPLES / "feature_etl.py", src / "feature_etl.py")
    first = _load(src)
    out, ran = _run(first, tmp_path, "v1")
    assert out == {"output": 12} and ran == Counter({t: 1 for t in TASKS})

    text = (src / "feature_etl.py").read_text()
    reformatted = text.replace('    """Drop events below `min_count`."""\n', '    """Drop events below `min_count`."""\n    # a comment\n\n')
    reformatted = reformatted.replace("return [r for r in records if int(r[\"count\"]) >= min_count]",
                                      "return [r   for r in records\n            if int(r['count']) >= min_count]")
    assert reformatted != text
    (src / "feature_etl.py").write_text(reformatted)
    second = _load(src)
    assert _versions(second) == _versions(first)
    out, ran = _run(second, tmp_path, "v2")
    assert out == {"output": 12} and sum(ran.values()) == 0, ran

    edited = re.sub(r"(def clean\(.*\n    \"\"\".*\"\"\"\n)", r"\1    records = list(records)\n", reformatted)
    assert edited != reformatted
    (src / "feature_etl.py").write_text(edited)
    third = _load(src)
    changed = {n for n, v in _versions(third).items() if v != _versions(first)[n]}
    assert changed == {"clean", "featurize", "summarize"}
    out, ran = _run(third, tmp_path, "v3")
    assert out == {"output": 12} and ran == Counter({"clean": 1, "featurize": 1, "summarize": 1}), ran


def _churn_keys_after(tmp_path: Path, old: str, new: str) -> set[str]:
    src = tmp_path / "churn"
    src.mkdir()
    text = (EXAMPLES / "churn.py").read_text()
    assert old in text
    (src / "churn.py").write_text(text.replace(old, new))
    # task keys as written; what fusion and step keys make of them is tested in tests/ir
    before = api.load([EXAMPLES / "churn.py"], root=EXAMPLES, optimize=False).program
    after = api.load([src / "churn.py"], root=src, optimize=False).program
    return {t.name for t in after.tasks if t.cache_key != before.task(t.name).cache_key}


def test_editing_a_helper_changes_the_versions_of_its_users_only(tmp_path: Path) -> None:
    changed = _churn_keys_after(tmp_path, "return int(1.0 / (1.0 + math.exp(-z)) >= 0.5)",
                                "return int(z >= 0.0)")
    assert changed == {"pick", "evaluate"}


def test_editing_one_task_of_the_example_changes_only_its_version(tmp_path: Path) -> None:
    changed = _churn_keys_after(tmp_path, "for _ in range(EPOCHS):", "for _ in range(EPOCHS + 0):")
    assert changed == {"train"}


_CALLED_TWICE = '''
from flowc import pipeline, task


@task(cache=True)
def base(n: int) -> int:
    return n + 1


@task(cache=True)
def other(n: int) -> int:
    return n - 1


@task(cache=True)
def grow(x: int) -> int:
    return x * 10


@task(cache=True)
def alone(n: int) -> int:
    return n


@pipeline
def twice(n: int = 2) -> int:
    a = grow(x=base(n=n))
    b = grow(x=other(n=n))
    alone(n=n)
    return a
'''


def _twice_versions(tmp_path: Path, source: str) -> dict[str, str]:
    path = tmp_path / "twice.py"
    path.write_text(source)
    loaded = api.load([path], root=tmp_path, optimize=False)  # as written: fusion would make base+grow one task
    assert loaded.ok, loaded.diagnostics
    return module_versions(loaded.program, "twice")


def test_cache_versions_follow_the_step_keys_of_every_call(tmp_path: Path) -> None:
    before = _twice_versions(tmp_path, _CALLED_TWICE)
    assert set(before) == {"base", "other", "grow", "alone"}
    assert _twice_versions(tmp_path, _CALLED_TWICE.replace("    return n + 1\n", "    return (n +  1)  # one more\n")) == before
    # grow is called downstream of base and of other: an edit of either changes its one version
    for old, new in (("return n + 1", "return 1 + n"), ("return n - 1", "return -1 + n")):
        after = _twice_versions(tmp_path, _CALLED_TWICE.replace(old, new))
        edited = "base" if "n + 1" in old else "other"
        assert {t for t in before if before[t] != after[t]} == {edited, "grow"}
    after = _twice_versions(tmp_path, _CALLED_TWICE.replace("return x * 10", "return x * 100"))
    assert {t for t in before if before[t] != after[t]} == {"grow"}
