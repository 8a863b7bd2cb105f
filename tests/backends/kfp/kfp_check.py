"""Checks every compiled spec must pass: strict protobuf parse, references that resolve."""

from __future__ import annotations

from typing import Any

import yaml


def documents(text: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
    docs = [d for d in yaml.safe_load_all(text) if d is not None]
    assert 1 <= len(docs) <= 2, f"expected a spec and at most a platform spec, got {len(docs)} documents"
    return docs[0], (docs[1] if len(docs) == 2 else None)


def strict_parse(text: str) -> tuple[Any, Any]:
    """Parse with kfp's protobuf classes, rejecting unknown fields and wrong types."""
    # The generated protobuf modules have no type stubs.
    from google.protobuf import json_format
    from kfp.kubernetes import kubernetes_executor_config_pb2
    from kfp.pipeline_spec import pipeline_spec_pb2

    spec, platform = documents(text)
    parsed = json_format.ParseDict(spec, pipeline_spec_pb2.PipelineSpec(), ignore_unknown_fields=False)  # pyright: ignore[reportAttributeAccessIssue]
    platform_msg = None
    if platform is not None:
        platform_msg = json_format.ParseDict(platform, pipeline_spec_pb2.PlatformSpec(), ignore_unknown_fields=False)  # pyright: ignore[reportAttributeAccessIssue]
        for config in platform["platforms"]["kubernetes"]["deploymentSpec"]["executors"].values():
            json_format.ParseDict(config, kubernetes_executor_config_pb2.KubernetesExecutorConfig(), ignore_unknown_fields=False)  # pyright: ignore[reportAttributeAccessIssue]
    return parsed, platform_msg


def reference_problems(spec: dict[str, Any], platform: dict[str, Any] | None = None) -> list[str]:
    """Every componentRef, executorLabel, producer and input that does not resolve."""
    problems: list[str] = []
    components: dict[str, Any] = spec["components"]
    executors: dict[str, Any] = spec["deploymentSpec"]["executors"]
    for name, component in components.items():
        label = component.get("executorLabel")
        if label is not None and label not in executors:
            problems.append(f"{name}: executor {label} missing")
        if "dag" in component:
            problems += _dag_problems(name, component, components)
    problems += _dag_problems("root", spec["root"], components)
    used = {c["executorLabel"] for c in components.values() if "executorLabel" in c}
    problems += [f"executor {e} unused" for e in executors if e not in used]
    if platform is not None:
        for label in platform["platforms"]["kubernetes"]["deploymentSpec"]["executors"]:
            if label not in executors:
                problems.append(f"platform config for unknown executor {label}")
    return problems


def _dag_problems(where: str, component: dict[str, Any], components: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    dag = component["dag"]
    tasks: dict[str, Any] = dag.get("tasks", {})
    own = component.get("inputDefinitions", {})
    for name, task in tasks.items():
        ref = task["componentRef"]["name"]
        if ref not in components:
            problems.append(f"{where}/{name}: component {ref} missing")
            continue
        callee = components[ref].get("inputDefinitions", {})
        for dep in task.get("dependentTasks", []):
            if dep not in tasks:
                problems.append(f"{where}/{name}: depends on unknown task {dep}")
        for section in ("parameters", "artifacts"):
            for key, value in task.get("inputs", {}).get(section, {}).items():
                if key not in callee.get(section, {}):
                    problems.append(f"{where}/{name}: input {key} not declared by {ref}")
                problems += _source_problems(f"{where}/{name}.{key}", value, own, tasks, components)
        if "artifactIterator" in task:
            # The KFP backend refuses it: "artifact iterator not implemented yet"
            # (backend/src/v2/compiler/argocompiler/dag.go).
            problems.append(f"{where}/{name}: artifactIterator, which the KFP backend cannot run")
        for iterator in ("parameterIterator",):
            if iterator in task:
                item = task[iterator]["itemInput"]
                declared = components[ref].get("inputDefinitions", {})
                if not any(item in declared.get(s, {}) for s in ("parameters", "artifacts")):
                    problems.append(f"{where}/{name}: item input {item} not declared")
    for section, outputs in dag.get("outputs", {}).items():
        for key, selector in outputs.items():
            for producer in _producers(selector):
                if producer not in tasks:
                    problems.append(f"{where}: output {key} from unknown task {producer}")
            if key not in component.get("outputDefinitions", {}).get(section, {}):
                problems.append(f"{where}: output {key} not declared")
    return problems


def _source_problems(where: str, value: dict[str, Any], own: dict[str, Any], tasks: dict[str, Any], components: dict[str, Any]) -> list[str]:
    for kind, section in (("componentInputParameter", "parameters"), ("componentInputArtifact", "artifacts")):
        if kind in value and value[kind] not in own.get(section, {}):
            return [f"{where}: {value[kind]} is not an input of the enclosing DAG"]
    for kind, key_name, section in (
        ("taskOutputParameter", "outputParameterKey", "parameters"),
        ("taskOutputArtifact", "outputArtifactKey", "artifacts"),
    ):
        if kind in value:
            producer = value[kind]["producerTask"]
            if producer not in tasks:
                return [f"{where}: producer {producer} not in this DAG"]
            outputs = components[tasks[producer]["componentRef"]["name"]].get("outputDefinitions", {})
            if value[kind][key_name] not in outputs.get(section, {}):
                return [f"{where}: {producer} has no output {value[kind][key_name]}"]
    return []


def _producers(selector: dict[str, Any]) -> list[str]:
    if "valueFromParameter" in selector:
        return [selector["valueFromParameter"]["producerSubtask"]]
    if "valueFromOneof" in selector:
        return [s["producerSubtask"] for s in selector["valueFromOneof"]["parameterSelectors"]]
    return [s["producerSubtask"] for s in selector.get("artifactSelectors", [])]
