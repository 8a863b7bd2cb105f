"""`--package`: flytekit's `pyflyte package` bundle of every example, decoded and checked."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from flowc import api
from flowc.backends.flyte.backend import FlyteBackend
from flowc.backends.flyte.package import repack
from flowc.backends.flyte.tasks import cache_version
from flowc.ir.model import ContainerTask, Program, TaskNode, iter_nodes
from flowc.ir.names import python_name
from flowc.ir.passes.step_keys import task_step_keys
from tests.backends.flyte.module_names import reachable_task_names
from tests.conftest import EXAMPLE_FILES

pytestmark = pytest.mark.engine


@dataclass
class Bundle:
    """A decoded package: task specs by task name, workflow specs, launch plans, other files."""

    raw: bytes
    tasks: dict[str, Any] = field(default_factory=lambda: {})
    workflows: dict[str, Any] = field(default_factory=lambda: {})
    launch_plans: dict[str, Any] = field(default_factory=lambda: {})
    other: list[str] = field(default_factory=lambda: [])


def decode(raw: bytes) -> Bundle:
    from flyteidl.admin import launch_plan_pb2, task_pb2, workflow_pb2

    bundle = Bundle(raw)
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as tar:
        for info in tar.getmembers():
            fh = tar.extractfile(info)
            assert fh is not None
            data = fh.read()
            if info.name.endswith("_1.pb"):
                spec = task_pb2.TaskSpec.FromString(data)
                bundle.tasks[spec.template.id.name] = spec
            elif info.name.endswith("_2.pb"):
                spec = workflow_pb2.WorkflowSpec.FromString(data)
                bundle.workflows[spec.template.id.name] = spec
            elif info.name.endswith("_3.pb"):
                lp = launch_plan_pb2.LaunchPlan.FromString(data)
                bundle.launch_plans[lp.id.name] = lp
            else:
                bundle.other.append(info.name)
    return bundle


@pytest.fixture(scope="module")
def packaged(load_example: Callable[[str], Any]) -> dict[str, tuple[Program, dict[str, Bundle]]]:
    out: dict[str, tuple[Program, dict[str, Bundle]]] = {}
    for name in sorted(EXAMPLE_FILES):
        program: Program = load_example(name)
        result = api.emit(program, "flyte", {"package": "true"})
        assert not [d for d in result.diagnostics if d.code != "FLC705"], result.diagnostics  # FLC705: the image may lack flytekit
        bundles = {rel[: -len(".tgz")]: decode(data) for rel, data in result.files.items() if rel.endswith(".tgz")}
        out[name] = (program, bundles)
    return out


def _resources(spec: Any) -> dict[str, dict[str, str]]:
    from flyteidl.core import tasks_pb2

    names = tasks_pb2.Resources.ResourceName.Name
    res = spec.template.container.resources
    return {
        "requests": {names(r.name): r.value for r in res.requests},
        "limits": {names(r.name): r.value for r in res.limits},
    }


@pytest.mark.parametrize("example", sorted(EXAMPLE_FILES))
def test_bundle_holds_every_task_with_its_options(example: str, packaged: dict[str, tuple[Program, dict[str, Bundle]]]) -> None:
    program, bundles = packaged[example]
    assert bundles, "no bundle written"
    for pipeline_name, bundle in bundles.items():
        module = f"{pipeline_name}_flyte"
        assert any(n.startswith("fast") and n.endswith(".tar.gz") for n in bundle.other), bundle.other
        for task_name in reachable_task_names(program, pipeline_name):
            task = program.task(task_name)
            spec = bundle.tasks[f"{module}.{python_name(task_name)}"]
            meta = spec.template.metadata
            assert spec.template.type == ("raw-container" if isinstance(task, ContainerTask) else "python-task")
            assert spec.template.container.image == task.options.image
            assert meta.retries.retries == task.options.retries
            assert meta.discoverable == task.options.cache
            if task.options.cache:  # the version the generated module declares: from its calls' step keys
                keys = task_step_keys(program, program.pipeline(pipeline_name)).get(task_name, [])
                assert meta.discovery_version == cache_version(task, keys)
            if task.options.timeout_seconds:
                assert meta.timeout.seconds == task.options.timeout_seconds
            want = {k: v for k, v in (("CPU", task.options.resources.cpu), ("MEMORY", task.options.resources.memory)) if v}
            assert _resources(spec) == {"requests": want, "limits": want}
            assert {e.key: e.value for e in spec.template.container.env} == dict(task.options.env)
            assert [s.group for s in spec.template.security_context.secrets] == list(task.options.secrets)


@pytest.mark.parametrize("example", sorted(EXAMPLE_FILES))
def test_bundle_holds_workflow_and_schedule(example: str, packaged: dict[str, tuple[Program, dict[str, Bundle]]]) -> None:
    program, bundles = packaged[example]
    for pipeline_name, bundle in bundles.items():
        pipeline = program.pipeline(pipeline_name)
        module = f"{pipeline_name}_flyte"
        wf = bundle.workflows[f"{module}.{pipeline_name}"]
        assert sorted(wf.template.interface.inputs.variables) == sorted(p.name for p in pipeline.params)
        assert len(wf.template.nodes) >= len(pipeline.body)
        schedules = {
            name: lp.spec.entity_metadata.schedule.cron_schedule.schedule
            for name, lp in bundle.launch_plans.items() if lp.spec.entity_metadata.HasField("schedule")
        }
        assert schedules == ({f"{pipeline_name}_schedule": pipeline.schedule} if pipeline.schedule else {})


def test_map_task_and_branch_nodes_are_serialized(packaged: dict[str, tuple[Program, dict[str, Bundle]]]) -> None:
    _, bundles = packaged["churn"]
    wf = bundles["churn"].workflows["churn_flyte.churn"]
    kinds = [n.WhichOneof("target") for n in wf.template.nodes]
    assert "array_node" in kinds and "branch_node" in kinds
    _, weekly = packaged["weekly_report"]
    assert "weekly_report_flyte.region_report" in weekly["weekly_report"].workflows or any(
        s.template.id.name == "weekly_report_flyte.region_report" for s in weekly["weekly_report"].workflows["weekly_report_flyte.weekly_report"].sub_workflows
    )


def test_package_is_deterministic(load_example: Callable[[str], Any]) -> None:
    """Two separate `pyflyte package` processes give the same bundle, byte for byte after re-packing."""
    program = load_example("weekly_report")
    first = FlyteBackend().emit(program, {"package": True}).files["weekly_report.tgz"]
    second = FlyteBackend().emit(program, {"package": True}).files["weekly_report.tgz"]
    a, b = decode(first), decode(second)
    assert a.tasks == b.tasks and a.workflows == b.workflows and a.launch_plans == b.launch_plans
    assert first == second
    assert repack(first) == first


def test_bad_package_option_is_a_diagnostic(load_example: Callable[[str], Any]) -> None:
    result = api.emit(load_example("feature_etl"), "flyte", {"package": "maybe"})
    assert [d.code for d in result.diagnostics] == ["FLC811"] and not result.files


def test_tasks_of_the_module_are_those_the_pipeline_calls(packaged: dict[str, tuple[Program, dict[str, Bundle]]]) -> None:
    program, bundles = packaged["weekly_report"]
    region = bundles["region_report"]
    called = {n.task for n in iter_nodes(program.pipeline("region_report").body) if isinstance(n, TaskNode)}
    assert {name.split(".", 1)[1] for name in region.tasks} == {python_name(t) for t in called}
